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
  return found;
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
