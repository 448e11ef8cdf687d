// Requirement: a certificate bound to a service (Get-ExchangeCertificate Services, Get-CsCertificate
// Use) must be inside its validity period; an expired or not-yet-valid one still bound is that
// service's outage (or the next one) — HealthChecker flags the lifetime of every bound certificate.
// Citation: CSS-Exchange HealthChecker certificate lifetime check; RFC 5280 §4.1.2.5.
import { defineEstateRule, type EstateEntry, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { datesOf, isoDay, labels, serviceBindings, shortSubject, thumb, listed } from './helpers.js';
import { CITE } from '../helpers/citations.js';

export default defineEstateRule({
  id: 'estate.expired-bound',
  title: 'No expired or not-yet-valid certificate bound to a service',
  requirement: 'Every certificate bound to a service or Lync/SfB use must be within its validity period.',
  source: 'microsoft',
  citation: `${ESTATE_CITE.HC_CERTIFICATES}; ${CITE.RFC5280_VALIDITY}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Every bound certificate is within its validity period.' },
    expired: { status: 'error', meaning: 'An expired certificate is still bound to a service.' },
    'not-yet-valid': { status: 'error', meaning: 'A certificate bound to a service is not valid yet.' },
    unknown: { status: 'info', meaning: 'Some bound certificates have no dates in the snapshot.' },
    'not-applicable': { status: 'not_applicable', meaning: 'No certificate in the snapshot is bound to a service.' },
  },
  check(ctx) {
    const bound = ctx.entries.filter((e) => serviceBindings(e).length > 0);
    if (bound.length === 0) return [];
    const now = ctx.at.getTime();
    const expired: EstateEntry[] = [];
    const early: EstateEntry[] = [];
    const unknown: EstateEntry[] = [];
    for (const e of bound) {
      const { notBefore, notAfter } = datesOf(e);
      if (notAfter === null) unknown.push(e);
      else if (notAfter < now) expired.push(e);
      else if (notBefore !== null && notBefore > now) early.push(e);
    }
    const describe = (e: EstateEntry, when: string) => `${shortSubject(e)} (${e.result.thumbprint ?? 'masked'}) on ${e.host.fqdn}, bound to ${serviceBindings(e).join(', ')}, ${when}`;
    const out: EstateOutcome[] = [];
    if (expired.length) {
      const services = [...new Set(expired.flatMap(serviceBindings))];
      out.push({
        outcome: 'expired',
        title: `Expired certificate still bound to ${services.join(', ')} on ${labels([...new Set(expired.map((e) => e.host))])}`,
        detail: listed(expired.map((e) => describe(e, `expired on ${isoDay(datesOf(e).notAfter!)}`))) + '.',
        fix: 'Bind an in-date certificate to these services (Enable-ExchangeCertificate -Services …, or Set-CsCertificate -Type … for Lync/SfB), then remove the expired one (Remove-ExchangeCertificate) so it cannot be picked again.',
        whatBreaks: 'The services it is bound to present an expired certificate: TLS to them fails (SMTP STARTTLS, IMAP/POP, OWA/EWS, Lync/SfB MTLS).',
        servers: expired.map((e) => e.host.fqdn),
        thumbprints: expired.flatMap(thumb),
      });
    }
    if (early.length) {
      out.push({
        outcome: 'not-yet-valid',
        title: `Not-yet-valid certificate bound on ${labels([...new Set(early.map((e) => e.host))])}`,
        detail: listed(early.map((e) => describe(e, `valid only from ${isoDay(datesOf(e).notBefore!)}`))) + '.',
        fix: 'Bind it only once it is valid (or check the server clock and the certificate\'s dates).',
        whatBreaks: 'TLS peers refuse a certificate that is not valid yet.',
        servers: early.map((e) => e.host.fqdn),
        thumbprints: early.flatMap(thumb),
      });
    }
    if (unknown.length) out.push({ outcome: 'unknown', title: `Validity not known for ${unknown.length} bound certificate${unknown.length === 1 ? '' : 's'}`, detail: unknown.map((e) => `${e.result.thumbprint ?? 'masked'} on ${e.host.fqdn}`).join('; ') + ': the snapshot has neither the DER nor the dates.', servers: unknown.map((e) => e.host.fqdn), thumbprints: unknown.flatMap(thumb) });
    if (out.length === 0) out.push({ outcome: 'pass', title: `All ${bound.length} bound certificates are in date`, detail: 'No certificate bound to a service or Lync/SfB use is expired or not yet valid.' });
    return out;
  },
});
