// Requirement: the Exchange OAuth certificate is created as "CN=Microsoft Exchange Server Auth
// Certificate" (New-ExchangeCertificate -SubjectName … -DomainName @()), FriendlyName equal to
// the subject text. Another subject works for Set-AuthConfig but breaks the recognisable
// pattern Microsoft's monitor script and admins look for, so it is a warning.
// Citation: Microsoft KB 2617816; CSS-Exchange MonitorExchangeAuthCertificate.
import { AUTH_CERTIFICATE_CN } from '../auto/guessRoles.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'exchange-auth.subject',
  title: 'Subject is "CN=Microsoft Exchange Server Auth Certificate"',
  requirement: `The Exchange Auth certificate's subject should be CN=${AUTH_CERTIFICATE_CN}, as New-ExchangeCertificate creates it.`,
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S24}; ${CITE.S25}`,
  maxStatus: 'warn',
  outcomes: {
    pass: { status: 'pass', title: 'Subject is "CN=Microsoft Exchange Server Auth Certificate"' },
    'other-subject': { status: 'warn', title: 'Auth certificate has another subject' },
  },
  applies: () => true,
  check(ctx) {
    const cn = ctx.fields.commonName;
    if (cn === AUTH_CERTIFICATE_CN) {
      const friendly = ctx.certificate?.friendlyName;
      const note = friendly && friendly !== AUTH_CERTIFICATE_CN ? ` The PFX friendly name is "${friendly}"; Exchange sets it to the subject text.` : '';
      return { outcome: 'pass', detail: `Subject ${ctx.fields.subject}.${note}`, fieldPath: 'commonName' };
    }
    return {
      outcome: 'other-subject',
      detail: `The subject is ${ctx.fields.subject || '(empty)'}; the Exchange Auth certificate is normally CN=${AUTH_CERTIFICATE_CN}, which is what admins and Microsoft's monitoring script look for.`,
      fix: `Create it the documented way: New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName "cn=${AUTH_CERTIFICATE_CN}" -FriendlyName "${AUTH_CERTIFICATE_CN}" -DomainName @().`,
      fieldPath: 'commonName',
    };
  },
});
