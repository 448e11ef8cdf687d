// Bindings: which certificate each server uses, for what, and the roles that implies — exactly
// as ../shared/docs/estate.md "From bindings to roles" says:
//   UM / UMCallRouter service            → exchange-um (the binding's server)
//   the thumbprint AuthConfig names       → exchange-auth
//   IIS on a server OWA IM points at      → owa-im
//   OAuthTokenIssuer                      → sfb-oauth
//   AccessEdgeExternal / DataEdgeExternal / AudioVideoAuthentication on an Edge → edge-external
//   Internal on an Edge                   → edge-internal
//   every bound certificate               → general
// For an Edge computer the server used for evaluation is its POOL: the external role is judged
// against the pool's Access / Web Conferencing / A/V FQDNs, the internal one against the pool's
// FQDN (its internal name) — never the computer name taken for the Access Edge.
import type { RoleId } from '../rules/engine/roles.js';
import type { EstateBinding } from './auditTypes.js';
import { isEdgePool, sameServer } from './environment.js';
import { exchangeServerKey, exchangeServerKeys, lowerHost, skypeComputerKey } from './names.js';
import type { Snapshot, SnapshotExchangeCertificate, SnapshotExchangeServer, SnapshotSkypeCertificate, SnapshotSkypePool } from './snapshot.js';
import { parseTlsCertificateName } from './tlsCertificateName.js';

export interface EstateHost {
  /** Lower-case FQDN: the key every binding uses. */
  key: string;
  name: string;
  fqdn: string;
  product: 'exchange' | 'skype';
  version?: string;
  /** Exchange roles, or the SfB pool kind. */
  roles: string[];
  /** For a Skype computer: its pool. */
  pool?: SnapshotSkypePool;
  exchange?: SnapshotExchangeServer;
}

/** One evaluation of one certificate on one host: roles, and the server the rules judge against. */
export interface EvaluationPlan {
  roles: RoleId[];
  /** The `server` option (for an Edge: the pool's external or internal FQDN); absent when none is known. */
  server?: string;
  /** Why this server (shown in notes): e.g. "the Edge pool's Access Edge FQDN". */
  serverWhy?: string;
}

export interface HostCertificate {
  host: string;
  /** 40 upper-case hex, or null where the source masked it (the DER, when present, tells it). */
  thumbprint: string | null;
  bindings: EstateBinding[];
  roles: RoleId[];
  plans: EvaluationPlan[];
  /** The snapshot rows this comes from (text fields, DER, private key facts). */
  exchangeRow?: SnapshotExchangeCertificate;
  skypeRows: SnapshotSkypeCertificate[];
}

export interface EstateBindings {
  hosts: EstateHost[];
  certificates: HostCertificate[];
}

const EDGE_EXTERNAL_USES = /^(accessedgeexternal|dataedgeexternal|audiovideoauthentication|external)$/i;

function addBinding(list: EstateBinding[], binding: EstateBinding): void {
  if (!list.some((b) => b.kind === binding.kind && b.name === binding.name)) list.push(binding);
}

function addRole(list: RoleId[], role: RoleId): void {
  if (!list.includes(role)) list.push(role);
}

/** The hosts of the estate: Exchange servers (listed, or named only by a certificate row) and Lync/SfB computers. */
export function estateHosts(snapshot: Snapshot): EstateHost[] {
  const hosts = new Map<string, EstateHost>();
  const keys = exchangeServerKeys(snapshot);
  for (const s of snapshot.exchange?.servers ?? []) {
    const key = lowerHost(s.fqdn);
    hosts.set(key, { key, name: s.name, fqdn: s.fqdn, product: 'exchange', ...(s.version ? { version: s.version } : {}), roles: [...(s.roles ?? [])], exchange: s });
  }
  for (const c of snapshot.exchange?.certificates ?? []) {
    const key = exchangeServerKey(keys, c.server);
    if (!hosts.has(key)) hosts.set(key, { key, name: c.server.split('.')[0]!, fqdn: c.server, product: 'exchange', roles: [] });
  }
  for (const pool of snapshot.skype?.pools ?? []) {
    for (const computer of pool.computers) {
      const key = skypeComputerKey(computer);
      if (hosts.has(key)) continue;
      hosts.set(key, { key, name: computer.split('.')[0]!, fqdn: computer, product: 'skype', ...(pool.version ? { version: pool.version } : {}), roles: [pool.kind], pool });
    }
  }
  for (const c of snapshot.skype?.certificates ?? []) {
    const key = skypeComputerKey(c.computer);
    if (!hosts.has(key)) hosts.set(key, { key, name: c.computer.split('.')[0]!, fqdn: c.computer, product: 'skype', roles: [] });
  }
  return [...hosts.values()];
}

