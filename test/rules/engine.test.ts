import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../shared/rules/engine/evaluate.js';
import { DuplicateRuleError, OutcomeDeclarationError, RuleRegistry } from '../../shared/rules/engine/registry.js';
import { OutcomeContractError, runRule, statusOfOutcome } from '../../shared/rules/engine/run.js';
import { capStatus, statusRank, verdictOf, type MaxStatus } from '../../shared/rules/engine/status.js';
import { buildContext } from '../../shared/rules/engine/context.js';
import { defineRule } from '../../shared/rules/helpers/defineRule.js';
import { outcomeCode, type CheckOutcome, type OutcomeDeclaration, type Rule } from '../../shared/rules/engine/types.js';
import { certSubject, requestSubject } from '../support/models.js';

const AT = new Date('2025-06-01T00:00:00Z');

/** A test rule whose outcomes are named after their status (`pass`, `info`, `warn`, `error`), up to its ceiling. */
function rule(id: string, outcome: CheckOutcome | (() => CheckOutcome), extra: Partial<Rule> = {}): Rule {
  const maxStatus: MaxStatus = extra.maxStatus ?? 'error';
  const outcomes: Record<string, OutcomeDeclaration> = {};
  for (const s of ['pass', 'info', 'warn', 'error'] as const) {
    if (statusRank(s) <= statusRank(maxStatus)) outcomes[s] = { status: s, title: `${id} found ${s}` };
  }
  return {
    id,
    title: id,
    requirement: 'test',
    roles: ['general'],
    source: 'workbench',
    citation: 'test',
    maxStatus,
    outcomes,
    applies: () => true,
    check: typeof outcome === 'function' ? outcome : () => outcome,
    ...extra,
  };
}

