// Requirement: when the current Auth certificate has 60 days or less left, a next Auth
// certificate must be staged in AuthConfig (a next certificate with 120 days or less left
// counts as missing) — the thresholds of CSS-Exchange's Get-ExchangeAuthCertificateStatus.
// Citation: CSS-Exchange MonitorExchangeAuthCertificate / Get-ExchangeAuthCertificateStatus.ps1.
import { defineEstateRule } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { isoDay } from './helpers.js';

const DAY_MS = 86_400_000;

export default defineEstateRule({
  id: 'estate.auth-next-staged',
  title: 'Next Auth certificate staged in time',
  requirement: 'When the current Auth certificate has 60 days or less left, a next Auth certificate with more than 120 days left must be staged in AuthConfig.',
  source: 'microsoft',
  citation: `${ESTATE_CITE.AUTH_STATUS}; ${ESTATE_CITE.MONITOR_AUTH}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'The current Auth certificate has more than 60 days left, or a good next one is staged.' },
    due: { status: 'warn', meaning: 'The current Auth certificate has 60 days or less and no usable next one is staged.' },
    expired: { status: 'error', meaning: 'The current Auth certificate has expired and no usable next one is staged.' },
    unknown: { status: 'info', meaning: 'The current Auth certificate\'s expiry date is not in the snapshot.' },
    'not-applicable': { status: 'not_applicable', meaning: 'The snapshot has no AuthConfig current thumbprint.' },
  },
  check(ctx) {
    const auth = ctx.snapshot.exchange?.authConfig;
    const current = auth?.currentCertificateThumbprint;
    if (!current) return [{ outcome: 'not-applicable', title: 'No AuthConfig current certificate', detail: 'The snapshot has no AuthConfig current thumbprint.' }];
    const expiry = (t: string): number | null => {
      const c = ctx.certificate(t);
      const text = c?.notAfter ?? ctx.entries.find((e) => e.result.thumbprint === t)?.result.notAfter ?? null;
      return text && !Number.isNaN(Date.parse(text)) ? Date.parse(text) : null;
    };
    const currentEnd = expiry(current);
    if (currentEnd === null) return [{ outcome: 'unknown', title: 'Auth certificate expiry not known', detail: `No server in the snapshot carries the certificate ${current} (or its dates), so CertBench cannot tell how long it lasts.`, thumbprints: [current] }];
    const days = Math.floor((currentEnd - ctx.at.getTime()) / DAY_MS);
    const next = auth?.nextCertificateThumbprint ?? null;
    const nextEnd = next ? expiry(next) : null;
    const nextDays = nextEnd === null ? null : Math.floor((nextEnd - ctx.at.getTime()) / DAY_MS);
    const nextUsable = next !== null && nextDays !== null && nextDays > 120;
    if (days > 60) return [{ outcome: 'pass', title: `Auth certificate valid for ${days} more days`, detail: `The current Auth certificate ${current} expires on ${isoDay(currentEnd)}; no next one is needed yet.`, thumbprints: [current] }];
    if (nextUsable) return [{ outcome: 'pass', title: 'Next Auth certificate staged', detail: `The current Auth certificate expires on ${isoDay(currentEnd)}; the next one ${next} (until ${isoDay(nextEnd!)}) is staged${auth?.nextCertificateEffectiveDate ? ` from ${auth.nextCertificateEffectiveDate.slice(0, 10)}` : ''}.`, thumbprints: [current, next!] }];
    const why = next ? (nextDays === null ? ` The staged next certificate ${next} is not in the snapshot, so it counts as missing.` : ` The staged next certificate ${next} has only ${nextDays} days left, so it counts as missing.`) : ' No next certificate is staged.';
    const fix = 'Run MonitorExchangeAuthCertificate.ps1 (it stages a new Auth certificate), or New-ExchangeCertificate … -SubjectName "cn=Microsoft Exchange Server Auth Certificate" and Set-AuthConfig -NewCertificateThumbprint <new> -NewCertificateEffectiveDate (Get-Date).AddDays(2); Set-AuthConfig -PublishCertificate.';
    if (days < 0) {
      return [{ outcome: 'expired', title: `Auth certificate expired on ${isoDay(currentEnd)}`, detail: `The current Auth certificate ${current} expired ${-days} days ago.${why}`, fix, whatBreaks: 'OWA/ECP sign-in fails and server-to-server OAuth, hybrid free/busy and serialized data signing stop (KB 2617816).', thumbprints: [current, ...(next ? [next] : [])] }];
    }
    return [{ outcome: 'due', title: `Auth certificate expires in ${days} days with no next one staged`, detail: `The current Auth certificate ${current} expires on ${isoDay(currentEnd)}.${why}`, fix, thumbprints: [current, ...(next ? [next] : [])] }];
  },
});
