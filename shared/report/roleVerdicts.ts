// A certificate checked with `--role auto` may be judged for several roles at once (an Edge
// certificate that also serves OWA IM). The report gives one line per role: a finding counts
// against a role when its rule lists that role — general rules and the guess note count for
// every role. The worst of these per-role verdicts is always the certificate's own verdict.
import type { RuleRegistry } from '../rules/engine/registry.js';
import type { RoleId } from '../rules/engine/roles.js';
import { verdictOf } from '../rules/engine/status.js';
import type { EvaluationResult, Finding } from '../rules/engine/types.js';
import type { RoleVerdict } from './model.js';

/** The roles to list: the checked roles without `general`, or `general` alone when that is all. */
export function reportedRoles(roles: readonly RoleId[]): RoleId[] {
  const specific = roles.filter((r) => r !== 'general');
  return specific.length > 0 ? specific : ['general'];
}

export function roleVerdicts(result: EvaluationResult, registry: RuleRegistry): RoleVerdict[] {
  return reportedRoles(result.roles).map((role) => {
    const findings = result.findings.filter((f) => countsFor(f, role, registry));
    const errors = findings.filter((f) => f.status === 'error' || f.status === 'fatal');
    const warnings = findings.filter((f) => f.status === 'warn');
    return {
      role,
      verdict: verdictOf(findings.map((f) => f.status)),
      errors: errors.length,
      warnings: warnings.length,
      infos: findings.filter((f) => f.status === 'info').length,
      problems: [...errors, ...warnings].map((f) => f.title),
    };
  });
}

function countsFor(finding: Finding, role: RoleId, registry: RuleRegistry): boolean {
  const rule = registry.get(finding.ruleId);
  // A finding whose rule is unknown (a newer catalogue) counts everywhere rather than nowhere.
  if (!rule) return true;
  return rule.roles.includes('general') || rule.roles.includes('auto') || rule.roles.includes(role);
}
