// Requirement: RSA keys must be at least 2048 bits (Microsoft Trusted Root Program since
// 2010-12-31; CA/B Forum; Skype for Business OAuthTokenIssuer "must be at least 2048 bits").
// Lync/SfB also accept ECDH P-256/384/521. Citation: S39, S22, Gg398066.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'general.rsa-key-size',
  title: 'Key is RSA 2048 bits or more (or a standard EC curve)',
  requirement: 'An RSA key must have at least 2048 bits; EC keys must use P-256, P-384 or P-521.',
  roles: ['general'],
  source: 'microsoft',
  citation: `${CITE.S39}; ${CITE.S22}; ${CITE.S17}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', title: 'Key is RSA 2048 bits or more (or a standard EC curve)' },
    'rsa-too-small': { status: 'error', title: 'RSA key is smaller than 2048 bits' },
    'ec-curve': { status: 'error', title: 'EC key on a curve Windows and Lync/SfB do not support' },
    'other-algorithm': { status: 'warn', title: 'Key is neither RSA nor EC' },
  },
  applies: () => true,
  check(ctx) {
    const { keyAlgorithm, keySize, publicKey } = ctx.fields;
    const fix = 'Request a new certificate with a 2048-bit (or larger) RSA key: New-ExchangeCertificate -KeySize 2048, Request-CsCertificate -KeySize 2048, or KeyLength=2048 in the certreq INF.';
    if (keyAlgorithm === 'RSA') {
      if (keySize >= 2048) return { outcome: 'pass', detail: `RSA ${keySize}-bit key.`, fieldPath: 'keySize' };
      return {
        outcome: 'rsa-too-small',
        detail: `The key is RSA ${keySize || 'of unknown size'}${keySize ? '-bit' : ''}; Microsoft, the CA/B Forum and Skype for Business require at least 2048 bits.`,
        fix,
        whatBreaks: ctx.has('sfb-oauth')
          ? 'Skype for Business Server requires at least 2048 bits for the OAuthTokenIssuer certificate; server-to-server authentication with Exchange and SharePoint is at risk.'
          : 'Windows, browsers and public CAs reject RSA keys under 2048 bits; a certificate with such a key cannot be renewed as is.',
        fieldPath: 'keySize',
      };
    }
    if (keyAlgorithm === 'EC') {
      const curve = publicKey.curve ?? `${keySize}-bit curve`;
      if (['P-256', 'P-384', 'P-521'].includes(curve) || [256, 384, 521].includes(keySize)) {
        const authNote = ctx.has('exchange-auth') || ctx.has('sfb-oauth') ? ' OAuth token signing certificates are normally RSA; see the role rules.' : '';
        return { outcome: 'pass', detail: `EC key on ${curve}.${authNote}`, fieldPath: 'keyAlgorithm' };
      }
      return { outcome: 'ec-curve', detail: `EC key on ${curve}; Lync/SfB and Windows support only P-256, P-384 and P-521.`, fix, fieldPath: 'keyAlgorithm' };
    }
    return {
      outcome: 'other-algorithm',
      detail: `The key algorithm is ${keyAlgorithm}; Exchange and Lync/SfB certificates use RSA (or EC P-256/384/521).`,
      fix,
      fieldPath: 'keyAlgorithm',
    };
  },
});
