// Where the real-world corpora live — vendored in `test/data/<name>/` with their README
// (origin, commit) and LICENSE, so a fresh clone tests with nothing beside it — and a small
// pool that runs many short `openssl` processes on both cores without a shell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `CERTBENCH_CORPUS` points the tests at another copy (e.g. a larger one); default `test/data`. */
export const CORPUS_DIR = process.env.CERTBENCH_CORPUS ?? fileURLToPath(new URL('../data/', import.meta.url));

/** The folder of one corpus: `zlint`, `dotnet`, `css-exchange`. */
export function corpusDir(name: string): string {
  const dir = path.join(CORPUS_DIR, name);
  if (!fs.existsSync(dir)) {
    throw new Error(`The corpus folder ${dir} is missing: it ships with the repository in test/data/${name} (or set CERTBENCH_CORPUS to a folder that holds ${name}/).`);
  }
  return dir;
}

/** The README and LICENSE that travel with each corpus are not test files. */
const NOT_DATA = /^(LICENSE|NOTICE|README)(\.\w+)?$/i;

/** The data files of one corpus (names, sorted), without its README and LICENSE. */
export function corpusFiles(name: string): string[] {
  return fs
    .readdirSync(corpusDir(name))
    .filter((f) => !NOT_DATA.test(f))
    .sort();
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `openssl ARGS` without throwing: the caller reads the exit code. */
export function opensslAsync(args: readonly string[], options: { input?: Uint8Array; env?: Record<string, string> } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'openssl',
      [...args],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
        if (error && (error as { code?: unknown }).code === 'ENOENT') reject(new Error('openssl is not on PATH'));
        else resolve({ code, stdout, stderr });
      },
    );
    if (options.input) child.stdin?.end(Buffer.from(options.input));
    else child.stdin?.end();
  });
}

/** Map `items` through `work` with at most `limit` in flight (default: one per core, at least 2). */
export async function mapPool<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = Math.max(2, os.availableParallelism())): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `sha1 Fingerprint=AB:CD:…` → `ABCD…`, or null when the output has none. */
export function parseFingerprint(stdout: string): string | null {
  const m = /Fingerprint=([0-9A-F:]+)/i.exec(stdout);
  return m ? m[1]!.replace(/:/g, '').toUpperCase() : null;
}
