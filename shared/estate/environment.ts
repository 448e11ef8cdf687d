// The environment the rules need, derived from a snapshot instead of typed by hand: Exchange
// servers (version, roles, Windows version), SfB pools with their Front Ends, Edge pools (the
// internal FQDN is the Edge pool's FQDN; Access / Web Conferencing / A/V FQDNs from the Edge
// service), SIP domains, OWA IM, AuthConfig and the OAuthTokenIssuer thumbprint per Front End.
// The result passes validateEnvironment, so the app can keep it as "my environment".
import type { Environment, ExchangeServer, ExchangeVersion, OwaImSettings, SfbVersion, WindowsServerVersion } from '../environment/types.js';
import { validateEnvironment } from '../environment/validate.js';
import { readExchangeVersion, readSfbVersion, readWindowsVersion } from '../environment/versions.js';
import { lowerHost } from './names.js';
import type { Snapshot, SnapshotExchangeServer, SnapshotSkypePool } from './snapshot.js';

/** '2016', 'Exchange 2016', 'Version 15.1 (Build …)' or the build 15.1.x → '2016' (the core's one reading, environment/versions.ts). */
export function exchangeVersionOf(server: Pick<SnapshotExchangeServer, 'version' | 'build'>): ExchangeVersion | undefined {
  return readExchangeVersion(server.version ?? undefined) ?? readExchangeVersion(server.build ?? undefined);
}

/** 'Windows Server 2012 R2 Standard' → '2012R2'. */
export function windowsVersionOf(os: string | undefined): WindowsServerVersion | undefined {
  return readWindowsVersion(os);
}

/** 'SfB2015', 'Skype for Business Server 2015', 'Lync Server 2013' → the environment's SfbVersion. */
export function sfbVersionOf(version: string | undefined): SfbVersion | undefined {
  return readSfbVersion(version);
}

export function isEdgePool(pool: SnapshotSkypePool): boolean {
  return /edge/i.test(pool.kind) || pool.edge !== undefined;
}

function isFrontEndPool(pool: SnapshotSkypePool): boolean {
  return /front\s*end|^fe$|registrar|^pool$/i.test(pool.kind);
}

export function environmentFromSnapshot(snapshot: Snapshot): Environment {
  const env: Environment = {};
  if (snapshot.organization) env.name = snapshot.organization;
  const ex = snapshot.exchange;
  if (ex && ex.servers.length > 0) {
    env.exchangeServers = ex.servers.map((s) => {
      const out: ExchangeServer = { fqdn: s.fqdn };
      const version = exchangeVersionOf(s);
      if (version) out.version = version;
      const os = windowsVersionOf(s.os);
      if (os) out.os = os;
      if (s.roles && s.roles.length) out.roles = [...s.roles];
      return out;
    });
  }
  const pools = snapshot.skype?.pools ?? [];
  const frontEnds = pools.filter((p) => !isEdgePool(p) && isFrontEndPool(p));
  if (frontEnds.length) {
    env.sfbPools = frontEnds.map((p) => {
      const version = sfbVersionOf(p.version);
      return { fqdn: p.fqdn, ...(version ? { version } : {}), servers: [...p.computers] };
    });
  }
  const edges = pools.filter(isEdgePool);
  if (edges.length) {
    env.edgePools = edges.map((p) => {
      const version = sfbVersionOf(p.version);
      return {
        internalFqdn: p.fqdn,
        ...(p.edge?.accessEdgeFqdn ? { accessEdgeFqdn: p.edge.accessEdgeFqdn } : {}),
        ...(p.edge?.webConferencingEdgeFqdn ? { webConferencingEdgeFqdn: p.edge.webConferencingEdgeFqdn } : {}),
        ...(p.edge?.avEdgeFqdn ? { avEdgeFqdn: p.edge.avEdgeFqdn } : {}),
        ...(version ? { version } : {}),
      };
    });
  }
  if (snapshot.skype?.sipDomains?.length) env.sipDomains = [...snapshot.skype.sipDomains];

  const owaIm = owaImSettings(snapshot);
  if (owaIm) env.owaIm = owaIm;

  const auth = ex?.authConfig;
  if (auth && (auth.currentCertificateThumbprint || auth.nextCertificateThumbprint || auth.previousCertificateThumbprint)) {
    env.authConfig = {
      ...(auth.currentCertificateThumbprint ? { currentCertificateThumbprint: auth.currentCertificateThumbprint } : {}),
      ...(auth.nextCertificateThumbprint ? { nextCertificateThumbprint: auth.nextCertificateThumbprint } : {}),
      ...(auth.previousCertificateThumbprint ? { previousCertificateThumbprint: auth.previousCertificateThumbprint } : {}),
    };
  }

  const oauth: Record<string, string> = {};
  for (const c of snapshot.skype?.certificates ?? []) {
    if (/^oauthtokenissuer$/i.test(c.use) && c.thumbprint) oauth[c.computer] = c.thumbprint;
  }
  if (Object.keys(oauth).length) env.oauthTokenIssuerThumbprints = oauth;

  // Anything the environment validator would refuse (a hostile or odd name) is left out.
  return validateEnvironment(env).environment;
}

/**
 * The organisation's OWA IM settings: the trusted application pool for OWA, the IM server and
 * the thumbprint — from the organisation-wide setting, else the value every server agrees on.
 * Per-server differences are the estate rules' business, not the environment's.
 */
export function owaImSettings(snapshot: Snapshot, server?: string): OwaImSettings | undefined {
  const entries = snapshot.exchange?.owaIm ?? [];
  const forServer = server ? entries.filter((e) => e.server && sameServer(e.server, server)) : [];
  const orgWide = entries.filter((e) => !e.server);
  const chosen = forServer[0] ?? orgWide[0] ?? (server ? undefined : agreed(entries));
  const apps = snapshot.skype?.trustedApplicationPools ?? [];
  const owaPool = apps.find((a) => (a.applications ?? []).some((x) => /outlookwebapp|owa/i.test(x))) ?? (apps.length === 1 ? apps[0] : undefined);
  const out: OwaImSettings = {};
  if (owaPool) out.trustedApplicationPoolFqdn = owaPool.fqdn;
  if (chosen?.imServerName) out.imServerName = chosen.imServerName;
  if (chosen?.certificateThumbprint) out.certificateThumbprint = chosen.certificateThumbprint;
  return Object.keys(out).length ? out : undefined;
}

function agreed<T extends { certificateThumbprint?: string | null; imServerName?: string | null }>(entries: T[]): T | undefined {
  if (entries.length === 0) return undefined;
  const first = entries[0]!;
  return entries.every((e) => e.certificateThumbprint === first.certificateThumbprint && e.imServerName === first.imServerName) ? first : undefined;
}

/** A setting's server (name or FQDN) names this server (FQDN or name). */
export function sameServer(a: string, b: string): boolean {
  const x = lowerHost(a);
  const y = lowerHost(b);
  if (x === y) return true;
  if (!x.includes('.')) return y.split('.')[0] === x;
  if (!y.includes('.')) return x.split('.')[0] === y;
  return false;
}
