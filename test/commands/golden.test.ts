// Golden scripts: each generated script must equal the reviewed file in golden/. Regenerate
// deliberately with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../shared/commands/commandsFor.js';
import { GOLDEN_CASES } from './cases.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('golden PowerShell scripts', () => {
  for (const [name, options] of Object.entries(GOLDEN_CASES)) {
    it(name, () => {
      const script = commandsFor(options);
      const file = join(GOLDEN_DIR, `${name}.ps1`);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, script);
      }
      expect(existsSync(file), `missing golden file ${file}; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(script).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('every golden file belongs to a case (no stale goldens)', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.ps1')).map((f) => f.replace(/\.ps1$/, ''));
    expect(files.sort()).toEqual(Object.keys(GOLDEN_CASES).sort());
  });
});
