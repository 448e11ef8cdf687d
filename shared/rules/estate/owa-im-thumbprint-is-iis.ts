// Requirement: the thumbprint OWA IM is configured with (SettingOverride IMCertificateThumbprint
// on Exchange 2016+, web.config on 2013, the OWA virtual directory on 2010) must be the
// certificate bound to IIS on each OWA server — that is the certificate OWA presents to
// Lync/SfB; a renewed IIS certificate with the old thumbprint left in the setting breaks IM.
// Citation: Microsoft, configure IM integration with Outlook on the web (seed 000); JJ688055.
import { cleanThumbprint } from '../../model/thumbprint.js';
import type { EstateHost } from '../../estate/bindings.js';
import { sameServer } from '../../estate/environment.js';
import type { SnapshotOwaIm } from '../../estate/snapshot.js';
import { defineEstateRule, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { entriesOf, exchangeHosts, isAuthServer, labels, listed } from './helpers.js';

const BREAKS = 'OWA shows "There\'s a problem with instant messaging. Please try again later." on the servers concerned — no presence, no IM.';

export default defineEstateRule({
  id: 'estate.owa-im-thumbprint-is-iis',
  title: 'OWA IM thumbprint is the IIS certificate on each OWA server',
  requirement: 'The OWA IM certificate thumbprint (SettingOverride, web.config or OWA virtual directory) must be the certificate bound to IIS on every server it applies to.',
  source: 'microsoft',
  citation: ESTATE_CITE.OWA_IM,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'On every OWA server the configured thumbprint is the IIS certificate.' },
    mismatch: { status: 'error', meaning: 'On some servers the configured thumbprint is not the IIS certificate.' },
    invalid: { status: 'error', meaning: 'The configured value is not a 40-hex thumbprint.' },
    invisible: { status: 'info', meaning: 'The value matches once spaces or invisible characters are removed.' },
    unknown: { status: 'info', meaning: 'The snapshot does not say which certificate is bound to IIS on some servers.' },
    'not-applicable': { status: 'not_applicable', meaning: 'OWA IM is not configured in the snapshot.' },
  },
  check(ctx) {
    const entries = ctx.snapshot.exchange?.owaIm ?? [];
    const configured = entries.filter((e) => e.certificateThumbprint);
    if (configured.length === 0) return [{ outcome: 'not-applicable', title: 'OWA IM not configured', detail: 'The snapshot holds no OWA IM certificate thumbprint (SettingOverride, web.config or OWA virtual directory).' }];
    const orgWide = configured.find((e) => !e.server);
    const applies: { host: EstateHost; setting: SnapshotOwaIm }[] = [];
    for (const host of exchangeHosts(ctx)) {
      const own = configured.find((e) => e.server && sameServer(e.server, host.fqdn));
      const setting = own ?? (orgWide && isAuthServer(host) ? orgWide : undefined);
      if (setting) applies.push({ host, setting });
    }
    const invalid: typeof applies = [];
    const mismatch: { host: EstateHost; configured: string; iis: string[] }[] = [];
    const invisible: typeof applies = [];
    const unknown: EstateHost[] = [];
    const good: EstateHost[] = [];
    for (const a of applies) {
      const cleaned = cleanThumbprint(a.setting.certificateThumbprint!);
      if (!cleaned.valid) {
        invalid.push(a);
        continue;
      }
      const rows = entriesOf(ctx, a.host);
      if (rows.length === 0 || rows.every((e) => e.binding.exchangeRow?.services === null)) {
        unknown.push(a.host);
        continue;
      }
      const iis = rows.filter((e) => e.binding.exchangeRow?.services?.includes('IIS')).map((e) => e.result.thumbprint ?? '(masked)');
      if (!iis.includes(cleaned.value)) mismatch.push({ host: a.host, configured: cleaned.value, iis });
      else if (cleaned.value !== a.setting.certificateThumbprint) invisible.push(a);
      else good.push(a.host);
    }
    const out: EstateOutcome[] = [];
    if (mismatch.length) {
      out.push({
        outcome: 'mismatch',
        title: `OWA IM certificate is not the IIS certificate on ${labels(mismatch.map((m) => m.host))}`,
        detail: listed(mismatch.map((m) => `${m.host.fqdn}: OWA IM names ${m.configured}, IIS uses ${m.iis.join(', ') || 'no certificate'}`)) + '.',
        fix: `Set the OWA IM thumbprint to the IIS certificate's (2016/2019: New-SettingOverride -Name "IM Config" -Component OwaServer -Section IMSettings -Parameters @("IMServerName=<pool FQDN>","IMCertificateThumbprint=<IIS thumbprint>") -Server <server> -Reason "IM"; then Get-ExchangeDiagnosticInfo -Process MSExchangeMailboxAssistants -Component VariantConfiguration -Argument Refresh and restart MSExchangeOWAAppPool).`,
        whatBreaks: BREAKS,
        servers: mismatch.map((m) => m.host.fqdn),
        thumbprints: [...new Set(mismatch.flatMap((m) => [m.configured, ...m.iis.filter((t) => t !== '(masked)')]))],
      });
    }
    if (invalid.length) {
      out.push({
        outcome: 'invalid',
        title: `OWA IM thumbprint is not a thumbprint on ${labels(invalid.map((a) => a.host))}`,
        detail: invalid.map((a) => `${a.host.fqdn}: ${JSON.stringify(a.setting.certificateThumbprint)} (${a.setting.source})`).join('; ') + ' — a thumbprint is 40 hex characters.',
        fix: 'Copy the thumbprint from Get-ExchangeCertificate (not from the certificate dialog) and set it again.',
        whatBreaks: BREAKS,
        servers: invalid.map((a) => a.host.fqdn),
      });
    }
    if (invisible.length) {
      out.push({
        outcome: 'invisible',
        title: `OWA IM thumbprint carries spaces or invisible characters on ${labels(invisible.map((a) => a.host))}`,
        detail: 'The configured value matches the IIS certificate only once spaces, lower case or invisible characters (U+200E from the certificate dialog) are removed; if Exchange keeps the value as typed, its lookup fails.',
        fix: 'Enter the thumbprint again as 40 upper-case hex characters.',
        servers: invisible.map((a) => a.host.fqdn),
      });
    }
    if (unknown.length) {
      out.push({ outcome: 'unknown', title: `IIS certificate not known on ${labels(unknown)}`, detail: `The snapshot does not say which certificate is bound to IIS on ${listed(unknown.map((h) => h.fqdn), ', ')} (no certificate list, or no Services column).`, fix: 'Collect with the CertBench collector, which records Services.', servers: unknown.map((h) => h.fqdn) });
    }
    if (out.length === 0) {
      out.push({ outcome: 'pass', title: `OWA IM names the IIS certificate on all ${good.length} OWA servers`, detail: `On ${listed(good.map((h) => h.name), ', ')} the configured OWA IM thumbprint is the certificate bound to IIS.`, servers: good.map((h) => h.fqdn) });
    }
    return out;
  },
});
