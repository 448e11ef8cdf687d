// Requirement: act on the Auth certificate the way Microsoft's MonitorExchangeAuthCertificate
// does: when the current certificate has 60 days or fewer left and the next certificate is
// missing or itself has 120 days or fewer, create and stage the next one (Set-AuthConfig
// -NewCertificateThumbprint). Between 61 and 120 days the monitor does nothing, and neither do
// we. Expired is general.expired's error. What the environment does not say (no AuthConfig) is
// said as unknown, never as "AuthConfig has no next certificate".
// Citation: microsoft/CSS-Exchange MonitorExchangeAuthCertificate
// (Get-ExchangeAuthCertificateStatus.ps1, scenario 2); Set-AuthConfig.
import { cleanThumbprint } from '../../model/thumbprint.js';
import { CITE } from '../helpers/citations.js';
import { daysUntil, isoDay } from '../helpers/dates.js';
import { defineRule } from '../helpers/defineRule.js';

const FIX =
  'New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName "cn=Microsoft Exchange Server Auth Certificate" -DomainName @(); Set-AuthConfig -NewCertificateThumbprint <new> -NewCertificateEffectiveDate (Get-Date).AddDays(30) (as the monitor stages it); once that date has passed, Set-AuthConfig -PublishCertificate and Set-AuthConfig -ClearPreviousCertificate; restart MSExchangeServiceHost and the OWA/ECP app pools (hybrid: re-run the HCW).';
const BREAKS = 'When it expires, OWA and EAC stop working (redirect loop, event 1003) and hybrid OAuth breaks.';

export default defineRule({
  id: 'exchange-auth.renewal-window',
  title: 'Auth certificate renewed in time',
  requirement: 'With 60 days or fewer left on the current Exchange Auth certificate, a next certificate with more than 120 days must be staged in AuthConfig (Microsoft\'s monitor thresholds).',
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S25} — Get-ExchangeAuthCertificateStatus: current ≤ 60 days and next missing or ≤ 120 days; ${CITE.S26}`,
  maxStatus: 'warn',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Auth certificate renewed in time' },
    'next-short': { status: 'warn', title: 'Staged next Auth certificate has 120 days or fewer left' },
    'authconfig-unknown': { status: 'warn', title: 'Auth certificate expires soon; AuthConfig not known', meaning: '60 days or fewer left, and the environment does not say whether a next certificate is staged.' },
    'no-next': { status: 'warn', title: 'Auth certificate expires soon with no next one staged' },
    'next-staged': { status: 'info', title: 'Auth certificate expires soon; a next one is staged' },
  },
  applies: (ctx) => Date.parse(ctx.certificate!.notAfter) >= ctx.at.getTime(),
  check(ctx) {
    const cert = ctx.certificate!;
    const days = daysUntil(cert.notAfter, ctx.at);
    const when = `It expires on ${isoDay(cert.notAfter)} (${days} days left).`;
    const auth = ctx.env.authConfig;
    const next = auth?.nextCertificateThumbprint ? cleanThumbprint(auth.nextCertificateThumbprint).value : '';
    if (next && next === cert.thumbprint) {
      if (days > 120) return { outcome: 'pass', detail: `${when} This is the staged next Auth certificate, with more than 120 days left.`, fieldPath: 'notAfter' };
      return {
        outcome: 'next-short',
        title: `Staged next Auth certificate has only ${days} days left`,
        detail: `${when} This is the staged next Auth certificate; Microsoft's monitor replaces a next certificate with 120 days or fewer left.`,
        fix: FIX,
        fieldPath: 'notAfter',
      };
    }
    if (days > 60) return { outcome: 'pass', detail: `${when} Microsoft's monitor acts once 60 days or fewer are left.`, fieldPath: 'notAfter' };
    const title = `Auth certificate expires in ${days} day${days === 1 ? '' : 's'}`;
    if (!auth) {
      return {
        outcome: 'authconfig-unknown',
        title,
        detail: `${when} With 60 days or fewer left, a next Auth certificate must be staged. The environment has no AuthConfig, so CertBench cannot tell whether one is (check with Get-AuthConfig: NextCertificateThumbprint).`,
        fix: FIX,
        whatBreaks: BREAKS,
        fieldPath: 'notAfter',
      };
    }
    if (!next) {
      return {
        outcome: 'no-next',
        title,
        detail: `${when} With 60 days or fewer left, a next Auth certificate must be staged, and the AuthConfig in the environment has no NextCertificateThumbprint.`,
        fix: FIX,
        whatBreaks: BREAKS,
        fieldPath: 'notAfter',
      };
    }
    return {
      outcome: 'next-staged',
      title,
      detail: `${when} A next certificate (${next}) is staged in AuthConfig; Microsoft's monitor is satisfied if it has more than 120 days left — check it and publish it on its effective date.`,
      fix: 'Check the staged certificate on every Mailbox/CAS server ((Get-AuthConfig).NextCertificateThumbprint | Get-ExchangeCertificate), then Set-AuthConfig -PublishCertificate once its effective date has passed.',
      fieldPath: 'notAfter',
    };
  },
});
