// The lint configuration catches what it is there for: a hook that misses a dependency, a hook
// called conditionally, and an eslint-disable comment that no longer suppresses anything.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('eslint.config.js', () => {
  it('reports a missing hook dependency in the renderer', async () => {
    const code = `import { useEffect } from 'react';\nexport function useX(a: number) {\n  useEffect(() => console.log(a), []);\n}\n`;
    expect(await rulesHit(code, 'renderer/app/lintProbe.ts')).toContain('react-hooks/exhaustive-deps');
  }, 60_000);

  it('reports a hook called conditionally', async () => {
    const code = `import { useState } from 'react';\nexport function useX(a: boolean) {\n  if (a) useState(0);\n}\n`;
    expect(await rulesHit(code, 'renderer/app/lintProbe.ts')).toContain('react-hooks/rules-of-hooks');
  }, 60_000);

  it('reports an eslint-disable comment that suppresses nothing', async () => {
    const code = `// eslint-disable-next-line no-console\nexport const x = 1;\n`;
    const hits = await rulesHit(code, 'shared/lintProbe.ts');
    expect(hits.join('\n')).toMatch(/Unused eslint-disable directive/);
  }, 60_000);

  it('passes clean code', async () => {
    const code = `import { useEffect } from 'react';\nexport function useX(a: number) {\n  useEffect(() => console.log(a), [a]);\n}\n`;
    expect(await rulesHit(code, 'renderer/app/lintProbe.ts')).toEqual([]);
  }, 60_000);
});
