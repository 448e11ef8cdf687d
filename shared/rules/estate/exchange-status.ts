// Requirement: Exchange's own verdict on a bound certificate (Get-ExchangeCertificate Status)
// must be Valid. Revoked, Untrusted, Invalid, DateInvalid or RevocationCheckFailure each mean
// the server itself does not trust what it presents. An expired certificate shows DateInvalid
// (or Invalid) — that one is estate.expired-bound's finding and is not repeated here.
// Citation: CSS-Exchange HealthChecker certificate Status check.
import { defineEstateRule, type EstateEntry, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { datesOf, labels, serviceBindings, shortSubject, thumb, listed } from './helpers.js';

export default defineEstateRule({
  id: 'estate.exchange-status',
  title: 'Exchange reports bound certificates as Valid',
  requirement: 'Get-ExchangeCertificate must report Status Valid for every certificate bound to a service.',
  source: 'microsoft',
  citation: ESTATE_CITE.HC_CERTIFICATES,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Exchange reports every bound certificate as Valid.' },
    'not-valid': { status: 'error', meaning: 'Exchange reports a bound certificate as Revoked, Untrusted, Invalid or DateInvalid.' },
    'revocation-unknown': { status: 'warn', meaning: 'Exchange could not check revocation for a bound certificate.' },
    unknown: { status: 'info', meaning: 'Exchange reports Unknown (or an unfamiliar status) for a bound certificate.' },
    'not-applicable': { status: 'not_applicable', meaning: 'The snapshot carries no Status for bound certificates.' },
  },
  check(ctx) {
    const rows = ctx.entries.filter((e) => serviceBindings(e).length > 0 && e.binding.exchangeRow?.status);
    if (rows.length === 0) return [];
    const now = ctx.at.getTime();
    const outOfDate = (e: EstateEntry) => {
      const { notBefore, notAfter } = datesOf(e);
      return (notAfter !== null && notAfter < now) || (notBefore !== null && notBefore > now);
    };
    const bad: EstateEntry[] = [];
    const revocation: EstateEntry[] = [];
    const unknown: EstateEntry[] = [];
    for (const e of rows) {
      const status = e.binding.exchangeRow!.status!.trim().toLowerCase();
      if (status === 'valid') continue;
      if ((status === 'dateinvalid' || status === 'invalid') && outOfDate(e)) continue;
      if (['revoked', 'untrusted', 'invalid', 'dateinvalid'].includes(status)) bad.push(e);
      else if (status === 'revocationcheckfailure') revocation.push(e);
      else unknown.push(e);
    }
    const line = (e: EstateEntry) => `${shortSubject(e)} (${e.result.thumbprint ?? 'masked'}) on ${e.host.fqdn}: Status ${e.binding.exchangeRow!.status}, bound to ${serviceBindings(e).join(', ')}`;
    const out: EstateOutcome[] = [];
    if (bad.length) out.push({ outcome: 'not-valid', title: `Exchange reports a bound certificate as not valid on ${labels([...new Set(bad.map((e) => e.host))])}`, detail: listed(bad.map(line)) + '.', fix: 'Untrusted: install the issuing CA chain on the server; Revoked: replace the certificate; Invalid: check the chain and the private key (certutil -verifystore my <thumbprint>).', whatBreaks: 'Clients and peers refuse TLS with the services this certificate is bound to.', servers: bad.map((e) => e.host.fqdn), thumbprints: bad.flatMap(thumb) });
    if (revocation.length) out.push({ outcome: 'revocation-unknown', title: `Revocation check failed for a bound certificate on ${labels([...new Set(revocation.map((e) => e.host))])}`, detail: listed(revocation.map(line)) + '.', fix: 'Let the server reach the CRL / OCSP URLs in the certificate (proxy: netsh winhttp set proxy), then check again.', servers: revocation.map((e) => e.host.fqdn), thumbprints: revocation.flatMap(thumb) });
    if (unknown.length) out.push({ outcome: 'unknown', title: `Exchange status unknown for ${unknown.length} bound certificate${unknown.length === 1 ? '' : 's'}`, detail: listed(unknown.map(line)) + '.', servers: unknown.map((e) => e.host.fqdn), thumbprints: unknown.flatMap(thumb) });
    if (out.length === 0) out.push({ outcome: 'pass', title: `Exchange reports all ${rows.length} bound certificates as Valid`, detail: 'Get-ExchangeCertificate Status is Valid for every bound certificate (an expired one is reported by estate.expired-bound).' });
    return out;
  },
});
