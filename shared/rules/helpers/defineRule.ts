// `defineRule` only gives a rule literal its type; the registry checks the rest.
import type { Rule } from '../engine/types.js';

export function defineRule(rule: Rule): Rule {
  return rule;
}
