// `certbench inspect` of a certificate should not load pkijs/asn1js at start-up: they are only
// needed to WRITE PKCS#8 (a PKCS#1/SEC1 key wrapped, a PFX or request built), and loading them
// cost every inspect ~0.06 s of CPU. The check follows the static (value) imports from the
// command's source, as the bundler does: a dynamic `import()` or an `import type` loads nothing
// up front, so a writer may still reach pkijs through those.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const WRITERS_ONLY = /^(pkijs|asn1js)(\/|$)/;
// `import x from '…'`, `import { a } from '…'`, `export { a } from '…'`, `import '…'`; not `import type`/`export type`.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;

/** Every package imported statically from `entry`, each with the chain of files that reaches it. */
function staticPackages(entry: string): Map<string, string[]> {
  return staticGraph(entry).packages;
}

/** The repository files (relative paths) `entry` loads through static imports. */
function staticFiles(entry: string): string[] {
  return [...staticGraph(entry).files].map((f) => relative(ROOT, f));
}

function staticGraph(entry: string): { packages: Map<string, string[]>; files: Set<string> } {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue: [string, string[]][] = [[resolve(ROOT, entry), []]];
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const path = [...chain, relative(ROOT, file)];
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) queue.push([resolve(dirname(file), spec.replace(/\.js$/, '.ts')), path]);
      else if (!found.has(spec)) found.set(spec, path);
    }
  }
  return { packages: found, files: seen };
}

function writerLibraries(entry: string): string[] {
  return [...staticPackages(entry)].filter(([spec]) => WRITERS_ONLY.test(spec)).map(([spec, chain]) => `${spec} via ${chain.join(' → ')}`);
}

describe('inspect loads no PKCS#8/PFX writer at start-up', () => {
  it('the walk finds pkijs where it is imported statically (the check can fail)', () => {
    expect(writerLibraries('shared/pfx/buildPfx.ts').some((l) => l.startsWith('pkijs'))).toBe(true);
    expect(writerLibraries('shared/x509/crl.ts').some((l) => l.startsWith('pkijs'))).toBe(true);
  });

  it('cli/commands/inspect.ts reaches neither pkijs nor asn1js through static imports', () => {
    expect(staticPackages('cli/commands/inspect.ts').size).toBeGreaterThan(0);
    expect(writerLibraries('cli/commands/inspect.ts')).toEqual([]);
  });

  it('nor does the CLI entry point', () => {
    expect(writerLibraries('cli/certbench.ts')).toEqual([]);
  });
});

// The PFX and private-key readers (with the PKCS#12 KDF's generated SHA-256 loop) are loaded
// by collect.ts when a file needs them; a folder of certificates never compiles them.
describe('inspect loads no PFX or key reader at start-up', () => {
  const READERS_ONLY = ['shared/x509/pkcs12/openPfx.ts', 'shared/x509/privateKey.ts', 'shared/crypto/sha256Iterate.ts', 'shared/crypto/iterateHash.ts'];

  it('the walk finds them where they are imported statically (the check can fail)', () => {
    expect(staticFiles('shared/crypto/pkcs12Kdf.ts')).toContain('shared/crypto/sha256Iterate.ts');
    expect(staticFiles('shared/x509/pkcs12/openPfx.ts')).toContain('shared/crypto/iterateHash.ts');
  });

  // Each entry with a file it does load, so an empty walk cannot pass.
  for (const [entry, loaded] of [['cli/certbench.ts', 'cli/io.ts'], ['cli/commands/inspect.ts', 'shared/x509/collect.ts']] as const) {
    it(`${entry} reaches none of them through static imports`, () => {
      const files = staticFiles(entry);
      expect(files).toContain(loaded);
      expect(files.filter((f) => READERS_ONLY.includes(f))).toEqual([]);
    });
  }
});
