// DNS rebinding against the web edition's server: a request whose Host header is not a
// loopback name with the server's port is refused (421) before any file is served.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface ServeWeb {
  createWebServer(root: string, options?: { host?: string }): http.Server;
}

let server: http.Server;
let port: number;
let root: string;

function get(host: string | undefined, urlPath = '/index.html'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // setHost: false lets the test send no Host header at all.
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers: host === undefined ? {} : { host }, setHost: host !== undefined }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-web-host-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>secret list</title>');
  const mod = (await import('../../scripts/serve-web.js' as string)) as ServeWeb;
  server = mod.createWebServer(root);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('serve-web.js Host header', () => {
  it('serves loopback names with the port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const r = await get(host);
      expect(r.status, host).toBe(200);
      expect(r.body).toContain('secret list');
    }
  });
  it('refuses any other name, a wrong port, a missing Host', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', 'localhost', `127.0.0.1:${port}@evil.example`, `0.0.0.0:${port}`, `[::ffff:127.0.0.1]:${port}`]) {
      const r = await get(host);
      expect(r.status, host).toBe(421);
      expect(r.body).not.toContain('secret list');
    }
    // Without a Host header Node's HTTP/1.1 parser answers 400 itself; either way, nothing served.
    const none = await get(undefined);
    expect([400, 421]).toContain(none.status);
    expect(none.body).not.toContain('secret list');
  });
});
