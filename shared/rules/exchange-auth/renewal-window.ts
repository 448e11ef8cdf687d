// Requirement: renew the Auth certificate when fewer than 60 days remain, and stage the next
// one (Set-AuthConfig -NewCertificateThumbprint) when fewer than 120 remain — the thresholds of
// Microsoft's MonitorExchangeAuthCertificate script. Expired is general.expired's error.
// Citation: microsoft/CSS-Exchange MonitorExchangeAuthCertificate; Set-AuthConfig.
import { cleanThumbprint } from '../../model/thumbprint.js';
import { CITE } from '../helpers/citations.js';
import { daysUntil, isoDay } from '../helpers/dates.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'exchange-auth.renewal-window',
  title: 'Auth certificate renewed in time',
  requirement: 'Renew the Exchange Auth certificate with at least 60 days left, and stage the next certificate with at least 120 days left.',
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S25}; ${CITE.S26}`,
  maxStatus: 'warn',
  subjects: ['certificate'],
  applies: (ctx) => Date.parse(ctx.certificate!.notAfter) >= ctx.at.getTime(),
  check(ctx) {
    const cert = ctx.certificate!;
    const days = daysUntil(cert.notAfter, ctx.at);
    const next = ctx.env.authConfig?.nextCertificateThumbprint;
    const nextClean = next ? cleanThumbprint(next).value : '';
    const isNext = nextClean === cert.thumbprint;
    const staged = !!nextClean && !isNext;
    const when = `It expires on ${isoDay(cert.notAfter)} (${days} days left).`;
    const fix =
      'New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName "cn=Microsoft Exchange Server Auth Certificate" -DomainName @(); Set-AuthConfig -NewCertificateThumbprint <new> -NewCertificateEffectiveDate (Get-Date); Set-AuthConfig -PublishCertificate; Set-AuthConfig -ClearPreviousCertificate; restart MSExchangeServiceHost and the OWA/ECP app pools (hybrid: re-run the HCW).';
    if (days <= 60) {
      return {
        status: 'warn',
        detail: `${when} Microsoft's monitor renews the Auth certificate inside 60 days${staged ? `; a next certificate (${nextClean}) is staged — publish it now` : ''}.`,
        fix,
        whatBreaks: 'When it expires, OWA and EAC stop working (redirect loop, event 1003) and hybrid OAuth breaks.',
        fieldPath: 'notAfter',
      };
    }
    if (days <= 120) {
      if (staged) return { status: 'info', detail: `${when} The next certificate ${nextClean} is already staged in AuthConfig.`, fieldPath: 'notAfter' };
      if (isNext) return { status: 'warn', detail: `${when} This is the staged next certificate and it already has fewer than 120 days left.`, fix, fieldPath: 'notAfter' };
      return { status: 'warn', detail: `${when} Stage the next Auth certificate now: fewer than 120 days are left and AuthConfig has no next certificate.`, fix, fieldPath: 'notAfter' };
    }
    return { status: 'pass', detail: when, fieldPath: 'notAfter' };
  },
});
