// Requirement: the certificate AuthConfig names as current (and, once staged, the next one)
// must be present, with its private key, on every Exchange 2013-or-later Mailbox / Client
// Access server; Exchange signs OAuth tokens and serialized data with it on each of them.
// Citation: CSS-Exchange MonitorExchangeAuthCertificate (checks exactly this); KB 2617816.
import { defineEstateRule } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { entriesOf, isAuthServer, labels, unreadable, listed } from './helpers.js';
import type { EstateHost } from '../../estate/bindings.js';

const BREAKS = 'OWA and ECP fail or loop on the servers without it (event 1003), serialized data signing fails, and hybrid free/busy and server-to-server OAuth (Skype for Business, SharePoint) stop working there.';

export default defineEstateRule({
  id: 'estate.auth-certificate-on-every-server',
  title: 'AuthConfig certificate on every Mailbox / CAS server',
  requirement: 'The Auth certificate AuthConfig names as current (and the staged next one) must be present, with its private key, on every Exchange 2013 or later Mailbox / Client Access server.',
  source: 'microsoft',
  citation: `${ESTATE_CITE.MONITOR_AUTH}; ${ESTATE_CITE.KB2617816}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Every Mailbox / CAS server holds the Auth certificate with its key.' },
    missing: { status: 'error', meaning: 'Some servers do not hold the current Auth certificate.' },
    'no-key': { status: 'error', meaning: 'Some servers hold the Auth certificate without its private key.' },
    'next-missing': { status: 'warn', meaning: 'The staged next Auth certificate is missing on some servers.' },
    unknown: { status: 'info', meaning: 'The certificates of some servers could not be read, so their Auth certificate is unknown.' },
    'not-applicable': { status: 'not_applicable', meaning: 'No AuthConfig, no current thumbprint, no server holds it (another rule says so), or no Exchange 2013+ Mailbox / CAS server.' },
  },
  check(ctx) {
    const auth = ctx.snapshot.exchange?.authConfig;
    const current = auth?.currentCertificateThumbprint;
    const servers = ctx.hosts.filter(isAuthServer);
    if (!current || servers.length === 0) return [{ outcome: 'not-applicable', title: 'No AuthConfig certificate or no Mailbox / CAS server to check', detail: !current ? 'The snapshot has no AuthConfig current thumbprint (Get-AuthConfig was not collected, or masked).' : 'The snapshot lists no Exchange 2013 or later Mailbox / Client Access server.' }];
    const holds = (h: EstateHost, t: string) => entriesOf(ctx, h).find((e) => e.result.thumbprint === t);
    if (!servers.some((h) => holds(h, current))) {
      return [{ outcome: 'not-applicable', title: 'No server holds the AuthConfig certificate', detail: `No server holds ${current}; estate.authconfig-thumbprint-held reports it.`, thumbprints: [current] }];
    }
    const out = [];
    const unknown = servers.filter((h) => entriesOf(ctx, h).length === 0);
    const known = servers.filter((h) => !unknown.includes(h));
    const missing = known.filter((h) => !holds(h, current));
    const noKey = known.filter((h) => holds(h, current)?.binding.exchangeRow?.hasPrivateKey === false);
    if (missing.length) {
      out.push({
        outcome: 'missing',
        title: `Auth certificate missing on ${labels(missing)}`,
        detail: `AuthConfig's current Auth certificate ${current} is not in the certificate store of ${listed(missing.map((h) => h.fqdn), ', ')}; every Exchange 2013+ Mailbox / CAS server needs it.`,
        fix: `Export the Auth certificate with its private key from a server that holds it (Export-ExchangeCertificate -Thumbprint ${current} -BinaryEncoded -Password …) and import it on ${listed(missing.map((h) => h.name), ', ')} (Import-ExchangeCertificate -Server <server> …), or run MonitorExchangeAuthCertificate.ps1 to repair the configuration; then iisreset.`,
        whatBreaks: BREAKS,
        servers: missing.map((h) => h.fqdn),
        thumbprints: [current],
      });
    }
    if (noKey.length) {
      out.push({
        outcome: 'no-key',
        title: `Auth certificate without private key on ${labels(noKey)}`,
        detail: `${listed(noKey.map((h) => h.fqdn), ', ')} hold${noKey.length === 1 ? 's' : ''} the Auth certificate ${current} but not its private key; Exchange cannot sign tokens there.`,
        fix: 'Import the Auth certificate again from a PFX exported with its private key.',
        whatBreaks: BREAKS,
        servers: noKey.map((h) => h.fqdn),
        thumbprints: [current],
      });
    }
    const next = auth?.nextCertificateThumbprint;
    if (next) {
      const nextMissing = known.filter((h) => !holds(h, next));
      if (nextMissing.length) {
        out.push({
          outcome: 'next-missing',
          title: `Next Auth certificate missing on ${labels(nextMissing)}`,
          detail: `AuthConfig stages ${next} as the next Auth certificate, but ${listed(nextMissing.map((h) => h.fqdn), ', ')} do${nextMissing.length === 1 ? 'es' : ''} not hold it; the rollover will break there.`,
          fix: 'Publish the next certificate to every server (Set-AuthConfig -PublishCertificate) or import it there before its effective date.',
          servers: nextMissing.map((h) => h.fqdn),
          thumbprints: [next],
        });
      }
    }
    if (unknown.length) {
      out.push({
        outcome: 'unknown',
        title: `Auth certificate not known on ${labels(unknown)}`,
        detail: `The snapshot has no certificate list for ${unknown.map((h) => `${h.fqdn}${unreadable(ctx, h) ? ` (${unreadable(ctx, h)})` : ''}`).join(', ')}, so CertBench cannot tell whether it holds the Auth certificate.`,
        fix: 'Collect again when the server can be reached.',
        servers: unknown.map((h) => h.fqdn),
        thumbprints: [current],
      });
    }
    if (out.length === 0) {
      out.push({ outcome: 'pass', title: `Auth certificate present with its key on all ${known.length} Mailbox / CAS servers`, detail: `${current} is on ${listed(known.map((h) => h.name), ', ')}, with its private key.`, servers: known.map((h) => h.fqdn), thumbprints: [current] });
    }
    return out;
  },
});
