// Requirement (note): the Auth certificate is created without host names
// (New-ExchangeCertificate -DomainName @()); it signs tokens and is never a TLS server
// certificate. Citation: Microsoft KB 2617816; CSS-Exchange New-ExchangeAuthCertificate.ps1.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'exchange-auth.no-san',
  title: 'Auth certificate has no host names',
  requirement: 'The Exchange Auth certificate is created with -DomainName @(): it carries no SAN host names.',
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S24}; ${CITE.S25}`,
  maxStatus: 'info',
  outcomes: {
    pass: { status: 'pass', title: 'Auth certificate has no host names' },
    'host-names': { status: 'info', title: 'Auth certificate lists host names' },
  },
  applies: () => true,
  check(ctx) {
    const dns = ctx.fields.dnsNames;
    if (dns.length === 0) return { outcome: 'pass', detail: 'No SAN host names, as New-ExchangeCertificate -DomainName @() creates it.', fieldPath: 'subjectAltNames.dns' };
    return {
      outcome: 'host-names',
      detail: `The certificate lists host names (${dns.join(', ')}). The Auth certificate only signs tokens; a certificate that is also used for IIS or SMTP should not double as the Auth certificate.`,
      fix: 'Keep a dedicated Auth certificate created with -DomainName @().',
      fieldPath: 'subjectAltNames.dns',
    };
  },
});
