// Drive the built `certbench` CLI as a user's script would: `node bin/certbench.js ...` in a
// child process, stdout through a pipe (so a cut-off JSON document would show), no shell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_BIN = fileURLToPath(new URL('../../bin/certbench.js', import.meta.url));
export const CLI_BUILD = fileURLToPath(new URL('../../out/node/cli/certbench.js', import.meta.url));

/** Throw a clear message when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!fs.existsSync(CLI_BUILD)) {
    throw new Error(`the CLI is not built (${CLI_BUILD} is missing): run "npm run build:node" before these tests`);
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { cwd: options.cwd ?? REPO_DIR, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && typeof (error as { code?: unknown }).code !== 'number') {
          reject(new Error(`could not run the CLI: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? (error as { code: number }).code : 0, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/** stderr split into its non-empty lines. */
export function stderrLines(result: CliResult): string[] {
  return result.stderr.split(/\r?\n/).filter((l) => l.trim() !== '');
}
