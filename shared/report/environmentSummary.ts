// The deployment the certificates were judged against, as names. Configured thumbprints and
// the trusted roots' PEM stay out: the report lists what exists, the certificate sections say
// which certificate is which.
import type { Environment } from '../environment/types.js';
import type { EnvironmentSummary } from './model.js';

export function environmentSummary(env: Environment): EnvironmentSummary {
  const exchangeServers = (env.exchangeServers ?? []).map((s) => ({
    fqdn: s.fqdn,
    ...(s.version ? { version: s.version } : {}),
    ...(s.os ? { os: s.os } : {}),
    roles: [...(s.roles ?? [])],
  }));
  const sfbPools = (env.sfbPools ?? []).map((p) => ({
    fqdn: p.fqdn,
    ...(p.version ? { version: p.version } : {}),
    servers: [...(p.servers ?? [])],
  }));
  const edgePools = (env.edgePools ?? []).map((p) => ({
    ...(p.internalFqdn ? { internalFqdn: p.internalFqdn } : {}),
    ...(p.accessEdgeFqdn ? { accessEdgeFqdn: p.accessEdgeFqdn } : {}),
    ...(p.webConferencingEdgeFqdn ? { webConferencingEdgeFqdn: p.webConferencingEdgeFqdn } : {}),
    ...(p.avEdgeFqdn ? { avEdgeFqdn: p.avEdgeFqdn } : {}),
    ...(p.version ? { version: p.version } : {}),
  }));
  const owa = env.owaIm;
  const owaIm =
    owa && (owa.trustedApplicationPoolFqdn || owa.imServerName)
      ? {
          ...(owa.trustedApplicationPoolFqdn ? { trustedApplicationPoolFqdn: owa.trustedApplicationPoolFqdn } : {}),
          ...(owa.imServerName ? { imServerName: owa.imServerName } : {}),
        }
      : undefined;
  const sipDomains = [...(env.sipDomains ?? [])];
  const smtpDomains = [...(env.smtpDomains ?? [])];
  const trustedRootCount = env.trustedRoots?.length ?? 0;
  const empty =
    exchangeServers.length + sfbPools.length + edgePools.length + sipDomains.length + smtpDomains.length + trustedRootCount === 0 &&
    !owaIm &&
    !env.authConfig &&
    Object.keys(env.oauthTokenIssuerThumbprints ?? {}).length === 0;
  return {
    ...(env.name ? { name: env.name } : {}),
    exchangeServers,
    sfbPools,
    edgePools,
    sipDomains,
    smtpDomains,
    ...(owaIm ? { owaIm } : {}),
    trustedRootCount,
    empty,
  };
}
