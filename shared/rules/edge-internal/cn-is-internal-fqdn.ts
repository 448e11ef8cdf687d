// Requirement: the Edge internal certificate's subject is the Edge internal FQDN (or the
// internal VIP); no SAN is needed (the SAN is not queried). Citation: Microsoft Edge
// environmental requirements (SfB). Gg398920 is not cited: it allows a wildcard subject here,
// a documented conflict lync.cn-not-wildcard reports once as a warning — a wildcard that covers
// the internal FQDN is therefore not a second finding here. Edge replication (CMS over HTTPS
// 4443) uses this certificate (seed 004).
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { howFound, targetEdgePool } from '../helpers/environment.js';
import { sameFqdn, wildcardCovers } from '../helpers/names.js';

export default defineRule({
  id: 'edge-internal.cn-is-internal-fqdn',
  title: 'CN is the Edge internal FQDN',
  requirement: 'The Edge internal certificate\'s subject CN must be the internal FQDN of the Edge server or pool.',
  roles: ['edge-internal'],
  source: 'microsoft',
  citation: `${CITE.S15}; ${CITE.SEED004}`,
  maxStatus: 'error',
  symptoms:
    'Front End → Edge MTLS fails: CMS replication to the Edge over HTTPS 4443 stops (Get-CsManagementStoreReplicationStatus shows the Edge not up to date) and remote users cannot sign in.',
  outcomes: {
    pass: { status: 'pass', title: 'CN is the Edge internal FQDN' },
    'internal-fqdn-unknown': { status: 'warn', title: 'Edge internal FQDN unknown: CN not confirmed' },
    'other-name': { status: 'error', title: 'CN is not the Edge internal FQDN' },
  },
  applies: () => true,
  check(ctx) {
    const cn = ctx.fields.commonName;
    const target = targetEdgePool(ctx, 'internal');
    const internal = target?.server.internalFqdn;
    if (!internal) {
      return {
        outcome: 'internal-fqdn-unknown',
        detail: `The CN is ${cn ?? '(none)'}; the environment names no Edge internal FQDN to compare it with.`,
        fix: 'Add edgePools[].internalFqdn to the environment, or name the Edge internal FQDN as the server this certificate is for.',
        fieldPath: 'commonName',
      };
    }
    if (sameFqdn(cn, internal)) return { outcome: 'pass', detail: `The CN ${cn} is the Edge internal FQDN (${howFound(target.how)}).`, fieldPath: 'commonName' };
    if (cn && wildcardCovers(cn, internal)) {
      return { outcome: 'pass', detail: `The wildcard CN ${cn} covers the Edge internal FQDN ${internal}; whether a wildcard is supported here is lync.cn-not-wildcard's warning.`, fieldPath: 'commonName' };
    }
    return {
      outcome: 'other-name',
      detail: `The CN is ${cn ?? '(none)'}, but the Edge internal FQDN is ${internal}; Front Ends and Directors compare the CN with it (the SAN is not queried).`,
      fix: `Issue the internal certificate with CN=${internal} (internal CA, Server Authentication) and assign it with Set-CsCertificate -Type Internal.`,
      whatBreaks: 'Front End → Edge MTLS fails: CMS replication to the Edge over HTTPS 4443 stops and remote users cannot sign in.',
      fieldPath: 'commonName',
    };
  },
});
