// A catalogue of rules keyed by id. Registering an id twice is a programming error caught at
// load time (as zlint's registration does), not a silent override.
import type { RoleId } from './roles.js';
import type { Rule } from './types.js';

export class DuplicateRuleError extends Error {
  override readonly name = 'DuplicateRuleError';
}

export class RuleRegistry {
  private readonly byId = new Map<string, Rule>();

  constructor(rules: Iterable<Rule> = []) {
    for (const rule of rules) this.register(rule);
  }

  register(rule: Rule): void {
    if (!rule.id) throw new Error('A rule needs an id.');
    if (this.byId.has(rule.id)) throw new DuplicateRuleError(`Rule id "${rule.id}" is registered twice.`);
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
