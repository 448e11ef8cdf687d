import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../shared/rules/engine/evaluate.js';
import { DuplicateRuleError, RuleRegistry } from '../../shared/rules/engine/registry.js';
import { runRule } from '../../shared/rules/engine/run.js';
import { capStatus, verdictOf } from '../../shared/rules/engine/status.js';
import { buildContext } from '../../shared/rules/engine/context.js';
import type { CheckOutcome, Rule } from '../../shared/rules/engine/types.js';
import { certSubject, requestSubject } from '../support/models.js';

const AT = new Date('2025-06-01T00:00:00Z');

function rule(id: string, outcome: CheckOutcome | (() => CheckOutcome), extra: Partial<Rule> = {}): Rule {
  return {
    id,
    title: id,
    requirement: 'test',
    roles: ['general'],
    source: 'workbench',
    citation: 'test',
    maxStatus: 'error',
    applies: () => true,
    check: typeof outcome === 'function' ? outcome : () => outcome,
    ...extra,
  };
}

describe('registry', () => {
  it('rejects a duplicate id', () => {
    const registry = new RuleRegistry([rule('a', { status: 'pass', detail: '' })]);
    expect(() => registry.register(rule('a', { status: 'pass', detail: '' }))).toThrow(DuplicateRuleError);
    expect(() => new RuleRegistry([rule('b', { status: 'pass', detail: '' }), rule('b', { status: 'pass', detail: '' })])).toThrow(/registered twice/);
  });

  it('selects general rules plus the rules of the requested roles', () => {
    const registry = new RuleRegistry([
      rule('g', { status: 'pass', detail: '' }),
      rule('um', { status: 'pass', detail: '' }, { roles: ['exchange-um'] }),
      rule('edge', { status: 'pass', detail: '' }, { roles: ['edge-external'] }),
      rule('auto', { status: 'pass', detail: '' }, { roles: ['auto'] }),
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

  it('never reports above the ceiling', () => {
    expect(runRule(rule('capped', { status: 'error', detail: 'x' }, { maxStatus: 'warn' }), ctx).status).toBe('warn');
    expect(capStatus('error', 'info')).toBe('info');
    expect(capStatus('pass', 'info')).toBe('pass');
  });

  it('is not applicable when applies() says no, or for a subject kind it cannot judge', () => {
    expect(runRule(rule('na', { status: 'error', detail: '' }, { applies: () => false }), ctx).status).toBe('not_applicable');
    const reqCtx = buildContext(requestSubject(), ['general'], {}, AT);
    const f = runRule(rule('dates', { status: 'error', detail: '' }, { subjects: ['certificate'] }), reqCtx);
    expect(f.status).toBe('not_applicable');
    expect(f.detail).toMatch(/request/);
  });

  it('skips certificates issued before the effective date', () => {
    const eff = rule('eff', { status: 'error', detail: '' }, { effective: '2025-02-01T00:00:00Z' });
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
      rule('ok', { status: 'pass', detail: '' }),
      rule('boom', () => { throw new Error('bug'); }),
      rule('warned', { status: 'warn', detail: '' }),
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
  it('a finding takes the outcome title (what was found) when the rule gives one, else the rule title', () => {
    const ctx = buildContext(certSubject(), ['general'], {}, AT);
    const found = runRule(rule('t', { status: 'error', title: 'Certificate is self-signed', detail: 'x' }), ctx);
    expect(found.title).toBe('Certificate is self-signed');
    const plain = runRule(rule('t', { status: 'pass', detail: 'x' }), ctx);
    expect(plain.title).toBe('t');
  });
});
