// Requirement: every Lync/SfB server certificate has a CRL Distribution Point, so peers can
// check revocation. Citation: Microsoft Gg398066 (and the Edge's outbound HTTP for CRLs, S15).
import { LYNC_TLS_ROLES } from '../engine/roles.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { isSelfSigned } from '../helpers/trust.js';

export default defineRule({
  id: 'lync.crl-distribution-point',
  title: 'Has a CRL Distribution Point',
  requirement: 'A certificate used by Lync/SfB must carry a CRL Distribution Point extension.',
  roles: LYNC_TLS_ROLES,
  source: 'microsoft',
  citation: `${CITE.S17}; ${CITE.S15}`,
  maxStatus: 'error',
  subjects: ['certificate'],
  // A self-signed certificate has no CA to revoke it; lync.not-self-signed speaks for it.
  outcomes: {
    pass: { status: 'pass', title: 'Has a CRL Distribution Point' },
    missing: { status: 'error', title: 'Certificate has no CRL Distribution Point' },
  },
  applies: (ctx) => !isSelfSigned(ctx),
  check(ctx) {
    const cdp = ctx.certificate!.crlDistributionPoints;
    if (cdp.length > 0) return { outcome: 'pass', detail: `CRL Distribution Point: ${cdp.join(', ')}.`, fieldPath: 'crlDistributionPoints' };
    return {
      outcome: 'missing',
      detail: 'The certificate has no CRL Distribution Point; Lync/SfB require one on every server certificate so the peer can check revocation.',
      fix: 'Configure a CDP (an HTTP URL reachable by all servers, and by the Edge over TCP 80) on the issuing CA and re-issue the certificate.',
      whatBreaks: 'Revocation checks fail: Lync/SfB peers may refuse the MTLS connection, and the Edge logs revocation errors.',
      fieldPath: 'crlDistributionPoints',
    };
  },
});
