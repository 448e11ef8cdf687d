// Golden collector scripts: each generated script must equal the reviewed file in golden/.
// Regenerate deliberately with UPDATE_GOLDEN=1 and review the diff (as test/commands/golden.test.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectScript, type CollectScriptOptions } from '../../shared/estate/collector/collectScript.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const COLLECT_GOLDEN_CASES: Record<string, CollectScriptOptions> = {
  'collect-exchange': { exchange: true, skype: false },
  'collect-skype': { exchange: false, skype: true },
  'collect-both': { exchange: true, skype: true },
};

describe('golden collector scripts', () => {
  for (const [name, options] of Object.entries(COLLECT_GOLDEN_CASES)) {
    it(name, () => {
      const script = collectScript(options);
      const file = join(GOLDEN_DIR, `${name}.ps1`);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, script);
      }
      expect(existsSync(file), `missing golden file ${file}; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(script).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('every golden file belongs to a case (no stale goldens)', () => {
    const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.ps1')).map((f) => f.replace(/\.ps1$/, ''));
    expect(files.sort()).toEqual(Object.keys(COLLECT_GOLDEN_CASES).sort());
  });
});
