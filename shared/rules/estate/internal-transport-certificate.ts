// Requirement: the certificate each Exchange server uses for internal transport (its
// InternalTransportCertificateThumbprint) must be in that server's store and in date; without
// it, server-to-server mail flow inside the organisation fails TLS.
// Citation: CSS-Exchange HealthChecker, internal transport certificate check.
import { defineEstateRule, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { datesOf, entriesOf, isoDay, labels, listed } from './helpers.js';
import type { EstateHost } from '../../estate/bindings.js';

export default defineEstateRule({
  id: 'estate.internal-transport-certificate',
  title: 'Internal transport certificate present and valid',
  requirement: 'The internal transport certificate each Exchange server names must be in its certificate store and in date.',
  source: 'microsoft',
  citation: `${ESTATE_CITE.HC_TRANSPORT}; ${ESTATE_CITE.HC_CERTIFICATES}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Each server holds its internal transport certificate, in date.' },
    missing: { status: 'error', meaning: 'A server\'s internal transport certificate is not in its store.' },
    expired: { status: 'error', meaning: 'A server\'s internal transport certificate has expired.' },
    unknown: { status: 'info', meaning: 'The thumbprint was masked or the server\'s certificates were not collected.' },
    'not-applicable': { status: 'not_applicable', meaning: 'The snapshot has no internal transport certificate settings.' },
  },
  check(ctx) {
    const rows = ctx.snapshot.exchange?.transport ?? [];
    const missing: { host: EstateHost; t: string }[] = [];
    const expired: { host: EstateHost; t: string; day: string }[] = [];
    const unknown: string[] = [];
    const good: { host: EstateHost; t: string }[] = [];
    for (const r of rows) {
      const host = ctx.host(r.server);
      const t = r.internalTransportCertificateThumbprint;
      if (!host || !t || entriesOf(ctx, host).length === 0) {
        unknown.push(host?.fqdn ?? r.server);
        continue;
      }
      const entry = entriesOf(ctx, host).find((e) => e.result.thumbprint === t);
      if (!entry) {
        missing.push({ host, t });
        continue;
      }
      const { notAfter } = datesOf(entry);
      if (notAfter !== null && notAfter < ctx.at.getTime()) expired.push({ host, t, day: isoDay(notAfter) });
      else good.push({ host, t });
    }
    const out: EstateOutcome[] = [];
    const fix = 'Create a new self-signed certificate for SMTP on the server (New-ExchangeCertificate -Server <server>), answer Yes to replacing the default SMTP certificate, or bind an in-date certificate to SMTP with Enable-ExchangeCertificate -Services SMTP.';
    if (missing.length) out.push({ outcome: 'missing', title: `Internal transport certificate missing on ${labels(missing.map((m) => m.host))}`, detail: listed(missing.map((m) => `${m.host.fqdn} names ${m.t}, which is not in its store`)) + '.', fix, whatBreaks: 'Mail flow between Exchange servers fails TLS (HealthChecker: "Valid Internal Transport Certificate Found On Server: False").', servers: missing.map((m) => m.host.fqdn), thumbprints: missing.map((m) => m.t) });
    if (expired.length) out.push({ outcome: 'expired', title: `Internal transport certificate expired on ${labels(expired.map((m) => m.host))}`, detail: listed(expired.map((m) => `${m.host.fqdn}: ${m.t} expired on ${m.day}`)) + '.', fix, whatBreaks: 'Mail flow between Exchange servers fails TLS.', servers: expired.map((m) => m.host.fqdn), thumbprints: expired.map((m) => m.t) });
    if (unknown.length) out.push({ outcome: 'unknown', title: `Internal transport certificate not known on ${unknown.join(', ')}`, detail: 'The thumbprint was masked or absent, or the server\'s certificates were not collected.', servers: unknown });
    if (out.length === 0 && good.length) out.push({ outcome: 'pass', title: `Internal transport certificate present and valid on ${labels(good.map((g) => g.host))}`, detail: listed(good.map((g) => `${g.host.name}: ${g.t}`)) + '.', servers: good.map((g) => g.host.fqdn), thumbprints: [...new Set(good.map((g) => g.t))] });
    return out;
  },
});
