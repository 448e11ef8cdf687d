#!/usr/bin/env node
// Entry point of the `certbench` CLI. `npm run build` (and `npm ci`, through the prepare
// script) writes the bundled CLI to out/cli/ and the plain tsc output to out/node/; the
// bundle starts faster, the tsc output is the fallback.
import { existsSync } from 'node:fs';

const bundled = new URL('../out/cli/certbench.js', import.meta.url);
const compiled = new URL('../out/node/cli/certbench.js', import.meta.url);
const entry = existsSync(bundled) ? bundled : compiled;
if (!existsSync(entry)) {
  process.stderr.write('certbench is not built yet: run "npm run build" in the CertBench folder first.\n');
  process.exitCode = 2;
} else {
  // Last line of defence: whatever slips through is one line on stderr, never a stack trace.
  const oneLine = (e) => {
    process.stderr.write(`certbench: unexpected failure (${String(e && e.message ? e.message : e).split('\n')[0]}); please report it with the command you ran.\n`);
    process.exitCode = 2;
  };
  // A reader that stops early (`certbench rules | head`) closes the pipe: that is not a
  // failure of ours, so stop quietly instead of reporting EPIPE.
  const readerGone = (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    oneLine(e);
  };
  process.stdout.on('error', readerGone);
  process.on('uncaughtException', oneLine);
  process.on('unhandledRejection', oneLine);
  const { main, nodeIo } = await import(entry.href);
  // exitCode, never process.exit(): large JSON on a pipe must be flushed completely.
  process.exitCode = await main(process.argv.slice(2), nodeIo());
}
