// What the web edition's benchmarks (scripts/bench-web.js, scripts/bench-web-report.js) share:
// the web edition served by scripts/serve-web.js on a free loopback port, Chromium launched
// through Playwright, the folder's files, and the small number helpers of their reports.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const fmt = (n) => Math.round(n).toLocaleString('en-US');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const verdict = (ms, target) => (ms < target ? 'MET' : 'NOT MET');

/** The value after `flag` in `args`, or undefined. */
export const flagValue = (args, flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);

export function withTimeout(promise, ms, what) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${fmt(ms)} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** serve-web.js serving `webRoot` on port 0 (a free port); `url` resolves with the URL it prints. */
export function startServer(webRoot) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve-web.js'), '--port', '0', '--host', '127.0.0.1', '--root', webRoot], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/https?:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve(m[0]);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => reject(new Error(`serve-web.js exited (${code}): ${err.trim() || out.trim()}`)));
    child.once('error', reject);
  });
  process.once('exit', () => child.kill());
  return { child, url: withTimeout(url, 15_000, 'Starting the web server') };
}

/** Chromium at `executablePath`, headless, without the background traffic that would skew timings. */
export async function launchChromium(executablePath) {
  const { chromium } = await import('@playwright/test');
  return withTimeout(
    chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    }),
    30_000,
    'Starting Chromium',
  );
}

/** The folder's files (not its sub-folders), by name, as absolute paths. */
export function filesIn(folder) {
  return readdirSync(folder)
    .filter((f) => statSync(path.join(folder, f)).isFile())
    .sort()
    .map((f) => path.resolve(folder, f));
}
