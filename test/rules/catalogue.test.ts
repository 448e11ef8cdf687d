// Meta-test: every rule in the catalogue is complete, lives in its own file under
// shared/rules/<role>/ that opens with its requirement, and no unconfirmed fact is an error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, defaultRegistry } from '../../shared/rules/catalogue.js';
import { ROLE_IDS } from '../../shared/rules/engine/roles.js';

const RULES_DIR = fileURLToPath(new URL('../../shared/rules/', import.meta.url));
const SOURCES = ['microsoft', 'cabf', 'rfc', 'community', 'workbench'];

describe('rule catalogue', () => {
  it('registers every rule once', () => {
    expect(defaultRegistry.all()).toHaveLength(ALL_RULES.length);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  });

  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      it('has its metadata', () => {
        expect(rule.id).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
        expect(rule.title.length).toBeGreaterThan(5);
        expect(rule.requirement.length).toBeGreaterThan(20);
        expect(rule.citation.length).toBeGreaterThan(5);
        expect(SOURCES).toContain(rule.source);
        expect(rule.roles.length).toBeGreaterThan(0);
        for (const role of rule.roles) expect([...ROLE_IDS, 'auto']).toContain(role);
        expect(['info', 'warn', 'error']).toContain(rule.maxStatus);
        if (rule.effective) expect(Number.isNaN(Date.parse(rule.effective))).toBe(false);
      });

      it('lives in shared/rules/<group>/<name>.ts, opening with its requirement', () => {
        const [group, name] = rule.id.split('.') as [string, string];
        const file = path.join(RULES_DIR, group, `${name}.ts`);
        expect(fs.existsSync(file), file).toBe(true);
        const text = fs.readFileSync(file, 'utf8');
        expect(text.startsWith('// Requirement'), `${file} opens with "// Requirement…"`).toBe(true);
        expect(text).toContain(`id: '${rule.id}'`);
      });

      it('never makes an unconfirmed fact an error', () => {
        if (rule.unconfirmed) expect(rule.maxStatus).not.toBe('error');
      });
    });
  }

  it('has no rule file that is not in the catalogue', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    // Cross-server rules have their own registry and meta-test (test/estate/catalogue.test.ts).
    const skip = new Set(['engine', 'helpers', 'estate']);
    for (const group of fs.readdirSync(RULES_DIR, { withFileTypes: true })) {
      if (!group.isDirectory() || skip.has(group.name)) continue;
      for (const file of fs.readdirSync(path.join(RULES_DIR, group.name))) {
        if (!file.endsWith('.ts') || file === 'guessRoles.ts') continue;
        expect(ids.has(`${group.name}.${file.replace(/\.ts$/, '')}`), `${group.name}/${file} is registered`).toBe(true);
      }
    }
  });
});
