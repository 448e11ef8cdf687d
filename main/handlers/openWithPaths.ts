// "Open with CertBench" and double-clicks on associated files arrive as command-line
// arguments: the installed app gets `CertBench.exe C:\certs\um.pfx`, a development run gets
// `electron out/node/main/app.js um.pfx`. Switches (Chromium's and ours) are never files.

export interface ArgvContext {
  /** app.isPackaged: in development the second argument is the app entry, not a file. */
  isPackaged: boolean;
}

export function openWithPaths(argv: readonly string[], context: ArgvContext): string[] {
  const skip = context.isPackaged ? 1 : 2;
  const paths: string[] = [];
  let afterDoubleDash = false;
  for (const arg of argv.slice(skip)) {
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (arg.trim().length === 0) continue;
    // A URL handed to the app (a protocol launch) is not a file to open.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) continue;
    if (!paths.includes(arg)) paths.push(arg);
  }
  return paths;
}
