// Requirement: a certificate must not be used after its NotAfter date — every TLS peer, Exchange
// and Lync reject it. Citation: RFC 5280 §4.1.2.5; symptoms of an expired Auth certificate
// from Microsoft KB 2617816.
import type { RuleContext } from '../engine/types.js';
import { CITE } from '../helpers/citations.js';
import { daysLeftWords, daysUntil, isoDay } from '../helpers/dates.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'general.expired',
  title: 'Certificate has not expired',
  requirement: 'The certificate must be within its validity period at the evaluation time (NotAfter not passed).',
  roles: ['general'],
  source: 'rfc',
  citation: CITE.RFC5280_VALIDITY,
  maxStatus: 'error',
  symptoms:
    'Exchange Auth certificate expired: OWA and EAC freeze or loop, event 1003 (MSExchange Front End HTTPS Proxy) NullReferenceException in FbaModule.ParseCadataCookies (KB 2617816), hybrid OAuth stops. TLS peers refuse an expired certificate: voicemail, MWI, OWA IM presence, Edge sign-in and federation stop.',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Certificate has not expired' },
    expired: { status: 'error', title: 'Certificate has expired', meaning: 'The title says how many days ago.' },
  },
  applies: () => true,
  check(ctx) {
    const cert = ctx.certificate!;
    const days = daysUntil(cert.notAfter, ctx.at);
    if (Date.parse(cert.notAfter) >= ctx.at.getTime()) {
      return { outcome: 'pass', detail: `Valid until ${isoDay(cert.notAfter)} (${daysLeftWords(days)}).`, fieldPath: 'notAfter' };
    }
    return {
      outcome: 'expired',
      // The core's words, the same the app, the report and the CLI show for this instant.
      title: `Certificate ${daysLeftWords(days)}`,
      detail: `The certificate expired on ${isoDay(cert.notAfter)}, ${-days} days before ${isoDay(ctx.at.toISOString())}.`,
      fix: 'Renew it now with the same names and assign the new certificate to the same services; then remove the expired one.',
      whatBreaks: expiredSymptoms(ctx),
      fieldPath: 'notAfter',
    };
  },
});

function expiredSymptoms(ctx: RuleContext): string {
  if (ctx.has('exchange-auth')) {
    return 'OWA and EAC freeze or hit the redirect limit; event 1003 (MSExchange Front End HTTPS Proxy) with a NullReferenceException in FbaModule.ParseCadataCookies; hybrid OAuth (free/busy, MRS) stops (KB 2617816).';
  }
  if (ctx.has('sfb-oauth')) return 'Server-to-server authentication with Exchange and SharePoint fails (no calendar, no unified contact store, no archiving to Exchange).';
  if (ctx.has('edge-external')) return 'External sign-in, federation and remote conferencing fail: clients and partners refuse the Edge TLS certificate.';
  if (ctx.has('exchange-um')) return 'The TLS connection between Lync/SfB and Exchange UM fails: voicemail, MWI and Subscriber Access stop.';
  if (ctx.has('owa-im')) return 'OWA can no longer open its MTLS session with the Lync pool: presence and IM disappear from OWA.';
  return 'Clients and servers refuse the TLS connection with a certificate-expired error.';
}
