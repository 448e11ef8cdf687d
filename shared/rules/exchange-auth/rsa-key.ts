// Requirement: the Auth certificate has an RSA key of at least 2048 bits (-KeySize 2048);
// the size itself is general.rsa-key-size's check, this rule checks the algorithm.
// Citation: Microsoft KB 2617816 (New-ExchangeCertificate -KeySize 2048).
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'exchange-auth.rsa-key',
  title: 'Auth certificate key is RSA',
  requirement: 'The Exchange Auth certificate is created with an RSA key (New-ExchangeCertificate -KeySize 2048).',
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S24}; ${CITE.S25}`,
  maxStatus: 'warn',
  applies: () => true,
  check(ctx) {
    const { keyAlgorithm, keySize } = ctx.fields;
    if (keyAlgorithm === 'RSA') return { status: 'pass', detail: `RSA ${keySize}-bit key.`, fieldPath: 'keyAlgorithm' };
    return {
      status: 'warn',
      detail: `The key is ${keyAlgorithm}; Exchange creates the Auth certificate with RSA 2048, and OAuth partners (Skype for Business, SharePoint, Microsoft 365 hybrid) expect RSA-signed tokens.`,
      fix: 'Create a new Auth certificate with New-ExchangeCertificate -KeySize 2048 and roll it with Set-AuthConfig.',
      fieldPath: 'keyAlgorithm',
    };
  },
});
