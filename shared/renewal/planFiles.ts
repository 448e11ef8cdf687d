// Opened certificate files → the certificates a plan covers. The role comes from the rules'
// evaluation (given, or guessed for `auto` and said so); the servers from the environment, by
// what the role needs: the Auth certificate on every Exchange server (OA-EX-03), the
// OAuthTokenIssuer on every Front End (OA-LY-01), the Edge certificate on the Edge pool, the UM
// certificate on the UM server.
import type { Environment } from '../environment/types.js';
import type { RoleId } from '../rules/engine/roles.js';
import type { CertificateSubject, EvaluationResult } from '../rules/engine/types.js';
import type { PlanCertificate } from './planTypes.js';

export function serversForRole(environment: Environment, role: RoleId, server?: string): string[] {
  const exchange = (environment.exchangeServers ?? []).map((s) => s.fqdn);
  const edge = (environment.edgePools ?? []).flatMap((p) => (role === 'edge-internal' ? [p.internalFqdn] : [p.accessEdgeFqdn]).filter((x): x is string => !!x));
  const given = server ? [server] : [];
  switch (role) {
    case 'exchange-auth':
      return exchange;
    case 'exchange-um':
      return given.length ? given : (environment.exchangeServers ?? []).filter((s) => s.roles?.some((r) => /^UM$/i.test(r))).map((s) => s.fqdn);
    case 'owa-im':
      return given.length ? given : exchange;
    case 'sfb-oauth':
      return (environment.sfbPools ?? []).flatMap((p) => p.servers ?? [p.fqdn]);
    case 'edge-external':
    case 'edge-internal':
      return given.length ? given : edge;
    default:
      return given;
  }
}

export function planCertificateFromFile(
  file: string,
  subject: CertificateSubject,
  evaluation: EvaluationResult,
  environment: Environment,
  server?: string,
): PlanCertificate {
  const c = subject.certificate;
  const role = evaluation.roles.find((r) => r !== 'general') ?? 'general';
  return {
    source: file,
    thumbprint: c.thumbprint,
    subject: c.subject,
    issuer: c.issuer,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    publicCa: subject.trust?.publicCa ?? false,
    role,
    servers: serversForRole(environment, role, server),
  };
}
