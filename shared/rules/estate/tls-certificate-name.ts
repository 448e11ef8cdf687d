// Requirement: a connector's (or the hybrid configuration's) TlsCertificateName, written
// `<I>issuer<S>subject`, must name a certificate present on each of the connector's servers,
// and that certificate must not be expired or about to expire — otherwise STARTTLS to Exchange
// Online fails (451 5.7.3, event 12014) once the old certificate is gone.
// Citation: Set-SendConnector -TlsCertificateName; KB 2989382; HealthChecker hybrid checks.
import { parseTlsCertificateName } from '../../estate/tlsCertificateName.js';
import { sameDn } from '../../estate/bindings.js';
import type { EstateHost } from '../../estate/bindings.js';
import { defineEstateRule, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { daysLeft, entriesOf, exchangeHosts } from './helpers.js';
import type { EstateEntry } from './types.js';

const BREAKS = 'Mail to and from Exchange Online / partners fails STARTTLS: "451 5.7.3 STARTTLS is required to send mail", event 12014 (no certificate found for the connector FQDN).';
const SOON_DAYS = 30;

export default defineEstateRule({
  id: 'estate.tls-certificate-name',
  title: 'Connector and hybrid TlsCertificateName name a present, valid certificate',
  requirement: 'Each connector\'s and the hybrid configuration\'s TlsCertificateName (<I>issuer<S>subject) must match a certificate present on the connector\'s servers that is not expired or expiring within 30 days.',
  source: 'microsoft',
  citation: `${ESTATE_CITE.TLS_NAME}; ${ESTATE_CITE.HC_CERTIFICATES}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Every TlsCertificateName names a present, valid certificate.' },
    missing: { status: 'error', meaning: 'No certificate on a connector server matches the TlsCertificateName.' },
    expired: { status: 'error', meaning: 'The matching certificate has expired.' },
    expiring: { status: 'warn', meaning: 'The matching certificate expires within 30 days.' },
    unparsable: { status: 'error', meaning: 'The value is not in the <I>issuer<S>subject form.' },
    unknown: { status: 'info', meaning: 'The connector\'s servers or their certificates are not in the snapshot.' },
    'not-applicable': { status: 'not_applicable', meaning: 'No connector or hybrid configuration names a TLS certificate.' },
  },
  check(ctx) {
    const ex = ctx.snapshot.exchange;
    const named: { what: string; value: string; servers: EstateHost[] }[] = [];
    for (const c of ex?.connectors ?? []) {
      if (!c.tlsCertificateName) continue;
      const servers = c.servers.map((s) => ctx.host(s)).filter((h): h is EstateHost => !!h);
      named.push({ what: `${c.kind} connector "${c.name}"`, value: c.tlsCertificateName, servers });
    }
    if (ex?.hybrid?.tlsCertificateName) named.push({ what: 'the hybrid configuration', value: ex.hybrid.tlsCertificateName, servers: [] });
    const out: EstateOutcome[] = [];
    for (const n of named) {
      const parsed = parseTlsCertificateName(n.value);
      if (!parsed) {
        out.push({ outcome: 'unparsable', title: `TlsCertificateName of ${n.what} is not <I>issuer<S>subject`, detail: `The value ${JSON.stringify(n.value)} cannot name a certificate.`, fix: 'Set it again: $c = Get-ExchangeCertificate -Thumbprint <t>; Set-SendConnector <name> -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)".', whatBreaks: BREAKS });
        continue;
      }
      const matches = (e: EstateEntry) => !!e.result.issuer && !!e.result.subject && sameDn(parsed.issuer, e.result.issuer) && sameDn(parsed.subject, e.result.subject);
      // The hybrid value must be present on some server; a connector's on each of its servers.
      const hosts = n.servers.length ? n.servers : exchangeHosts(ctx).filter((h) => entriesOf(ctx, h).some(matches));
      if (n.servers.length === 0 && hosts.length === 0) {
        const anyCertificates = exchangeHosts(ctx).some((h) => entriesOf(ctx, h).length > 0);
        out.push(anyCertificates
          ? { outcome: 'missing', title: `${cap(n.what)} names a certificate no server holds`, detail: `TlsCertificateName names subject "${parsed.subject}" issued by "${parsed.issuer}"; no Exchange server in the snapshot holds it.`, fix: 'Point it at the current certificate: Set-HybridConfiguration -TlsCertificateName "<I>issuer<S>subject" of the certificate bound to SMTP, then run the Hybrid Configuration Wizard again.', whatBreaks: BREAKS }
          : { outcome: 'unknown', title: `Certificate for ${n.what} not known`, detail: 'The snapshot has no Exchange certificate list to look in.' });
        continue;
      }
      for (const host of hosts) {
        const rows = entriesOf(ctx, host);
        if (rows.length === 0) {
          out.push({ outcome: 'unknown', title: `Certificate for ${n.what} not known on ${host.name}`, detail: `The snapshot has no certificate list for ${host.fqdn}.`, servers: [host.fqdn] });
          continue;
        }
        const found = rows.filter(matches);
        if (found.length === 0) {
          out.push({ outcome: 'missing', title: `${cap(n.what)} names a certificate missing on ${host.name}`, detail: `TlsCertificateName names subject "${parsed.subject}" issued by "${parsed.issuer}"; no certificate on ${host.fqdn} has that issuer and subject.`, fix: `Install the certificate on ${host.name} or set the connector to the current one: Set-SendConnector "<name>" -TlsCertificateName "<I>issuer<S>subject" (values from Get-ExchangeCertificate on ${host.name}).`, whatBreaks: BREAKS, servers: [host.fqdn] });
          continue;
        }
        const best = found.reduce((a, b) => ((daysLeft(b, ctx.at) ?? -1e9) > (daysLeft(a, ctx.at) ?? -1e9) ? b : a));
        const days = daysLeft(best, ctx.at);
        const t = best.result.thumbprint ? [best.result.thumbprint] : [];
        if (days !== null && days < 0) out.push({ outcome: 'expired', title: `Certificate of ${n.what} expired on ${host.name}`, detail: `The certificate TlsCertificateName names on ${host.fqdn} (${t.join('') || 'masked'}) expired ${-days} days ago.`, fix: 'Renew it, bind the new one to SMTP and set TlsCertificateName to the new issuer and subject.', whatBreaks: BREAKS, servers: [host.fqdn], thumbprints: t });
        else if (days !== null && days <= SOON_DAYS) out.push({ outcome: 'expiring', title: `Certificate of ${n.what} expires in ${days} days on ${host.name}`, detail: `The certificate TlsCertificateName names on ${host.fqdn} (${t.join('') || 'masked'}) expires in ${days} days.`, fix: 'Renew it now; after binding the new certificate, set TlsCertificateName to its issuer and subject (or rerun the Hybrid Configuration Wizard).', whatBreaks: BREAKS, servers: [host.fqdn], thumbprints: t });
        else out.push({ outcome: 'pass', title: `${cap(n.what)}: certificate present on ${host.name}`, detail: `${t.join('') || 'A certificate'} on ${host.fqdn} matches TlsCertificateName${days !== null ? ` and has ${days} days left` : ''}.`, servers: [host.fqdn], thumbprints: t });
      }
    }
    return out;
  },
});

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}


