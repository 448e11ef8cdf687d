#!/usr/bin/env node
// Rewrites docs/sources.md from the code (sources, URLs, rules, outcomes, tests, fact ids):
// runs the staleness test with UPDATE_SOURCES=1, which writes the page the test compares.
// The page itself is built by scripts/gen-sources-page.ts (TypeScript, loaded by Vitest).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync('npx', ['vitest', 'run', 'test/rules/sourcesPage.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UPDATE_SOURCES: '1' },
});
process.exit(run.status ?? 1);
