// `--role auto`: which jobs does this certificate look like it does? Each guess comes with the
// reason, so the admin can see why CertBench checked it as, say, an Exchange UM certificate.
import type { Environment } from '../../environment/types.js';
import { cleanThumbprint } from '../../model/thumbprint.js';
import type { RoleId } from '../engine/roles.js';
import type { SubjectFields } from '../engine/types.js';
import { hasUm } from '../helpers/environment.js';
import { listHasExact, sameFqdn } from '../helpers/names.js';

export interface RoleGuess {
  roles: RoleId[];
  reasons: string[];
}

export const AUTH_CERTIFICATE_CN = 'Microsoft Exchange Server Auth Certificate';

export function guessRoles(fields: SubjectFields, thumbprint: string | null, env: Environment): RoleGuess {
  const roles = new Set<RoleId>();
  const reasons: string[] = [];
  const cn = fields.commonName;
  const add = (role: RoleId, reason: string): void => {
    roles.add(role);
    reasons.push(reason);
  };
  const sameThumb = (configured: string | undefined): boolean =>
    !!thumbprint && !!configured && cleanThumbprint(configured).value === thumbprint;

  const auth = env.authConfig;
  if (cn && cn.toLowerCase() === AUTH_CERTIFICATE_CN.toLowerCase()) {
    add('exchange-auth', `the CN is "${AUTH_CERTIFICATE_CN}"`);
  } else if (auth && [auth.currentCertificateThumbprint, auth.nextCertificateThumbprint, auth.previousCertificateThumbprint].some(sameThumb)) {
    add('exchange-auth', 'its thumbprint is in the AuthConfig of the environment');
  }
  if (Object.values(env.oauthTokenIssuerThumbprints ?? {}).some(sameThumb)) {
    add('sfb-oauth', 'its thumbprint is the OAuthTokenIssuer certificate of a Front End in the environment');
  }
  for (const pool of env.edgePools ?? []) {
    if (sameFqdn(cn, pool.accessEdgeFqdn) || (pool.accessEdgeFqdn && listHasExact(fields.dnsNames, pool.accessEdgeFqdn))) {
      if (!roles.has('edge-external')) add('edge-external', `it names the Access Edge ${pool.accessEdgeFqdn}`);
    }
    if (sameFqdn(cn, pool.internalFqdn)) {
      if (!roles.has('edge-internal')) add('edge-internal', `the CN is the Edge internal FQDN ${pool.internalFqdn}`);
    }
  }
  const owa = env.owaIm;
  if (owa && (sameFqdn(cn, owa.trustedApplicationPoolFqdn) || sameThumb(owa.certificateThumbprint))) {
    add(
      'owa-im',
      sameThumb(owa.certificateThumbprint)
        ? 'its thumbprint is the configured OWA IM certificate thumbprint'
        : `the CN is the OWA trusted application pool ${owa.trustedApplicationPoolFqdn}`,
    );
  }
  for (const server of env.exchangeServers ?? []) {
    if (!hasUm(server) || roles.has('exchange-um')) continue;
    if (sameFqdn(cn, server.fqdn)) add('exchange-um', `the CN is the Exchange server ${server.fqdn}`);
    else if (listHasExact(fields.dnsNames, server.fqdn)) add('exchange-um', `the SAN names the Exchange server ${server.fqdn}`);
  }
  return { roles: [...roles], reasons };
}
