// Requirement: where the UM service or UM Call Router starts in TLS or Dual mode, a valid
// certificate must be bound to UM / UMCallRouter on that server: in date, and fit for the UM
// role (CN = the server's FQDN, no wildcard — Lync/SfB refuses a wildcard UM certificate).
// Citation: seeds 001 (eightwone, wildcard UM certificate) and 002 (uccramblings); JJ687983.
import { defineEstateRule, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { datesOf, entriesOf, isoDay, labels, listed, shortSubject } from './helpers.js';
import type { EstateHost } from '../../estate/bindings.js';
import type { ExchangeService } from '../../estate/snapshot.js';

const SECURED = /^(tls|dual)$/i;
const BREAKS = 'Voicemail from Lync/SfB fails, no message waiting indicator (MWI event 1344, UMCore 1400), play-on-phone fails.';

export default defineEstateRule({
  id: 'estate.um-certificate-valid',
  title: 'UM in TLS or Dual mode has a valid certificate bound',
  requirement: 'A server whose UM service or UM Call Router starts in TLS or Dual mode must have a certificate bound to UM / UMCallRouter that is in date and fit for the UM role.',
  source: 'community',
  citation: ESTATE_CITE.UM,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Every TLS / Dual UM service has a valid certificate bound.' },
    'none-bound': { status: 'error', meaning: 'A UM service in TLS / Dual mode has no certificate bound.' },
    invalid: { status: 'error', meaning: 'The certificate bound to UM is expired or fails its UM role.' },
    unknown: { status: 'info', meaning: 'The snapshot does not say which certificate is bound to UM on some servers.' },
    'not-applicable': { status: 'not_applicable', meaning: 'No UM service starts in TLS or Dual mode (or the startup mode was not collected).' },
  },
  check(ctx) {
    const um = ctx.snapshot.exchange?.umServices ?? [];
    const noneBound: { host: EstateHost; service: ExchangeService }[] = [];
    const invalid: { host: EstateHost; service: ExchangeService; why: string; thumbprint: string | null }[] = [];
    const unknown: EstateHost[] = [];
    const good: { host: EstateHost; thumbprint: string | null }[] = [];
    for (const u of um) {
      const host = ctx.host(u.server);
      if (!host) continue;
      const modes: [ExchangeService, string | undefined][] = [['UM', u.umStartupMode], ['UMCallRouter', u.umCallRouterStartupMode]];
      for (const [service, mode] of modes) {
        if (!mode || !SECURED.test(mode.trim())) continue;
        const rows = entriesOf(ctx, host);
        if (rows.length === 0 || rows.every((e) => e.binding.exchangeRow?.services === null)) {
          if (!unknown.includes(host)) unknown.push(host);
          continue;
        }
        const bound = rows.filter((e) => e.binding.exchangeRow?.services?.includes(service));
        if (bound.length === 0) {
          noneBound.push({ host, service });
          continue;
        }
        for (const e of bound) {
          const { notBefore, notAfter } = datesOf(e);
          const now = ctx.at.getTime();
          let why = '';
          if (notAfter !== null && notAfter < now) why = `it expired on ${isoDay(notAfter)}`;
          else if (notBefore !== null && notBefore > now) why = `it is not valid until ${isoDay(notBefore)}`;
          else if (e.result.hasDer && e.result.verdict === 'fail') {
            const failing = e.result.findings.filter((f) => f.status === 'error' || f.status === 'fatal').map((f) => f.title);
            why = `it fails the UM rules: ${failing.join('; ')}`;
          }
          if (why) invalid.push({ host, service, why: `${shortSubject(e)} (${e.result.thumbprint ?? 'masked'}) — ${why}`, thumbprint: e.result.thumbprint });
          else good.push({ host, thumbprint: e.result.thumbprint });
        }
      }
    }
    const out: EstateOutcome[] = [];
    if (invalid.length) {
      const hosts = [...new Set(invalid.map((i) => i.host))];
      out.push({
        outcome: 'invalid',
        title: `UM certificate not valid for UM on ${labels(hosts)}`,
        detail: listed(invalid.map((i) => `${i.host.fqdn} ${i.service}: ${i.why}`)) + '.',
        fix: 'Bind a certificate whose CN is the server FQDN (not a wildcard), from a CA Lync/SfB trusts, to UM and UMCallRouter: Enable-ExchangeCertificate -Server <server> -Thumbprint <t> -Services UM,UMCallRouter; then restart MSExchangeUM and MSExchangeUMCR.',
        whatBreaks: BREAKS,
        servers: hosts.map((h) => h.fqdn),
        thumbprints: invalid.flatMap((i) => (i.thumbprint ? [i.thumbprint] : [])),
      });
    }
    if (noneBound.length) {
      const hosts = [...new Set(noneBound.map((n) => n.host))];
      out.push({
        outcome: 'none-bound',
        title: `No certificate bound to UM on ${labels(hosts)}`,
        detail: listed(noneBound.map((n) => `${n.host.fqdn}: ${n.service} starts in TLS/Dual mode but no certificate is bound to ${n.service}`)) + '.',
        fix: 'Enable-ExchangeCertificate -Server <server> -Thumbprint <t> -Services UM,UMCallRouter with a certificate whose CN is the server FQDN; restart the UM services.',
        whatBreaks: BREAKS,
        servers: hosts.map((h) => h.fqdn),
      });
    }
    if (unknown.length) out.push({ outcome: 'unknown', title: `UM certificate not known on ${labels(unknown)}`, detail: 'The snapshot does not say which certificate is bound to UM there (no certificate list or no Services).', servers: unknown.map((h) => h.fqdn) });
    if (out.length === 0 && good.length) {
      const hosts = [...new Set(good.map((g) => g.host))];
      out.push({ outcome: 'pass', title: `UM certificates valid on ${labels(hosts)}`, detail: 'Every UM service and UM Call Router in TLS or Dual mode has an in-date certificate bound that passes the UM rules.', servers: hosts.map((h) => h.fqdn), thumbprints: good.flatMap((g) => (g.thumbprint ? [g.thumbprint] : [])) });
    }
    if (out.length === 0) out.push({ outcome: 'not-applicable', title: 'No UM service in TLS or Dual mode', detail: um.length ? 'Every UM service listed starts in TCP mode.' : 'The snapshot has no UM startup modes (Get-UMService / Get-UMCallRouterSettings were not collected).' });
    return out;
  },
});
