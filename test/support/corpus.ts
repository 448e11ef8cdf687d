// Where the real-world corpus lives (../shared/corpus beside the repository, see its README) and
// a small pool that runs many short `openssl` processes on both cores without a shell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `CERTBENCH_CORPUS` overrides; default `<repo>/../shared/corpus`. */
export const CORPUS_DIR = process.env.CERTBENCH_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

export function corpusDir(sub: string): string {
  const dir = path.join(CORPUS_DIR, sub);
  if (!fs.existsSync(dir)) {
    throw new Error(`the corpus folder ${dir} is missing: it ships in shared/corpus beside the repository (set CERTBENCH_CORPUS to its path)`);
  }
  return dir;
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
