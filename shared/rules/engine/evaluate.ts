// evaluate(subject, role, environment, at): run every rule of the role (plus the general
// rules) and give the verdict. `auto` first guesses the roles and says so in a finding.
import type { Environment } from '../../environment/types.js';
import { guessRoles } from '../auto/guessRoles.js';
import { buildContext } from './context.js';
import type { RuleRegistry } from './registry.js';
import type { RoleChoice, RoleId } from './roles.js';
import { runRule } from './run.js';
import { STATUS_ORDER, verdictOf } from './status.js';
import type { EvaluateOptions, EvaluationResult, Finding, Subject } from './types.js';

export function evaluateWith(
  registry: RuleRegistry,
  subject: Subject,
  role: RoleChoice,
  environment: Environment,
  at: Date,
  options: EvaluateOptions = {},
): EvaluationResult {
  if (Number.isNaN(at.getTime())) throw new Error('The evaluation time is not a valid date.');
  let roles: RoleId[];
  let guess: { roles: RoleId[]; reasons: string[] } | null = null;
  if (role === 'auto') {
    const thumbprint = subject.kind === 'certificate' ? subject.certificate.thumbprint : null;
    const fields = subject.kind === 'certificate' ? subject.certificate : subject.request;
    guess = guessRoles(fields, thumbprint, environment);
    roles = [...guess.roles, 'general'];
  } else {
    roles = role === 'general' ? ['general'] : [role, 'general'];
  }
  const ctx = buildContext(subject, roles, environment, at, options, guess);
  const findings = registry.forRoles(ctx.roles, role === 'auto').map((rule) => runRule(rule, ctx));
  return {
    role,
    roles: [...ctx.roles],
    guessed: role === 'auto',
    verdict: verdictOf(findings.map((f) => f.status)),
    findings: sortFindings(findings),
  };
}

/** Error → Warning → Info → Pass → N/A; the catalogue order within a status. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => STATUS_ORDER.indexOf(a.f.status) - STATUS_ORDER.indexOf(b.f.status) || a.i - b.i)
    .map(({ f }) => f);
}
