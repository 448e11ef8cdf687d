#!/usr/bin/env node
// Serves the web edition (out/renderer) on loopback: a tiny static server with the right MIME
// types (module scripts and the worker must be JavaScript) and the same Content-Security-Policy
// as the desktop app (both come from the compiled main/ modules). No dependencies.
//   node scripts/serve-web.js [--port 4173] [--host 127.0.0.1] [--root out/renderer]
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// One policy and one MIME table for the desktop app and the web edition: the compiled
// main/ modules (npm run build:node, which `npm ci` runs) are the source of both.
const compiled = (rel) => path.join(projectRoot, 'out', 'node', 'main', rel);
if (!existsSync(compiled('security/csp.js'))) {
  console.error('Build CertBench first: npm run build (the web server uses out/node/main).');
  process.exit(2);
}
const { CONTENT_SECURITY_POLICY } = await import(pathToFileURL(compiled('security/csp.js')).href);
const { mimeTypeFor } = await import(pathToFileURL(compiled('protocol/mimeTypes.js')).href);
export { CONTENT_SECURITY_POLICY };

export function mimeType(file) {
  return mimeTypeFor(file);
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  'cache-control': 'no-store',
};

/** The file under `root` a request path names, or null when it would leave `root`. */
export function resolveRequestPath(root, urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const full = path.resolve(root, '.' + pathname);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/**
 * DNS rebinding: a page on evil.example whose name is made to resolve to 127.0.0.1 reaches this
 * server with `Host: evil.example:<port>`. Only loopback names, with the port we listen on, are
 * answered (a name given with --host too, when it is not a loopback one).
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function isAllowedHost(hostHeader, port, extraName) {
  if (typeof hostHeader !== 'string') return false;
  const host = hostHeader.toLowerCase();
  const names = extraName ? [...LOOPBACK_NAMES, extraName.includes(':') && !extraName.startsWith('[') ? `[${extraName}]` : extraName.toLowerCase()] : LOOPBACK_NAMES;
  return names.some((name) => host === `${name}:${port}` || (port === 80 && host === name));
}

export function createWebServer(root, options = {}) {
  const absRoot = path.resolve(root);
  return http.createServer(async (req, res) => {
    if (!isAllowedHost(req.headers.host, req.socket.localPort, options.host)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('This server answers only http://127.0.0.1, localhost or [::1] with its port.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    const file = resolveRequestPath(absRoot, req.url ?? '/');
    if (!file) {
      res.writeHead(400, SECURITY_HEADERS).end('Bad request');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': mimeType(file), 'content-length': info.size, ...SECURITY_HEADERS });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
    }
  });
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export async function serveWeb(args = process.argv.slice(2)) {
  const root = path.resolve(projectRoot, option(args, '--root', 'out/renderer'));
  // A port someone asked for (--port, PORT) is used or refused; the default moves on to the next
  // free one, so a second `npm run web` does not fail on a busy 4173.
  const chosen = option(args, '--port', process.env.PORT || undefined);
  // (CERTBENCH_TEST_DEFAULT_PORT stands in for 4173 in the tests, which must not take the real one.)
  const port = Number(chosen ?? process.env.CERTBENCH_TEST_DEFAULT_PORT ?? '4173');
  const host = option(args, '--host', '127.0.0.1');
  try {
    await stat(path.join(root, 'index.html'));
  } catch {
    console.error(`No web edition in ${path.relative(process.cwd(), root) || root}: run "npm run build" first.`);
    process.exitCode = 2;
    return null;
  }
  const server = createWebServer(root, { host });
  const listen = (p) =>
    new Promise((resolve, reject) => {
      const onError = (error) => (server.off('listening', onListening), reject(error));
      const onListening = () => (server.off('error', onError), resolve());
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    });
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(port + attempt);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
      if (chosen !== undefined || attempt >= 20) {
        throw new Error(`port ${port + attempt} on ${host} is in use; choose another with --port (npm run web -- --port ${port + attempt + 1}).`, { cause: error });
      }
    }
  }
  // Stopping the command stops the server: Ctrl+C, or a SIGTERM/SIGHUP from whatever started it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections?.();
      process.exit(0);
    });
  }
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/`;
  console.log(`CertBench web edition: ${url}  (serving ${path.relative(process.cwd(), root) || root}; nothing leaves this machine — Ctrl+C to stop)`);
  return { server, url };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  serveWeb().catch((error) => {
    console.error(`Could not start the web server: ${error.message}`);
    process.exitCode = 2;
  });
}
