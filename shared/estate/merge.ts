// Several snapshots → one estate. An Exchange snapshot and a Skype one simply combine; the same
// organisation collected twice keeps, per server, what the newer collection (collectedAt) said
// about it — its server entry, its certificates and its per-server settings together, never a
// mix of old and new rows for one server. Organisation-wide settings (AuthConfig, connectors,
// hybrid, an organisation-wide OWA IM override) come from the newest snapshot that has them.
import { exchangeServerKey, exchangeServerKeys, lowerHost, skypeComputerKey } from './names.js';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotError,
  type SnapshotExchange,
  type SnapshotExchangeCertificate,
  type SnapshotExchangeServer,
  type SnapshotOwaIm,
  type SnapshotSkype,
  type SnapshotSkypeCertificate,
  type SnapshotSkypePool,
  type SnapshotTransport,
  type SnapshotUmService,
} from './snapshot.js';

interface ExchangeServerData {
  server?: SnapshotExchangeServer;
  certificates: SnapshotExchangeCertificate[];
  owaIm: SnapshotOwaIm[];
  umServices: SnapshotUmService[];
  transport: SnapshotTransport[];
  errors: SnapshotError[];
}

function time(s: Snapshot): number {
  const t = Date.parse(s.collectedAt);
  return Number.isNaN(t) ? 0 : t;
}

export function mergeSnapshots(snapshots: readonly Snapshot[]): Snapshot {
  if (snapshots.length === 0) throw new Error('mergeSnapshots needs at least one snapshot.');
  if (snapshots.length === 1) return snapshots[0]!;
  // Oldest first, so that every later write is the newer word (a stable sort keeps file order on ties).
  const ordered = [...snapshots].map((s, i) => ({ s, i })).sort((a, b) => time(a.s) - time(b.s) || a.i - b.i).map((x) => x.s);

  const exchangeServers = new Map<string, ExchangeServerData>();
  const exchangeOrg: Partial<Pick<SnapshotExchange, 'authConfig' | 'connectors' | 'hybrid'>> & { owaIm?: SnapshotOwaIm[] } = {};
  let sawExchange = false;
  const pools = new Map<string, SnapshotSkypePool>();
  const computers = new Map<string, { certificates: SnapshotSkypeCertificate[]; errors: SnapshotError[] }>();
  const sipDomains = new Map<string, string>();
  const trustedApplicationPools = new Map<string, NonNullable<SnapshotSkype['trustedApplicationPools']>[number]>();
  let sawSkype = false;
  const looseErrors: SnapshotError[] = [];
  let organization: string | undefined;

  for (const snap of ordered) {
    if (snap.organization) organization = snap.organization;
    const keys = exchangeServerKeys(snap);
    const ex = snap.exchange;
    const skypeNames = new Set((snap.skype?.pools ?? []).flatMap((p) => p.computers.map(skypeComputerKey)));
    for (const c of snap.skype?.certificates ?? []) skypeNames.add(skypeComputerKey(c.computer));

    if (ex) {
      sawExchange = true;
      // Everything this snapshot says about each Exchange server it mentions replaces the older word.
      const fresh = new Map<string, ExchangeServerData>();
      const slot = (name: string): ExchangeServerData => {
        const key = exchangeServerKey(keys, name);
        let d = fresh.get(key);
        if (!d) fresh.set(key, (d = { certificates: [], owaIm: [], umServices: [], transport: [], errors: [] }));
        return d;
      };
      for (const s of ex.servers) slot(s.fqdn).server = s;
      for (const c of ex.certificates) slot(c.server).certificates.push(c);
      for (const o of ex.owaIm ?? []) if (o.server) slot(o.server).owaIm.push(o);
      for (const u of ex.umServices ?? []) slot(u.server).umServices.push(u);
      for (const t of ex.transport ?? []) slot(t.server).transport.push(t);
      for (const e of snap.errors ?? []) if (e.server && !skypeNames.has(skypeComputerKey(e.server))) slot(e.server).errors.push(e);
      for (const [key, d] of fresh) exchangeServers.set(key, d);
      if (ex.authConfig !== undefined) exchangeOrg.authConfig = ex.authConfig;
      if (ex.connectors !== undefined) exchangeOrg.connectors = ex.connectors;
      if (ex.hybrid !== undefined) exchangeOrg.hybrid = ex.hybrid;
      const orgWide = (ex.owaIm ?? []).filter((o) => !o.server);
      if (orgWide.length > 0) exchangeOrg.owaIm = orgWide;
    }

    const sk = snap.skype;
    if (sk) {
      sawSkype = true;
      for (const p of sk.pools) pools.set(lowerHost(p.fqdn), p);
      const fresh = new Map<string, { certificates: SnapshotSkypeCertificate[]; errors: SnapshotError[] }>();
      const slot = (name: string) => {
        const key = skypeComputerKey(name);
        let d = fresh.get(key);
        if (!d) fresh.set(key, (d = { certificates: [], errors: [] }));
        return d;
      };
      for (const c of sk.certificates) slot(c.computer).certificates.push(c);
      for (const e of snap.errors ?? []) if (e.server && skypeNames.has(skypeComputerKey(e.server))) slot(e.server).errors.push(e);
      for (const [key, d] of fresh) computers.set(key, d);
      for (const d of sk.sipDomains ?? []) sipDomains.set(lowerHost(d), d);
      for (const t of sk.trustedApplicationPools ?? []) trustedApplicationPools.set(lowerHost(t.fqdn), t);
    }
    for (const e of snap.errors ?? []) if (!e.server || (!ex && !skypeNames.has(skypeComputerKey(e.server)))) looseErrors.push(e);
  }

  const merged: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    collectedAt: ordered[ordered.length - 1]!.collectedAt,
  };
  if (organization) merged.organization = organization;
  const data = [...exchangeServers.values()];
  if (sawExchange) {
    const exchange: SnapshotExchange = {
      servers: data.flatMap((d) => (d.server ? [d.server] : [])),
      certificates: data.flatMap((d) => d.certificates),
    };
    if (exchangeOrg.authConfig !== undefined) exchange.authConfig = exchangeOrg.authConfig;
    const owaIm = [...(exchangeOrg.owaIm ?? []), ...data.flatMap((d) => d.owaIm)];
    if (owaIm.length) exchange.owaIm = owaIm;
    const um = data.flatMap((d) => d.umServices);
    if (um.length) exchange.umServices = um;
    const transport = data.flatMap((d) => d.transport);
    if (transport.length) exchange.transport = transport;
    if (exchangeOrg.connectors !== undefined) exchange.connectors = exchangeOrg.connectors;
    if (exchangeOrg.hybrid !== undefined) exchange.hybrid = exchangeOrg.hybrid;
    merged.exchange = exchange;
  }
  if (sawSkype) {
    const skype: SnapshotSkype = { pools: [...pools.values()], certificates: [...computers.values()].flatMap((d) => d.certificates) };
    if (sipDomains.size) skype.sipDomains = [...sipDomains.values()];
    if (trustedApplicationPools.size) skype.trustedApplicationPools = [...trustedApplicationPools.values()];
    merged.skype = skype;
  }
  const errors = dedupeErrors([...looseErrors, ...data.flatMap((d) => d.errors), ...[...computers.values()].flatMap((d) => d.errors)]);
  if (errors.length) merged.errors = errors;
  return merged;
}

function dedupeErrors(errors: SnapshotError[]): SnapshotError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${lowerHost(e.server)}\u0000${e.step}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
