// Requirement: the Edge internal certificate's subject is the Edge internal FQDN (or the
// internal VIP); no SAN is needed (the SAN is not queried). Citation: Microsoft Edge
// environmental requirements; Gg398920; Hh202161. Edge replication (CMS over HTTPS 4443)
// uses this certificate (seed 004).
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { howFound, targetEdgePool } from '../helpers/environment.js';
import { sameFqdn } from '../helpers/names.js';

export default defineRule({
  id: 'edge-internal.cn-is-internal-fqdn',
  title: 'CN is the Edge internal FQDN',
  requirement: 'The Edge internal certificate\'s subject CN must be the internal FQDN of the Edge server or pool.',
  roles: ['edge-internal'],
  source: 'microsoft',
  citation: `${CITE.S15}; ${CITE.S16}; ${CITE.S1}`,
  maxStatus: 'error',
  applies: () => true,
  check(ctx) {
    const cn = ctx.fields.commonName;
    const target = targetEdgePool(ctx, 'internal');
    const internal = target?.server.internalFqdn;
    if (!internal) {
      return {
        status: 'warn',
        detail: `The CN is ${cn ?? '(none)'}; the environment names no Edge internal FQDN to compare it with.`,
        fix: 'Add edgePools[].internalFqdn to the environment, or pass --server <Edge internal FQDN>.',
        fieldPath: 'commonName',
      };
    }
    if (sameFqdn(cn, internal)) return { status: 'pass', detail: `The CN ${cn} is the Edge internal FQDN (${howFound(target.how)}).`, fieldPath: 'commonName' };
    return {
      status: 'error',
      detail: `The CN is ${cn ?? '(none)'}, but the Edge internal FQDN is ${internal}; Front Ends and Directors compare the CN with it (the SAN is not queried).`,
      fix: `Issue the internal certificate with CN=${internal} (internal CA, Server Authentication) and assign it with Set-CsCertificate -Type Internal.`,
      whatBreaks: 'Front End → Edge MTLS fails: CMS replication to the Edge over HTTPS 4443 stops and remote users cannot sign in.',
      fieldPath: 'commonName',
    };
  },
});
