// The estate rules by id, and how one runs: an outcome the rule did not declare, a status over
// its ceiling or a throw becomes a `fatal` finding — the audit goes on, and a rule that could
// not look never reads as a pass.
import type { EstateFinding } from '../../estate/auditTypes.js';
import { DuplicateRuleError } from '../engine/registry.js';
import { capStatus, statusRank } from '../engine/status.js';
import type { EstateRule, EstateRuleContext } from './types.js';

export class EstateRuleRegistry {
  private readonly byId = new Map<string, EstateRule>();

  constructor(rules: Iterable<EstateRule> = []) {
    for (const rule of rules) this.register(rule);
  }

  register(rule: EstateRule): void {
    if (!rule.id) throw new Error('An estate rule needs an id.');
    if (this.byId.has(rule.id)) throw new DuplicateRuleError(`Estate rule id "${rule.id}" is registered twice.`);
    for (const [key, o] of Object.entries(rule.outcomes)) {
      if (o.status !== 'pass' && o.status !== 'not_applicable' && statusRank(o.status) > statusRank(rule.maxStatus)) {
        throw new Error(`Estate rule "${rule.id}": outcome "${key}" reports ${o.status}, above the rule's ceiling ${rule.maxStatus}.`);
      }
    }
    this.byId.set(rule.id, rule);
  }

  get(id: string): EstateRule | undefined {
    return this.byId.get(id);
  }

  all(): EstateRule[] {
    return [...this.byId.values()];
  }
}

export function runEstateRule(rule: EstateRule, ctx: EstateRuleContext): EstateFinding[] {
  const base = { ruleId: rule.id, citation: rule.citation };
  try {
    const outcomes = rule.check(ctx);
    if (outcomes.length === 0) {
      return [{ ...base, outcome: 'not-applicable', status: 'not_applicable', title: rule.title, detail: 'Nothing in the snapshot to judge for this rule.', fix: '', servers: [], thumbprints: [] }];
    }
    return outcomes.map((o) => {
      const declared = rule.outcomes[o.outcome];
      if (!declared) throw new Error(`undeclared outcome "${o.outcome}"`);
      const finding: EstateFinding = {
        ...base,
        outcome: o.outcome,
        status: declared.status === 'pass' || declared.status === 'not_applicable' ? declared.status : capStatus(declared.status, rule.maxStatus),
        title: o.title,
        detail: o.detail,
        fix: o.fix ?? '',
        servers: [...new Set(o.servers ?? [])],
        thumbprints: [...new Set(o.thumbprints ?? [])],
      };
      if (o.whatBreaks) finding.whatBreaks = o.whatBreaks;
      return finding;
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return [
      {
        ...base,
        outcome: 'fatal',
        status: 'fatal',
        title: `${rule.title}: the rule could not run`,
        detail: `The rule could not run: ${message}. Its requirement was not checked.`,
        fix: 'Report this to the CertBench maintainers with the snapshot (it holds no private keys).',
        servers: [],
        thumbprints: [],
      },
    ];
  }
}
