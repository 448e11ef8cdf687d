// Requirement: no SHA-1 (or weaker) signatures: public CAs stopped issuing SHA-1 subscriber
// certificates on 2016-01-01 (CA/B ballot 118); elsewhere SHA-1 is deprecated. Lync accepts
// SHA-1 or SHA-2 (Gg398066), so outside a public chain it is a warning. A self-signed
// certificate's own signature protects nothing (it is trusted by thumbprint), so it is a note.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { isSelfSigned } from '../helpers/trust.js';

const WEAK = ['SHA-1', 'MD5', 'MD2', 'MD4'];

export default defineRule({
  id: 'general.sha1-signature',
  title: 'Signed with SHA-256 or stronger',
  requirement: 'The certificate signature must use SHA-2; SHA-1 from a public CA after 2016-01-01 is a violation, SHA-1 elsewhere is deprecated.',
  roles: ['general'],
  source: 'cabf',
  citation: `${CITE.S30}; ${CITE.S17}`,
  maxStatus: 'error',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Signed with SHA-256 or stronger' },
    'md-signature': { status: 'error', title: 'Certificate is signed with an MD hash' },
    'sha1-self-signed': { status: 'info', title: 'Self-signed certificate is signed with SHA-1' },
    'sha1-public': { status: 'error', title: 'Public CA signed with SHA-1 after 2016-01-01' },
    sha1: { status: 'warn', title: 'Certificate is signed with SHA-1' },
  },
  applies: () => true,
  check(ctx) {
    const cert = ctx.certificate!;
    const hash = cert.signatureHash;
    if (!hash || !WEAK.includes(hash.toUpperCase())) {
      return { outcome: 'pass', detail: `Signature algorithm ${cert.signatureAlgorithm}.`, fieldPath: 'signatureAlgorithm' };
    }
    const fix = 'Re-issue the certificate from a CA that signs with SHA-256 (for an internal ADCS CA: certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256, restart the CA, then re-issue).';
    if (hash.toUpperCase().startsWith('MD')) {
      return { outcome: 'md-signature', detail: `The certificate is signed with ${cert.signatureAlgorithm} (${hash}), which Windows no longer trusts.`, fix, fieldPath: 'signatureAlgorithm' };
    }
    if (isSelfSigned(ctx)) {
      return {
        outcome: 'sha1-self-signed',
        detail: `The self-signed certificate is signed with ${cert.signatureAlgorithm}. Its own signature does not matter for trust (peers pin it by thumbprint), but scanners will flag it.`,
        fix: 'Replace it with a SHA-256 certificate when you next renew it.',
        fieldPath: 'signatureAlgorithm',
      };
    }
    if (ctx.intendedPublic && Date.parse(cert.notBefore) >= Date.parse('2016-01-01T00:00:00Z')) {
      return {
        outcome: 'sha1-public',
        detail: `A public CA signed this certificate with ${cert.signatureAlgorithm} on ${cert.notBefore.slice(0, 10)}; public CAs may not issue SHA-1 certificates since 2016-01-01.`,
        fix,
        whatBreaks: 'Browsers and Windows reject SHA-1 server certificates from public CAs.',
        fieldPath: 'signatureAlgorithm',
      };
    }
    return {
      outcome: 'sha1',
      detail: `The certificate is signed with ${cert.signatureAlgorithm}. Lync/SfB still accept SHA-1, but browsers, OWA clients and security scanners do not.`,
      fix,
      fieldPath: 'signatureAlgorithm',
    };
  },
});
