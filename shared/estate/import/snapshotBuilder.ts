// Everything read from all sources, merged into one snapshot when every date is settled:
// the same certificate seen twice on one server (a table and a Format-List, a certutil dump)
// becomes one entry with the fields of both; short server names are written as the FQDN
// Get-ExchangeServer gave; every server a certificate sits on is listed among the servers.
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotAuthConfig,
  type SnapshotExchangeCertificate,
  type SnapshotExchangeServer,
  type SnapshotOwaIm,
  type SnapshotSkypeCertificate,
} from '../snapshot.js';
import type { ImportNote } from './types.js';

export class SnapshotBuilder {
  private readonly servers: SnapshotExchangeServer[] = [];
  private readonly certificates: SnapshotExchangeCertificate[] = [];
  private readonly authConfigs: { source: string; config: SnapshotAuthConfig }[] = [];
  private readonly owaIm: SnapshotOwaIm[] = [];
  private readonly skypeCertificates: SnapshotSkypeCertificate[] = [];
  private hybridTlsName: string | null = null;

  addServer(server: SnapshotExchangeServer): void {
    const same = this.servers.find((s) => s.name.toLowerCase() === server.name.toLowerCase());
    if (same) Object.assign(same, { ...server, ...same });
    else this.servers.push(server);
  }
  addCertificate(certificate: SnapshotExchangeCertificate): void {
    this.certificates.push(certificate);
  }
  addAuthConfig(source: string, config: SnapshotAuthConfig): void {
    this.authConfigs.push({ source, config });
  }
  addOwaIm(entry: SnapshotOwaIm): void {
    this.owaIm.push(entry);
  }
  addSkypeCertificate(certificate: SnapshotSkypeCertificate): void {
    this.skypeCertificates.push(certificate);
  }
  setHybridTlsCertificateName(name: string): void {
    this.hybridTlsName = name;
  }

  build(notes: ImportNote[], now: Date): Snapshot {
    const fqdnOf = (name: string): string => {
      const lower = name.toLowerCase();
      const short = lower.split('.')[0];
      const server = this.servers.find((s) => s.fqdn.toLowerCase() === lower || s.name.toLowerCase() === lower || s.name.toLowerCase() === short);
      return server ? server.fqdn : name;
    };
    const certificates = mergeCertificates(this.certificates.map((c) => ({ ...c, server: c.server ? fqdnOf(c.server) : '' })));
    const servers = [...this.servers];
    for (const c of certificates) {
      if (c.server && !servers.some((s) => s.fqdn.toLowerCase() === c.server.toLowerCase())) {
        servers.push({ name: c.server.split('.')[0]!, fqdn: c.server });
      }
    }
    const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, collectedAt: now.toISOString() };
    const authConfig = this.authConfig(notes);
    const owaIm = this.owaIm.map((o) => (o.server ? { ...o, server: fqdnOf(o.server) } : o));
    if (servers.length || certificates.length || authConfig || owaIm.length || this.hybridTlsName) {
      snapshot.exchange = { servers, certificates };
      if (authConfig) snapshot.exchange.authConfig = authConfig;
      if (owaIm.length) snapshot.exchange.owaIm = owaIm;
      if (this.hybridTlsName) snapshot.exchange.hybrid = { tlsCertificateName: this.hybridTlsName };
    }
    if (this.skypeCertificates.length) snapshot.skype = { pools: [], certificates: this.skypeCertificates };
    return snapshot;
  }

  private authConfig(notes: ImportNote[]): SnapshotAuthConfig | null {
    const last = this.authConfigs[this.authConfigs.length - 1];
    if (!last) return null;
    const differing = this.authConfigs.filter((a) => a.config.currentCertificateThumbprint !== last.config.currentCertificateThumbprint);
    if (differing.length) {
      notes.push({
        source: last.source,
        level: 'warn',
        message: `Get-AuthConfig was given more than once with different current certificates (${[...new Set(this.authConfigs.map((a) => a.source))].join(', ')}); the one from ${last.source} is used.`,
      });
    }
    return last.config;
  }
}

/** One entry per (server, thumbprint); a certificate whose server is unknown joins the only server that has it. */
function mergeCertificates(all: SnapshotExchangeCertificate[]): SnapshotExchangeCertificate[] {
  const out: SnapshotExchangeCertificate[] = [];
  const key = (c: SnapshotExchangeCertificate) => `${c.server.toLowerCase()}|${c.thumbprint}`;
  const byKey = new Map<string, SnapshotExchangeCertificate>();
  const serverless: SnapshotExchangeCertificate[] = [];
  for (const c of all) {
    if (c.thumbprint === null) {
      out.push(c); // masked: never matched, never merged
      continue;
    }
    if (!c.server) {
      serverless.push(c);
      continue;
    }
    const same = byKey.get(key(c));
    if (same) merge(same, c);
    else {
      byKey.set(key(c), c);
      out.push(c);
    }
  }
  for (const c of serverless) {
    const holders = out.filter((o) => o.thumbprint === c.thumbprint && o.server);
    if (holders.length === 1) merge(holders[0]!, c);
    else {
      const same = out.find((o) => o.thumbprint === c.thumbprint && !o.server);
      if (same) merge(same, c);
      else out.push(c);
    }
  }
  return out;
}

function merge(into: SnapshotExchangeCertificate, from: SnapshotExchangeCertificate): void {
  if (into.services === null && from.services !== null) into.services = from.services;
  for (const [k, v] of Object.entries(from) as [keyof SnapshotExchangeCertificate, unknown][]) {
    if (v === undefined || k === 'services' || k === 'server') continue;
    if (k === 'dnsNames') {
      if ((into.dnsNames?.length ?? 0) < (v as string[]).length) into.dnsNames = v as string[];
      continue;
    }
    if (k === 'subject' && /(\.\.\.|…)$/.test(into.subject ?? '') && !/(\.\.\.|…)$/.test(v as string)) into.subject = v as string;
    if (into[k] === undefined) (into as unknown as Record<string, unknown>)[k] = v;
  }
}
