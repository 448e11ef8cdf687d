// Requirement: servers behind one load-balanced namespace (mail.contoso.com) should present
// certificates with the same names; when the IIS certificates of such servers carry different
// SAN sets, some clients get certificate warnings on some servers only. The servers' own host
// names are left out of the comparison (a per-server name is normal). Community reports, so a
// warning at most.
// Citation: CSS-Exchange issues #955 and #2055.
import { defineEstateRule, type EstateEntry, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { exchangeHosts, entriesOf, labels, listed } from './helpers.js';
import type { EstateHost } from '../../estate/bindings.js';

export default defineEstateRule({
  id: 'estate.namespace-san-consistent',
  title: 'Load-balanced servers present the same namespace names',
  requirement: 'Exchange servers sharing a namespace should have IIS certificates with the same SAN names (apart from their own host names).',
  source: 'community',
  citation: ESTATE_CITE.NAMESPACE,
  maxStatus: 'warn',
  unconfirmed: true,
  outcomes: {
    pass: { status: 'pass', meaning: 'Servers sharing a namespace present the same names.' },
    differs: { status: 'warn', meaning: 'Servers sharing a namespace present different SAN sets.' },
    'not-applicable': { status: 'not_applicable', meaning: 'Fewer than two servers with an IIS certificate share a namespace.' },
  },
  check(ctx) {
    const own = new Set(ctx.hosts.flatMap((h) => [h.fqdn.toLowerCase(), h.name.toLowerCase()]));
    const iis = new Map<EstateHost, EstateEntry>();
    for (const h of exchangeHosts(ctx)) {
      const e = entriesOf(ctx, h).find((x) => x.binding.exchangeRow?.services?.includes('IIS') && (x.result.dnsNames ?? []).length > 0);
      if (e) iis.set(h, e);
    }
    const names = (e: EstateEntry) => [...new Set((e.result.dnsNames ?? []).map((n) => n.toLowerCase()).filter((n) => !own.has(n)))].sort();
    // Servers are grouped by the namespace names they share with another server.
    const byName = new Map<string, EstateHost[]>();
    for (const [h, e] of iis) for (const n of names(e)) byName.set(n, [...(byName.get(n) ?? []), h]);
    const shared = [...byName.entries()].filter(([, hs]) => hs.length > 1);
    if (shared.length === 0) return [];
    const out: EstateOutcome[] = [];
    const reported = new Set<string>();
    for (const [name, hosts] of shared) {
      const sets = new Map<string, EstateHost[]>();
      for (const h of hosts) {
        const key = names(iis.get(h)!).join(',');
        sets.set(key, [...(sets.get(key) ?? []), h]);
      }
      if (sets.size < 2) continue;
      const id = [...sets.keys()].sort().join('|');
      if (reported.has(id)) continue;
      reported.add(id);
      out.push({
        outcome: 'differs',
        title: `Servers behind ${name} present different SAN sets (${labels(hosts)})`,
        detail: listed([...sets.entries()].map(([k, hs]) => `${listed(hs.map((h) => h.name), ', ')}: ${k.split(',').join(', ')}`)) + '.',
        fix: 'Use one certificate (or certificates with the same SAN names) on every server behind the load balancer: import the same PFX everywhere and bind it to IIS.',
        whatBreaks: 'Clients that reach one server see names the others lack (certificate warnings in Outlook or mobile clients on some connections only).',
        servers: hosts.map((h) => h.fqdn),
        thumbprints: [...new Set(hosts.flatMap((h) => (iis.get(h)!.result.thumbprint ? [iis.get(h)!.result.thumbprint!] : [])))],
      });
    }
    if (out.length === 0) {
      const hosts = [...new Set(shared.flatMap(([, hs]) => hs))];
      out.push({ outcome: 'pass', title: `Servers sharing a namespace present the same names (${labels(hosts)})`, detail: `Shared names: ${shared.map(([n]) => n).join(', ')}.`, servers: hosts.map((h) => h.fqdn) });
    }
    return out;
  },
});
