#!/usr/bin/env node
// `npm start`: run the desktop app. Electron downloads its binary on first use, which is not
// possible on every machine; where no binary can be had, say so in one line and serve the web
// edition instead (the same UI, in the browser). Never triggers a download by itself.
//   CERTBENCH_ELECTRON=/path/to/electron           use this binary
//   ELECTRON_OVERRIDE_DIST_PATH=/dir/with/electron  Electron's own override
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(projectRoot, 'out', 'node', 'main', 'app.js');

/** The Electron executable, or null with the reason it is missing. */
export function findElectron(env = process.env, root = projectRoot) {
  if (env.CERTBENCH_ELECTRON) {
    return existsSync(env.CERTBENCH_ELECTRON) ? { path: env.CERTBENCH_ELECTRON } : { path: null, reason: `CERTBENCH_ELECTRON=${env.CERTBENCH_ELECTRON} does not exist` };
  }
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return existsSync(candidate) ? { path: candidate } : { path: null, reason: `no Electron binary in ELECTRON_OVERRIDE_DIST_PATH (${candidate})` };
  }
  if (!existsSync(pkg)) return { path: null, reason: 'the electron package is not installed' };
  if (relative) {
    const candidate = path.join(pkg, 'dist', relative);
    if (existsSync(candidate)) return { path: candidate };
  }
  return { path: null, reason: 'the Electron binary was never downloaded (run "npx install-electron" with internet access)' };
}

async function main() {
  const found = findElectron();
  if (!found.path) {
    console.log(`No Electron binary here — ${found.reason}; serving the web edition instead.`);
    const { serveWeb } = await import('./serve-web.js');
    await serveWeb(process.argv.slice(2));
    return;
  }
  if (!existsSync(entry)) {
    console.error('out/node/main/app.js is missing: run "npm run build" first.');
    process.exitCode = 2;
    return;
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  const child = spawn(found.path, [entry, ...process.argv.slice(2)], { stdio: 'inherit', env });
  // Stopping `npm start` stops the app it started.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`Could not start CertBench: ${error.message}`);
    process.exitCode = 2;
  });
}
