// A catalogue of rules keyed by id. Registering an id twice is a programming error caught at
// load time (as zlint's registration does), not a silent override; so is a rule whose declared
// outcomes do not fit its ceiling (pkilint's declared finding catalogue).
import type { RoleId } from './roles.js';
import { statusRank } from './status.js';
import { ENGINE_OUTCOMES, type Rule } from './types.js';

export class DuplicateRuleError extends Error {
  override readonly name = 'DuplicateRuleError';
}

/** A rule whose declared outcomes break the contract (refused when the rule is registered). */
export class OutcomeDeclarationError extends Error {
  override readonly name = 'OutcomeDeclarationError';
}

/**
 * The contract every rule's outcome list keeps: at least one outcome; none named like the
 * engine's own (`not-applicable`, `fatal`); each a title; none above the ceiling; the ceiling
 * reached by some outcome (so the catalogue's "worst status" is true); an unconfirmed fact
 * never an error.
 */
export function checkOutcomeDeclarations(rule: Pick<Rule, 'id' | 'outcomes' | 'maxStatus' | 'unconfirmed'>): void {
  const entries = Object.entries(rule.outcomes ?? {});
  const fail = (why: string): never => {
    throw new OutcomeDeclarationError(`Rule "${rule.id}": ${why}`);
  };
  if (entries.length === 0) fail('declares no outcomes.');
  let worst = 0;
  for (const [code, o] of entries) {
    if ((ENGINE_OUTCOMES as readonly string[]).includes(code)) fail(`outcome "${code}" is the engine's own code.`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code)) fail(`outcome code "${code}" is not lower-case-with-hyphens.`);
    if (!o.title?.trim()) fail(`outcome "${code}" has no title.`);
    if (statusRank(o.status) > statusRank(rule.maxStatus)) fail(`outcome "${code}" reports ${o.status}, above the rule's ceiling ${rule.maxStatus}.`);
    if (rule.unconfirmed && o.status === 'error') fail(`outcome "${code}" is an error, but the rule's fact is unconfirmed.`);
    worst = Math.max(worst, statusRank(o.status));
  }
  if (worst < statusRank(rule.maxStatus)) fail(`no outcome reaches the declared ceiling ${rule.maxStatus}.`);
}

export class RuleRegistry {
  private readonly byId = new Map<string, Rule>();

  constructor(rules: Iterable<Rule> = []) {
    for (const rule of rules) this.register(rule);
  }

  register(rule: Rule): void {
    if (!rule.id) throw new Error('A rule needs an id.');
    if (this.byId.has(rule.id)) throw new DuplicateRuleError(`Rule id "${rule.id}" is registered twice.`);
    checkOutcomeDeclarations(rule);
    this.byId.set(rule.id, rule);
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  all(): Rule[] {
    return [...this.byId.values()];
  }

  /** Rules for these roles: a rule runs when it lists `general` or any of the roles. */
  forRoles(roles: readonly RoleId[], includeAutoNotes = false): Rule[] {
    return this.all().filter(
      (rule) =>
        rule.roles.includes('general') ||
        roles.some((r) => rule.roles.includes(r)) ||
        (includeAutoNotes && rule.roles.includes('auto')),
    );
  }
}
