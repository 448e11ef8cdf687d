// Requirement: renew before expiry — a warning inside 30 days, a note inside 60.
// Citation: CertBench practice (workbench), in line with Microsoft's 60-day renewal monitor
// for the Exchange Auth certificate (CSS-Exchange MonitorExchangeAuthCertificate).
import { daysUntil, isoDay } from '../helpers/dates.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'general.expiry-window',
  title: 'Certificate is not about to expire',
  requirement: 'Renew a certificate before its last 30 days (warning) and plan the renewal inside 60 days (note).',
  roles: ['general'],
  source: 'workbench',
  citation: 'CertBench renewal windows (30 / 60 days); Microsoft CSS-Exchange MonitorExchangeAuthCertificate uses 60 days',
  maxStatus: 'warn',
  subjects: ['certificate'],
  applies: (ctx) => Date.parse(ctx.certificate!.notAfter) >= ctx.at.getTime() && Date.parse(ctx.certificate!.notBefore) <= ctx.at.getTime(),
  check(ctx) {
    const notAfter = ctx.certificate!.notAfter;
    const days = daysUntil(notAfter, ctx.at);
    const when = `It expires on ${isoDay(notAfter)}, ${days} day${days === 1 ? '' : 's'} from ${isoDay(ctx.at.toISOString())}.`;
    const fix = 'Request the renewal now (same subject and SAN), import it on every server that uses this certificate and assign the same services.';
    if (days <= 30) return { status: 'warn', detail: `${when} That is inside the 30-day renewal window.`, fix, fieldPath: 'notAfter' };
    if (days <= 60) return { status: 'info', detail: `${when} Plan the renewal: it is inside 60 days.`, fix, fieldPath: 'notAfter' };
    return { status: 'pass', detail: when, fieldPath: 'notAfter' };
  },
});