describe('registry', () => {
  it('refuses outcome declarations that break the contract', () => {
    const base = rule('d', { outcome: 'pass', detail: '' });
    expect(() => new RuleRegistry([{ ...base, outcomes: {} }])).toThrow(OutcomeDeclarationError);
    expect(() => new RuleRegistry([{ ...base, maxStatus: 'warn' }])).toThrow(/above the rule's ceiling warn/);
    expect(() => new RuleRegistry([{ ...base, outcomes: { pass: { status: 'pass', title: 'ok' }, bad: { status: 'warn', title: 'w' } } }])).toThrow(/reaches the declared ceiling error/);
    expect(() => new RuleRegistry([{ ...base, outcomes: { ...base.outcomes, fatal: { status: 'error', title: 'f' } } }])).toThrow(/engine's own/);
    expect(() => new RuleRegistry([{ ...base, outcomes: { ...base.outcomes, Bad_Code: { status: 'error', title: 'f' } } }])).toThrow(/lower-case/);
    expect(() => new RuleRegistry([{ ...base, outcomes: { ...base.outcomes, x: { status: 'error', title: ' ' } } }])).toThrow(/no title/);
    expect(() => new RuleRegistry([{ ...base, unconfirmed: true }])).toThrow(/unconfirmed/);
  });

  it('rejects a duplicate id', () => {
    const registry = new RuleRegistry([rule('a', { outcome: 'pass', detail: '' })]);
    expect(() => registry.register(rule('a', { outcome: 'pass', detail: '' }))).toThrow(DuplicateRuleError);
    expect(() => new RuleRegistry([rule('b', { outcome: 'pass', detail: '' }), rule('b', { outcome: 'pass', detail: '' })])).toThrow(/registered twice/);
  });

  it('selects general rules plus the rules of the requested roles', () => {
    const registry = new RuleRegistry([
      rule('g', { outcome: 'pass', detail: '' }),
      rule('um', { outcome: 'pass', detail: '' }, { roles: ['exchange-um'] }),
      rule('edge', { outcome: 'pass', detail: '' }, { roles: ['edge-external'] }),
      rule('auto', { outcome: 'pass', detail: '' }, { roles: ['auto'] }),
    ]);
    expect(registry.forRoles(['exchange-um', 'general']).map((r) => r.id)).toEqual(['g', 'um']);
    expect(registry.forRoles(['general']).map((r) => r.id)).toEqual(['g']);
    expect(registry.forRoles(['general'], true).map((r) => r.id)).toEqual(['g', 'auto']);
  });
});

describe('running a rule', () => {
  const ctx = buildContext(certSubject(), ['general'], {}, AT);

  it('turns a throw into a fatal finding and keeps the message', () => {
    const f = runRule(rule('boom', () => { throw new Error('no SAN decoder'); }), ctx);
    expect(f.status).toBe('fatal');
    expect(f.detail).toContain('no SAN decoder');
  });

  it('refuses an outcome the rule does not declare, or a status above the outcome\'s cap (fatal, never a pass)', () => {
    const undeclared = runRule(rule('capped', { outcome: 'error', detail: 'x' }, { maxStatus: 'warn' }), ctx);
    expect(undeclared.status).toBe('fatal');
    expect(undeclared.outcome).toBe('fatal');
    expect(undeclared.detail).toContain('does not declare');
    const over = runRule(rule('over', { outcome: 'warn', status: 'error', detail: 'x' }), ctx);
    expect(over.status).toBe('fatal');
    expect(over.detail).toMatch(/declared warn/);
    const passAsInfo = runRule(rule('p', { outcome: 'pass', status: 'info', detail: 'x' }), ctx);
    expect(passAsInfo.status).toBe('fatal');
    // Below the cap is allowed: a warn outcome may report info.
    expect(runRule(rule('under', { outcome: 'warn', status: 'info', detail: 'x' }), ctx).status).toBe('info');
    expect(() => statusOfOutcome(rule('x', { outcome: 'pass', detail: '' }), 'nope', undefined)).toThrow(OutcomeContractError);
    expect(() => statusOfOutcome(rule('x', { outcome: 'pass', detail: '' }), 'toString', undefined)).toThrow(OutcomeContractError);
    expect(() => statusOfOutcome(rule('x', { outcome: 'pass', detail: '' }), 'info', 'warn')).toThrow(/declared info/);
    expect(capStatus('error', 'info')).toBe('info');
    expect(capStatus('pass', 'info')).toBe('pass');
  });

  it('an undeclared outcome code is a type error in a rule file (and refused at run time)', () => {
    const typed = defineRule({
      id: 'typed',
      title: 'typed',
      requirement: 'test',
      roles: ['general'],
      source: 'workbench',
      citation: 'test',
      maxStatus: 'warn',
      outcomes: { pass: { status: 'pass', title: 'fine' }, odd: { status: 'warn', title: 'odd' } },
      applies: () => true,
      // @ts-expect-error 'nope' is not one of the declared outcomes ('pass' | 'odd'): the check does not type-check
      check: () => ({ outcome: 'nope', detail: 'x' }),
    });
    expect(runRule(typed, ctx).status).toBe('fatal');
  });

  it('a finding carries its outcome code', () => {
    const f = runRule(rule('coded', { outcome: 'warn', detail: 'x' }), ctx);
    expect(f.outcome).toBe('warn');
    expect(outcomeCode(f)).toBe('coded/warn');
    expect(f.status).toBe('warn');
  });

  it('is not applicable when applies() says no, or for a subject kind it cannot judge', () => {
    expect(runRule(rule('na', { outcome: 'error', detail: '' }, { applies: () => false }), ctx).status).toBe('not_applicable');
    const reqCtx = buildContext(requestSubject(), ['general'], {}, AT);
    const f = runRule(rule('dates', { outcome: 'error', detail: '' }, { subjects: ['certificate'] }), reqCtx);
    expect(f.status).toBe('not_applicable');
    expect(f.detail).toMatch(/request/);
  });

  it('skips certificates issued before the effective date', () => {
    const eff = rule('eff', { outcome: 'error', detail: '' }, { effective: '2025-02-01T00:00:00Z' });
    expect(runRule(eff, ctx).status).toBe('not_applicable'); // issued 2025-01-01
    const later = buildContext(certSubject({ notBefore: '2025-03-01T00:00:00.000Z' }), ['general'], {}, AT);
    expect(runRule(eff, later).status).toBe('error');
  });
});

describe('verdict', () => {
  it('fails on error or fatal, warns on warn, else passes', () => {
    expect(verdictOf(['pass', 'info', 'not_applicable'])).toBe('pass');
    expect(verdictOf(['pass', 'warn', 'info'])).toBe('warn');
    expect(verdictOf(['warn', 'error'])).toBe('fail');
    expect(verdictOf(['fatal'])).toBe('fail');
    expect(verdictOf([])).toBe('pass');
  });

  it('a throwing rule fails the verdict while the other rules still run', () => {
    const registry = new RuleRegistry([
      rule('ok', { outcome: 'pass', detail: '' }),
      rule('boom', () => { throw new Error('bug'); }),
      rule('warned', { outcome: 'warn', detail: '' }),
    ]);
    const result = evaluateWith(registry, certSubject(), 'general', {}, AT);
    expect(result.verdict).toBe('fail');
    expect(result.findings.map((f) => `${f.ruleId}:${f.status}`)).toEqual(['boom:fatal', 'warned:warn', 'ok:pass']);
  });

  it('refuses an invalid evaluation time', () => {
    expect(() => evaluateWith(new RuleRegistry(), certSubject(), 'general', {}, new Date('nope'))).toThrow(/evaluation time/);
  });
});

describe('per-outcome titles', () => {
  it('a finding takes the title the check gives (what was found), else the outcome\'s declared title', () => {
    const ctx = buildContext(certSubject(), ['general'], {}, AT);
    const found = runRule(rule('t', { outcome: 'error', title: 'Certificate is self-signed', detail: 'x' }), ctx);
    expect(found.title).toBe('Certificate is self-signed');
    const declared = runRule(rule('t', { outcome: 'error', detail: 'x' }), ctx);
    expect(declared.title).toBe('t found error');
    const plain = runRule(rule('t', { outcome: 'pass', detail: 'x' }), ctx);
    expect(plain.title).toBe('t found pass');
  });
});
