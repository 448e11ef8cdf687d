// Meta-tests for declared outcomes (issue 14, pkilint / zlint style):
// 1. every declared non-pass outcome (info, warn or error) of every rule — certificate rules
//    and estate rules — is named in at least one test expectation under test/: the outcome code
//    `'rule-id/outcome'` as a string literal, or, on one line, the rule id (estate rules also by
//    their id without `estate.`) and `outcome: 'code'`. Comments do not count.
// 2. every rule file under shared/rules is registered, and every rule has a non-pass outcome a
//    test names — so deleting a rule file (or its catalogue line) fails at least one test.
// The checker itself is tested on a made-up rule, so this meta-test can fail.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../shared/rules/catalogue.js';
import { ESTATE_RULES } from '../../shared/rules/estate/catalogue.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SELF = path.join(ROOT, 'test/meta/outcomeCoverage.test.ts');

interface DeclaredRule {
  id: string;
  outcomes: Readonly<Record<string, { status: string }>>;
}

/** Every .ts / .tsx source under test/ (no data files), without this file, comments removed. */
function testSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'data' && e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      } else if (/\.tsx?$/.test(e.name) && p !== SELF) {
        out.push(stripComments(fs.readFileSync(p, 'utf8')));
      }
    }
  };
  walk(path.join(ROOT, 'test'));
  return out;
}

/** Line and block comments removed (a string holding `//`, such as a URL, is kept). */
export function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The declared non-pass outcome codes no test source names. */
export function unnamedOutcomes(rules: readonly DeclaredRule[], sources: readonly string[]): string[] {
  const text = sources.join('\n');
  const lines = text.split('\n');
  const missing: string[] = [];
  for (const rule of rules) {
    const ids = [rule.id, ...(rule.id.startsWith('estate.') ? [rule.id.slice('estate.'.length)] : [])];
    for (const [code, o] of Object.entries(rule.outcomes)) {
      if (o.status === 'pass' || o.status === 'not_applicable') continue;
      const full = new RegExp(`['"\`]${escape(`${rule.id}/${code}`)}['"\`]`);
      const idOnLine = new RegExp(`['"\`](${ids.map(escape).join('|')})['"\`]`);
      const outcomeOnLine = new RegExp(`outcome:\\s*['"\`]${escape(code)}['"\`]`);
      const named = full.test(text) || lines.some((l) => idOnLine.test(l) && outcomeOnLine.test(l));
      if (!named) missing.push(`${rule.id}/${code}`);
    }
  }
  return missing;
}

describe('meta: every declared non-pass outcome is named in a test expectation', () => {
  const sources = testSources();

  it('certificate rules', () => {
    expect(unnamedOutcomes(ALL_RULES, sources)).toEqual([]);
  });

  it('estate rules', () => {
    expect(unnamedOutcomes(ESTATE_RULES, sources)).toEqual([]);
  });

  it('every rule has at least one non-pass outcome (something a test can produce)', () => {
    const silent = [...ALL_RULES, ...ESTATE_RULES].filter((r) => !Object.values(r.outcomes).some((o) => o.status !== 'pass' && o.status !== 'not_applicable'));
    expect(silent.map((r) => r.id)).toEqual([]);
  });

  it('the checker can fail: an outcome named only in a comment, or not at all, is reported', () => {
    const made = { id: 'general.made-up', outcomes: { pass: { status: 'pass' }, 'never-tested': { status: 'warn' }, 'in-comment': { status: 'error' }, tested: { status: 'info' }, 'by-line': { status: 'warn' } } };
    const fake = [
      stripComments("// expect(outcomes(r)).toEqual(['general.made-up/in-comment'])\n/* 'general.made-up/in-comment' */"),
      "expect(outcomes(r)).toEqual(['general.made-up/tested']);",
      "{ rule: 'general.made-up', outcome: 'by-line', snapshot: () => x },",
      "expect(x).toBe('general.made-up/never-tested-either');",
    ];
    expect(unnamedOutcomes([made], fake)).toEqual(['general.made-up/never-tested', 'general.made-up/in-comment']);
    // Estate rules are also found by their short id on the line of their outcome.
    expect(unnamedOutcomes([{ id: 'estate.x-rule', outcomes: { gone: { status: 'error' } } }], ["{ rule: 'x-rule', outcome: 'gone' }"])).toEqual([]);
    expect(stripComments("const url = 'https://example.com'; // note")).toBe("const url = 'https://example.com'; ");
  });
});

describe('meta: deleting a rule file fails a test', () => {
  it('every rule file under shared/rules is in a catalogue', () => {
    const ids = new Set([...ALL_RULES, ...ESTATE_RULES].map((r) => r.id));
    const unregistered: string[] = [];
    const rulesDir = path.join(ROOT, 'shared/rules');
    for (const group of fs.readdirSync(rulesDir, { withFileTypes: true })) {
      if (!group.isDirectory() || group.name === 'engine' || group.name === 'helpers') continue;
      for (const file of fs.readdirSync(path.join(rulesDir, group.name))) {
        const code = fs.readFileSync(path.join(rulesDir, group.name, file), 'utf8');
        const id = /export default define(?:Estate)?Rule\(\{\s*id:\s*'([^']+)'/.exec(code)?.[1];
        if (id && !ids.has(id)) unregistered.push(`${group.name}/${file} (${id})`);
      }
    }
    expect(unregistered).toEqual([]);
  });

  it('each rule is named in a test that evaluates it: its ids appear in test expectations', () => {
    // With every non-pass outcome named (above), each rule's rows in the scenario and golden tests
    // fail when its file is gone; here the weaker guard for rules with only pass-like outcomes.
    const text = testSources().join('\n');
    const unnamed = [...ALL_RULES, ...ESTATE_RULES].map((r) => r.id).filter((id) => !new RegExp(`['"\`]${escape(id)}([:/][a-z0-9_-]+)?['"\`]`).test(text) && !text.includes(`'${id.replace(/^estate\./, '')}'`));
    expect(unnamed).toEqual([]);
  });
});
