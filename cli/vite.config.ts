// The CLI as one ES module (plus on-demand chunks per command) for a fast start: a few files
// to load instead of dozens. Dependencies (pkijs, asn1js, node-forge) and Node built-ins stay
// external, as in any SSR build. Type-checking is tsc's job (npm run build:node).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { certbench: fileURLToPath(new URL('./certbench.ts', import.meta.url)) },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
