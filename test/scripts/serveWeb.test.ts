// Issue 16 item 17: `npm run web` on a busy port takes the next free one (or, for a port asked
// for, says how to choose another); stopping `npm start` (web fallback) stops its server.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}

/** Runs a script until it prints a URL or exits; returns the child, its output and the URL. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, env: { ...process.env, PORT: '', ...env } });
  let out = '';
  const ready = new Promise<{ url: string | null; out: string }>((resolve) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ url: m[0], out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => resolve({ url: null, out }));
  });
  return { child, ready };
}

const busy: Server[] = [];
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const s of busy.splice(0)) s.close();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('serve-web ports and stopping', () => {
  it('takes the next free port when the default one is busy', async () => {
    // A high port stands in for the default (PORT unset is the default path: --root only).
    const base = 45_000 + Math.floor(Math.random() * 1000);
    busy.push(await occupy(base));
    const { child, ready } = run('serve-web.js', [], { CERTBENCH_TEST_DEFAULT_PORT: String(base) });
    children.push(child);
    const { url } = await ready;
    expect(url).not.toBeNull();
    expect(url).not.toContain(`:${base}/`);
  }, 20_000);

  it('refuses a busy port that was asked for, saying how to choose another', async () => {
    const base = 46_000 + Math.floor(Math.random() * 1000);
    busy.push(await occupy(base));
    const { child, ready } = run('serve-web.js', ['--port', String(base)]);
    children.push(child);
    const { url, out } = await ready;
    expect(url).toBeNull();
    expect(out).toMatch(new RegExp(`port ${base} .*in use.*--port`));
  }, 20_000);

  it('npm start without Electron serves the web edition and a SIGTERM stops it', async () => {
    const port = 47_000 + Math.floor(Math.random() * 1000);
    const { child, ready } = run('start.js', ['--port', String(port)], { CERTBENCH_ELECTRON: '/nonexistent/electron' });
    children.push(child);
    const { url } = await ready;
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // The port is free again.
    busy.push(await occupy(port));
  }, 20_000);
});
