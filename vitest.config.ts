import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Stops the run with one sentence when the OpenSSL 3 CLI (which makes every fixture) is missing.
    globalSetup: ['test/support/vitestSetup.ts'],
  },
});
