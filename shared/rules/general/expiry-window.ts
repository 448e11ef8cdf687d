// Requirement: renew before expiry, on the thresholds Microsoft's Exchange HealthChecker colours
// a certificate's remaining lifetime with: 60 days or more is fine (green), 30–59 days is a
// warning (yellow, here a note), under 30 days is red (here a warning — the certificate still
// works; general.expired is the error). Scaled to the certificate's own lifetime: a short-lived
// certificate (47/100/200-day public certificates) is not "about to expire" on its first day,
// so the windows are at most half (note) and a third (warning) of its lifetime — the third is
// where ACME clients such as certbot renew a 90-day certificate.
// Citation: microsoft/CSS-Exchange HealthChecker (Invoke-AnalyzerSecurityExchangeCertificates).
import { CITE } from '../helpers/citations.js';
import { daysUntil, isoDay, validityDays } from '../helpers/dates.js';
import { defineRule } from '../helpers/defineRule.js';

/** Days left below which a certificate is "soon" (note) and "very soon" (warning). */
export function expiryWindows(lifetimeDays: number): { note: number; warn: number } {
  return { note: Math.min(60, lifetimeDays / 2), warn: Math.min(30, lifetimeDays / 3) };
}

export default defineRule({
  id: 'general.expiry-window',
  title: 'Certificate is not about to expire',
  requirement:
    'Renew a certificate before its last 30 days (warning) and plan the renewal inside 60 days (note), as HealthChecker colours it; for short-lived certificates the windows shrink to a third and a half of the lifetime.',
  roles: ['general'],
  source: 'microsoft',
  citation: CITE.HEALTHCHECKER_CERT,
  maxStatus: 'warn',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Certificate is not about to expire' },
    'renew-now': { status: 'warn', title: 'Certificate expires within its last 30 days', meaning: 'Inside the last 30 days (a third of a short lifetime): HealthChecker red. The title says how many days are left.' },
    'plan-renewal': { status: 'info', title: 'Certificate expires within 60 days', meaning: 'Inside 60 days (half of a short lifetime): HealthChecker yellow. The title says how many days are left.' },
  },
  applies: (ctx) => Date.parse(ctx.certificate!.notAfter) >= ctx.at.getTime() && Date.parse(ctx.certificate!.notBefore) <= ctx.at.getTime(),
  check(ctx) {
    const { notBefore, notAfter } = ctx.certificate!;
    const days = daysUntil(notAfter, ctx.at);
    const lifetime = validityDays(notBefore, notAfter);
    const windows = expiryWindows(lifetime);
    const scaled = windows.note < 60 ? ` (windows scaled to its ${Math.round(lifetime)}-day lifetime)` : '';
    const when = `It expires on ${isoDay(notAfter)}, ${days} day${days === 1 ? '' : 's'} from ${isoDay(ctx.at.toISOString())}.`;
    const fix = 'Request the renewal now (same subject and SAN), import it on every server that uses this certificate and assign the same services.';
    const title = `Certificate expires in ${days} day${days === 1 ? '' : 's'}`;
    if (days < windows.warn) {
      return { outcome: 'renew-now', title, detail: `${when} That is inside the last ${Math.floor(windows.warn)} days${scaled}: renew it now.`, fix, fieldPath: 'notAfter' };
    }
    if (days < windows.note) {
      return { outcome: 'plan-renewal', title, detail: `${when} Plan the renewal: it is inside ${Math.floor(windows.note)} days${scaled}.`, fix, fieldPath: 'notAfter' };
    }
    return { outcome: 'pass', detail: when, fieldPath: 'notAfter' };
  },
});
