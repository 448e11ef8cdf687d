// The CLI as one ES module (plus on-demand chunks per command) for a fast start: a few files
// to load instead of dozens. node-forge (loaded only for legacy PFX ciphers) and Node built-ins
// stay external. Type-checking is tsc's job (npm run build:node).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  // The ASN.1 libraries are bundled in rather than resolved from node_modules at run time: each
  // is dozens of small files behind package export maps, and resolving and loading them cost
  // ~0.05 s of CPU on every start where they are on the path (measured, `inspect` of one file:
  // 0.27–0.34 s → 0.23–0.29 s). One copy each in the bundle, so `instanceof` still holds.
  ssr: { noExternal: ['@noble/hashes', 'pkijs', 'asn1js', 'bytestreamjs', '@peculiar/utils'] },
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { certbench: fileURLToPath(new URL('./certbench.ts', import.meta.url)) },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Everything `inspect` runs, in one chunk: each module file costs Node's ESM loader
        // ~1.5 ms to resolve, load and link, and inspect would otherwise load five small ones.
        codeSplitting: {
          groups: [{ name: 'open', test: /[\\/](cli[\\/](commands[\\/]inspect|format[\\/]inspectText|inputFiles|passwords)|shared[\\/](dates[\\/]daysLeft|x509[\\/]inputError))\.ts$/ }],
        },
      },
    },
  },
});
