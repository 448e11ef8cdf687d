// shared/ is the core that runs unchanged in Node, the browser and a Web Worker: it imports no
// Electron and no Node module. (DOM globals are kept out by tsconfig.shared.json, which `npm
// test` type-checks against the Web Worker library only.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FORBIDDEN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](electron|node:[^'"]+|fs|path|os|crypto|child_process|worker_threads|buffer|stream|url|util)['"]/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the core stays portable', () => {
  const sources = files(join(ROOT, 'shared'));

  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('imports neither Electron nor Node modules', () => {
    const offenders = sources.filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a Node import', () => {
    expect(FORBIDDEN.test("import { readFileSync } from 'node:fs';")).toBe(true);
    expect(FORBIDDEN.test("const e = await import('electron');")).toBe(true);
    expect(FORBIDDEN.test("import forge from 'node-forge';")).toBe(false);
  });
});