export function estateBindings(snapshot: Snapshot): EstateBindings {
  const hosts = estateHosts(snapshot);
  const byKey = new Map(hosts.map((h) => [h.key, h]));
  const keys = exchangeServerKeys(snapshot);
  const out: HostCertificate[] = [];
  const ex = snapshot.exchange;
  const auth = ex?.authConfig;
  const owaIm = ex?.owaIm ?? [];
  const orgWideOwaIm = owaIm.find((o) => !o.server);

  for (const row of ex?.certificates ?? []) {
    const host = byKey.get(exchangeServerKey(keys, row.server))!;
    const t = row.thumbprint;
    const bindings: EstateBinding[] = [];
    const roles: RoleId[] = [];
    for (const s of row.services ?? []) addBinding(bindings, { kind: 'service', name: s });
    if (row.services?.includes('UM') || row.services?.includes('UMCallRouter')) addRole(roles, 'exchange-um');
    if (t && auth?.currentCertificateThumbprint === t) {
      addBinding(bindings, { kind: 'reference', name: 'AuthConfig current' });
      addRole(roles, 'exchange-auth');
    }
    if (t && auth?.nextCertificateThumbprint === t) {
      addBinding(bindings, { kind: 'reference', name: 'AuthConfig next' });
      addRole(roles, 'exchange-auth');
    }
    if (t && auth?.previousCertificateThumbprint === t) addBinding(bindings, { kind: 'reference', name: 'AuthConfig previous' });
    // OWA IM "points at" this server when a setting names it, or an organisation-wide one exists.
    const im = owaIm.find((o) => o.server && sameServer(o.server, host.fqdn)) ?? (isOwaServer(host) ? orgWideOwaIm : undefined);
    if (im && row.services?.includes('IIS')) addRole(roles, 'owa-im');
    if (t && im?.certificateThumbprint && cleanHex(im.certificateThumbprint) === t) addBinding(bindings, { kind: 'reference', name: 'OWA IM' });
    const transport = (ex?.transport ?? []).find((x) => sameServer(x.server, host.fqdn));
    if (t && transport?.internalTransportCertificateThumbprint === t) addBinding(bindings, { kind: 'reference', name: 'internal transport certificate' });
    for (const connector of ex?.connectors ?? []) {
      if (!connector.tlsCertificateName || !connector.servers.some((s) => sameServer(s, host.fqdn))) continue;
      if (tlsNameMatches(connector.tlsCertificateName, row)) addBinding(bindings, { kind: 'reference', name: `${connector.kind} connector "${connector.name}"` });
    }
    if (ex?.hybrid?.tlsCertificateName && tlsNameMatches(ex.hybrid.tlsCertificateName, row)) addBinding(bindings, { kind: 'reference', name: 'hybrid configuration' });
    if (bindings.length > 0) addRole(roles, 'general');
    out.push({
      host: host.key,
      thumbprint: t,
      bindings,
      roles,
      plans: bindings.length > 0 ? [{ roles, server: host.fqdn }] : [],
      exchangeRow: row,
      skypeRows: [],
    });
  }

  // Lync/SfB: one entry per computer × thumbprint, with every use it has there.
  const skypeGroups = new Map<string, HostCertificate>();
  for (const row of snapshot.skype?.certificates ?? []) {
    const host = byKey.get(skypeComputerKey(row.computer))!;
    const id = `${host.key}\u0000${row.thumbprint ?? `masked:${row.use}`}`;
    let entry = skypeGroups.get(id);
    if (!entry) {
      entry = { host: host.key, thumbprint: row.thumbprint, bindings: [], roles: [], plans: [], skypeRows: [] };
      skypeGroups.set(id, entry);
      out.push(entry);
    }
    entry.skypeRows.push(row);
    addBinding(entry.bindings, { kind: 'use', name: row.use });
    const edge = host.pool && isEdgePool(host.pool);
    if (/^oauthtokenissuer$/i.test(row.use)) addRole(entry.roles, 'sfb-oauth');
    if (edge && EDGE_EXTERNAL_USES.test(row.use)) addRole(entry.roles, 'edge-external');
    if (edge && /^internal$/i.test(row.use)) addRole(entry.roles, 'edge-internal');
    addRole(entry.roles, 'general');
  }
  for (const entry of skypeGroups.values()) entry.plans = skypePlans(entry, byKey.get(entry.host)!);
  return { hosts, certificates: out };
}

/** Edge roles are judged against the pool's names; everything else against the computer. */
function skypePlans(entry: HostCertificate, host: EstateHost): EvaluationPlan[] {
  const pool = host.pool;
  const plans: EvaluationPlan[] = [];
  const rest = entry.roles.filter((r) => r !== 'edge-external' && r !== 'edge-internal');
  if (entry.roles.includes('edge-external')) {
    const external = pool?.edge?.accessEdgeFqdn ?? pool?.edge?.webConferencingEdgeFqdn ?? pool?.edge?.avEdgeFqdn;
    plans.push({ roles: ['edge-external', 'general'], ...(external ? { server: external, serverWhy: `the Edge pool ${pool!.fqdn}'s external FQDNs` } : {}) });
  }
  if (entry.roles.includes('edge-internal')) {
    plans.push({ roles: ['edge-internal', 'general'], ...(pool ? { server: pool.fqdn, serverWhy: `the Edge pool's internal FQDN ${pool.fqdn}` } : {}) });
  }
  if (plans.length === 0 || rest.some((r) => r !== 'general')) plans.push({ roles: rest.length ? rest : ['general'], server: host.fqdn });
  return plans;
}

/** Mailbox / Client Access servers (or servers whose roles are unknown) serve OWA. */
function isOwaServer(host: EstateHost): boolean {
  if (host.roles.length === 0) return true;
  return host.roles.some((r) => /mailbox|clientaccess|cas/i.test(r.replace(/\s/g, '')));
}

function cleanHex(value: string): string {
  return value.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/** A `<I>issuer<S>subject` value names this certificate (compared on the text the row carries). */
export function tlsNameMatches(value: string, row: Pick<SnapshotExchangeCertificate, 'issuer' | 'subject'>): boolean {
  const parsed = parseTlsCertificateName(value);
  if (!parsed || !row.issuer || !row.subject) return false;
  return sameDn(parsed.issuer, row.issuer) && sameDn(parsed.subject, row.subject);
}

/** Distinguished names compared as Windows prints them: RDN order and spacing may differ. */
export function sameDn(a: string, b: string): boolean {
  const norm = (dn: string) =>
    dn
      .split(/,(?=\s*[A-Za-z0-9.]+=)/)
      .map((p) => p.trim().replace(/\s*=\s*/, '=').toLowerCase())
      .filter(Boolean)
      .sort()
      .join(',');
  return norm(a) === norm(b);
}
