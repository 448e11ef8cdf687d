// Build what every rule is shown: the subject, its common fields, the roles, the environment,
// the evaluation time and the chain — computed once, read by all rules.
import type { Environment } from '../../environment/types.js';
import type { RoleId } from './roles.js';
import type { EvaluateOptions, RuleContext, Subject, SubjectFields } from './types.js';

export function buildContext(
  subject: Subject,
  roles: readonly RoleId[],
  env: Environment,
  at: Date,
  options: EvaluateOptions = {},
  guess: RuleContext['guess'] = null,
): RuleContext {
  const certificate = subject.kind === 'certificate' ? subject.certificate : null;
  const request = subject.kind === 'request' ? subject.request : null;
  const fields: SubjectFields = (certificate ?? request)!;
  const trust = subject.kind === 'certificate' ? (subject.trust ?? null) : null;
  const allRoles: RoleId[] = roles.includes('general') ? [...roles] : [...roles, 'general'];
  return {
    subject,
    certificate,
    request,
    fields,
    roles: allRoles,
    has: (role) => allRoles.includes(role),
    env,
    at,
    server: options.server ? options.server.trim().replace(/\.$/, '').toLowerCase() : null,
    trust,
    // A request has no chain yet: it is headed for a public CA when its role needs one.
    intendedPublic: trust ? trust.publicCa : request !== null && allRoles.includes('edge-external'),
    batchThumbprints: options.batchThumbprints ?? [],
    chainAdvice: options.chainAdvice ?? null,
    guess,
  };
}
