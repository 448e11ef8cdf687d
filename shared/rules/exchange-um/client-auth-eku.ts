// Requirement (unconfirmed): whether UM's mutual TLS with Lync/SfB also needs the Client
// Authentication EKU is not documented — reported, not documented, so a note at most.
// Citation: Microsoft Gg398066 (Server Authentication); docs/domain-rules.md UM-09 [UNC].
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { umUnavailableReason } from '../helpers/environment.js';

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export default defineRule({
  id: 'exchange-um.client-auth-eku',
  title: 'Client Authentication EKU for UM mutual TLS (unconfirmed)',
  requirement: 'UM talks mutual TLS with Lync/SfB; whether the certificate also needs Client Authentication is reported, not documented.',
  roles: ['exchange-um'],
  source: 'community',
  citation: `${CITE.S17}; UM-09 in the CertBench domain reference (unconfirmed)`,
  maxStatus: 'info',
  unconfirmed: true,
  outcomes: {
    pass: { status: 'pass', title: 'EKU includes Client Authentication' },
    missing: { status: 'info', title: 'EKU has no Client Authentication (unconfirmed need)' },
  },
  applies: (ctx) => !!ctx.fields.extendedKeyUsage && umUnavailableReason(ctx) === null,
  check(ctx) {
    const eku = ctx.fields.extendedKeyUsage!;
    if (eku.oids.includes(CLIENT_AUTH)) return { outcome: 'pass', detail: 'The EKU includes Client Authentication as well.', fieldPath: 'extendedKeyUsage' };
    return {
      outcome: 'missing',
      detail: `The EKU (${eku.names.join(', ')}) has no Client Authentication. UM opens MTLS connections to Lync/SfB; whether that needs Client Authentication is reported, not documented.`,
      fix: 'If MWI or play-on-phone fail with TLS errors, request the next UM certificate with Server and Client Authentication.',
      fieldPath: 'extendedKeyUsage',
    };
  },
});
