// Run the certificate rules for a set of roles at once (the engine's evaluateWith takes one
// role; a binding may imply several — UM and Auth on one Exchange certificate, say). Same
// context builder, same rule runner, same ordering and verdict as evaluateWith.
import type { Environment } from '../environment/types.js';
import { buildContext } from '../rules/engine/context.js';
import { sortFindings } from '../rules/engine/evaluate.js';
import type { RuleRegistry } from '../rules/engine/registry.js';
import type { RoleId } from '../rules/engine/roles.js';
import { runRule } from '../rules/engine/run.js';
import { verdictOf } from '../rules/engine/status.js';
import type { EvaluateOptions, EvaluationResult, Rule, Subject } from '../rules/engine/types.js';

/** The rules for a role set, picked once per registry (an estate asks the same few sets a thousand times). */
const picked = new WeakMap<RuleRegistry, Map<string, Rule[]>>();

function rulesFor(registry: RuleRegistry, roles: readonly RoleId[]): Rule[] {
  let byRoles = picked.get(registry);
  if (!byRoles) picked.set(registry, (byRoles = new Map()));
  const key = `${registry.all().length}|${roles.join(',')}`; // a rule registered later makes a new key
  let rules = byRoles.get(key);
  if (!rules) byRoles.set(key, (rules = registry.forRoles(roles)));
  return rules;
}

export function evaluateRoles(
  registry: RuleRegistry,
  subject: Subject,
  roles: readonly RoleId[],
  environment: Environment,
  at: Date,
  options: EvaluateOptions = {},
): EvaluationResult {
  const ctx = buildContext(subject, roles, environment, at, options, null);
  const findings = rulesFor(registry, ctx.roles).map((rule) => runRule(rule, ctx));
  const nonGeneral = ctx.roles.filter((r) => r !== 'general');
  return {
    role: nonGeneral.length === 1 ? nonGeneral[0]! : 'general',
    roles: [...ctx.roles],
    guessed: false,
    verdict: verdictOf(findings.map((f) => f.status)),
    findings: sortFindings(findings),
  };
}
