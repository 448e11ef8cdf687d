// Requirement: the certificate must come from a CA both sides trust, not be self-signed.
// Microsoft: the self-signed certificate UM installs "does not enable SfB Server and Exchange
// UM to trust each other"; the Edge external needs a public CA; OWA IM and the Edge internal
// interface an internal or public CA trusted by Lync — all server-to-server traffic is MTLS.
// Citation: Microsoft S2, S11, S15; SfB "Public Key Infrastructure" (MTLS between servers).
import { CITE } from '../helpers/citations.js';
import { LYNC_TLS_ROLES } from '../engine/roles.js';
import { defineRule } from '../helpers/defineRule.js';
import { isSelfSigned } from '../helpers/trust.js';

export default defineRule({
  id: 'lync.not-self-signed',
  title: 'Not self-signed',
  requirement: 'A certificate Lync/SfB validates must be issued by a CA both sides trust; a self-signed certificate is not supported.',
  roles: LYNC_TLS_ROLES,
  source: 'microsoft',
  citation: `${CITE.S2}; ${CITE.S11}; ${CITE.S15}; ${CITE.MS_CHAIN}`,
  maxStatus: 'error',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Not self-signed' },
    'self-signed': { status: 'error', title: 'Certificate is self-signed' },
  },
  applies: () => true,
  check(ctx) {
    const cert = ctx.certificate!;
    if (!isSelfSigned(ctx)) return { outcome: 'pass', detail: `Issued by ${cert.issuer}.`, fieldPath: 'issuer' };
    // A MUST for every role here: Lync/SfB servers talk MTLS, and MTLS needs a certificate from a
    // CA the Lync/SfB servers trust — UM, OWA IM, and the Edge internal interface as much as the external one.
    return {
      outcome: 'self-signed',
      detail: `The certificate is self-signed (issuer = subject = ${cert.subject}). ${ctx.has('exchange-um') ? 'The self-signed certificate Exchange creates "does not enable SfB Server and Exchange UM to trust each other".' : 'Lync/SfB servers do not trust it: server-to-server traffic is mutual TLS, which needs a certificate issued by a CA the Lync/SfB servers trust.'}`,
      fix: ctx.has('edge-external')
        ? 'Request the Edge external certificate from a public CA.'
        : 'Request a certificate from your internal CA (trusted by every Exchange and Lync/SfB server) and assign it instead.',
      whatBreaks: ctx.has('edge-internal')
        ? 'Front End → Edge MTLS fails: CMS replication to the Edge over HTTPS 4443 stops and remote users cannot sign in.'
        : ctx.has('owa-im')
          ? 'Lync/SfB refuse the MTLS connection from OWA: presence and IM do not appear in OWA.'
          : 'The TLS/MTLS handshake between Exchange and Lync/SfB fails.',
      fieldPath: 'issuer',
    };
  },
});
