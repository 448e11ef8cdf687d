// Requirement: Lync/SfB accept SHA-1 or SHA-2 signatures with PKCS#1 v1.5 padding; RSASSA-PSS
// signed certificates are unsupported ("errors on login and call forwarding").
// Citation: Microsoft Gg398066.
import { LYNC_TLS_ROLES } from '../engine/roles.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

const RSASSA_PSS = '1.2.840.113549.1.1.10';

export default defineRule({
  id: 'lync.no-rsassa-pss',
  title: 'Not signed with RSASSA-PSS',
  requirement: 'A certificate for Lync/SfB must not be signed with RSASSA-PSS.',
  roles: LYNC_TLS_ROLES,
  source: 'microsoft',
  citation: CITE.S17,
  maxStatus: 'error',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Not signed with RSASSA-PSS' },
    pss: { status: 'error', title: 'Certificate is signed with RSASSA-PSS' },
  },
  applies: () => true,
  check(ctx) {
    const cert = ctx.certificate!;
    if (cert.signatureAlgorithmOid !== RSASSA_PSS && !/pss/i.test(cert.signatureAlgorithm)) {
      return { outcome: 'pass', detail: `Signature algorithm ${cert.signatureAlgorithm}.`, fieldPath: 'signatureAlgorithm' };
    }
    return {
      outcome: 'pss',
      detail: `The certificate is signed with RSASSA-PSS (${cert.signatureAlgorithm}); Lync/SfB do not support PSS signatures.`,
      fix: 'Have the CA sign with sha256WithRSAEncryption (on ADCS: certutil -setreg ca\\csp\\AlternateSignatureAlgorithm 0, restart the CA) and re-issue.',
      whatBreaks: 'Errors at sign-in and on call forwarding.',
      fieldPath: 'signatureAlgorithm',
    };
  },
});
