// Requirement: every Lync/SfB server certificate carries the Server Authentication EKU
// (1.3.6.1.5.5.7.3.1) when it restricts key usage at all. Citation: Microsoft Gg398066.
import { LYNC_TLS_ROLES } from '../engine/roles.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';

export default defineRule({
  id: 'lync.server-auth-eku',
  title: 'Extended Key Usage includes Server Authentication',
  requirement: 'When the certificate has an Extended Key Usage extension, it must include Server Authentication (1.3.6.1.5.5.7.3.1).',
  roles: LYNC_TLS_ROLES,
  source: 'microsoft',
  citation: CITE.S17,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', title: 'Extended Key Usage includes Server Authentication' },
    missing: { status: 'error', title: 'Extended Key Usage lacks Server Authentication' },
  },
  applies: () => true,
  check(ctx) {
    const eku = ctx.fields.extendedKeyUsage;
    if (!eku) return { outcome: 'pass', detail: 'No Extended Key Usage extension: the certificate is valid for any purpose, Server Authentication included.', fieldPath: 'extendedKeyUsage' };
    if (eku.oids.includes(SERVER_AUTH) || eku.oids.includes(ANY_EKU)) {
      return { outcome: 'pass', detail: `Extended Key Usage: ${eku.names.join(', ')}.`, fieldPath: 'extendedKeyUsage' };
    }
    return {
      outcome: 'missing',
      detail: `The Extended Key Usage lists ${eku.names.join(', ') || 'nothing'} but not Server Authentication; Lync/SfB need Server Authentication on every server certificate.`,
      fix: 'Request it from a template that includes Server Authentication (the ADCS "Web Server" template, or OID=1.3.6.1.5.5.7.3.1 in the certreq [EnhancedKeyUsageExtension]).',
      whatBreaks: 'Schannel refuses to use the certificate as a TLS server certificate; the service does not start listening on TLS.',
      fieldPath: 'extendedKeyUsage',
    };
  },
});
