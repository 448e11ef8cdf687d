// Builds the renderer — the same files serve the desktop app (app://certbench) and the web
// edition (any static http server). Relative base so both work; the CSP meta tag comes from
// main/security/csp.ts so there is one policy.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../main/security/csp.js';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../out/renderer', import.meta.url));

function cspMeta(): Plugin {
  return {
    name: 'certbench-csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
      ],
    },
  };
}

export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2048,
    // Never inline assets as data: URLs into scripts; keep the CSP simple.
    assetsInlineLimit: 0,
  },
  worker: {
    format: 'es',
  },
  // No dev-server features are used by the app itself; keep it on loopback if someone runs it.
  server: { host: '127.0.0.1' },
});
