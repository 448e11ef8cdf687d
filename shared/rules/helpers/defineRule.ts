// `defineRule` gives a rule literal its type and ties its check to its declared outcomes: a
// check that returns an outcome code the rule does not declare is a type error (the engine
// refuses it at run time too, and the registry refuses a declaration above the rule's ceiling).
import type { CheckOutcome, Rule, RuleContext } from '../engine/types.js';

/** A rule as written in its file: `K` is inferred from `outcomes` only, never from `check`. */
export type RuleDefinition<K extends string> = Omit<Rule<K>, 'check'> & {
  check(ctx: RuleContext): CheckOutcome<NoInfer<K>>;
};

export function defineRule<const K extends string>(rule: RuleDefinition<K>): Rule {
  return rule as Rule<K> as unknown as Rule;
}
