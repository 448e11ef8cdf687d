#!/usr/bin/env node
// Entry point of the `certbench` CLI. The TypeScript is compiled by `npm run build:node`
// (which `npm ci` runs through the prepare script) into out/node/.
import { existsSync } from 'node:fs';

const entry = new URL('../out/node/cli/certbench.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('certbench is not built yet: run "npm run build:node" in the CertBench folder first.\n');
  process.exitCode = 2;
} else {
  const { main, nodeIo } = await import(entry.href);
  // exitCode, never process.exit(): large JSON on a pipe must be flushed completely.
  process.exitCode = await main(process.argv.slice(2), nodeIo());
}
