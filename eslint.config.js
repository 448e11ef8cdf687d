// ESLint for the whole repository (run by `npm run lint`, and by `npm test` before Vitest).
// Deliberately small: ESLint's and typescript-eslint's recommended rules (syntax-only, no type
// information — a type-aware run would double the time of `npm test` on a small machine, and
// `tsc` already checks types) plus the two React hook rules that catch real bugs. An
// `eslint-disable` comment that no longer suppresses anything is an error, so every one left
// in the code says something true.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'test/data/**', 'renderer/public/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The project matches control characters on purpose (to escape or refuse them in names,
      // file names, terminal output and PowerShell); the rule guards against accidental ones.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,cts}'],
    rules: {
      // `_` marks an argument a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The preload is CommonJS by necessity (sandboxed preloads cannot load ES modules).
    files: ['main/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The web benchmarks hand functions to the browser (page.evaluate): they run against the DOM.
    files: ['scripts/bench-web*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Tests: YAML and JSON read loosely, rethrown failures carry their own message, and expected
    // output with aligned columns is clearer with its spaces written out.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'preserve-caught-error': 'off',
      'no-regex-spaces': 'off',
    },
  },
);
