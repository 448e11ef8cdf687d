// Requirement: the Auth certificate has an RSA key in a legacy CSP — Microsoft's own tooling
// creates it with UseRSACryptoServiceProvider = $true, because Exchange cannot use it as the
// Auth certificate otherwise; a legacy CSP holds no EC key. The size is general.rsa-key-size's
// check; a CNG provider named in a PFX is general.key-provider-cng's.
// Citation: Microsoft KB 2617816 (New-ExchangeCertificate -KeySize 2048); CSS-Exchange
// New-ExchangeAuthCertificate.ps1.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'exchange-auth.rsa-key',
  title: 'Auth certificate key is RSA',
  requirement: 'The Exchange Auth certificate must have an RSA key in a legacy CSP (New-ExchangeCertificate -KeySize 2048); an EC key cannot be the Auth certificate.',
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S24}; ${CITE.CSS_AUTH_CSP}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', title: 'Auth certificate key is RSA' },
    'not-rsa': { status: 'error', title: 'Auth certificate key is not RSA' },
  },
  applies: () => true,
  check(ctx) {
    const { keyAlgorithm, keySize } = ctx.fields;
    if (keyAlgorithm === 'RSA') return { outcome: 'pass', detail: `RSA ${keySize}-bit key.`, fieldPath: 'keyAlgorithm' };
    return {
      outcome: 'not-rsa',
      title: `Auth certificate key is ${keyAlgorithm}, not RSA`,
      detail: `The key is ${keyAlgorithm}. Exchange loads the Auth certificate's key through a legacy CryptoAPI CSP (Microsoft's New-ExchangeAuthCertificate.ps1 creates it with UseRSACryptoServiceProvider = $true), and a legacy CSP holds RSA keys only.`,
      fix: 'Create a new Auth certificate with New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName "cn=Microsoft Exchange Server Auth Certificate" -DomainName @() and roll it with Set-AuthConfig.',
      whatBreaks: 'Exchange cannot sign OAuth tokens with it: server-to-server OAuth (Skype for Business, SharePoint, Microsoft 365 hybrid) fails, and OWA/EAC may fail as with a missing Auth certificate.',
      fieldPath: 'keyAlgorithm',
    };
  },
});
