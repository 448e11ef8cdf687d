// Where OWA finds the Lync/SfB pool and the certificate for instant messaging:
// - Get-SettingOverride, component OwaServer, section IMSettings, Parameters
//   `IMServerName=<pool>` / `IMCertificateThumbprint=<thumbprint>` (Exchange 2016/2019/SE),
//   organisation-wide (Server empty) or per server;
// - Get-OwaVirtualDirectory | fl *Instant* (honoured on Exchange 2010; printed, blank, later).
import type { SnapshotOwaIm } from '../../snapshot.js';
import { list, text, type PsRecord } from '../types.js';
import { chooseServer, type ReadContext, type ServerName } from './context.js';

export function isOwaImOverride(record: PsRecord): boolean {
  return /^OwaServer$/i.test(text(record, 'ComponentName')) && /^IMSettings$/i.test(text(record, 'SectionName'));
}

/** The override's entries, one per server it names (or one with server null for the organisation). */
export function readOwaImOverride(record: PsRecord): SnapshotOwaIm[] {
  const params = new Map<string, string>();
  for (const p of list(record, 'Parameters')) {
    const eq = p.indexOf('=');
    if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1));
  }
  const entry: SnapshotOwaIm = {
    source: 'SettingOverride',
    imServerName: params.get('imservername')?.trim() || null,
    certificateThumbprint: params.has('imcertificatethumbprint') ? params.get('imcertificatethumbprint')!.trim() : null,
  };
  const servers = list(record, 'Server');
  if (servers.length === 0) return [{ ...entry, server: null }];
  return servers.map((s) => ({ ...entry, server: s }));
}

export function readOwaVirtualDirectory(record: PsRecord, ctx: ReadContext): { entry: SnapshotOwaIm | null; server: ServerName | null } {
  const identity = /^([A-Za-z0-9][A-Za-z0-9.-]*)\\/.exec(text(record, 'Identity'));
  const own: ServerName | null = identity
    ? { name: identity[1]!, from: 'Identity' }
    : text(record, 'Server')
      ? { name: text(record, 'Server'), from: 'Server property' }
      : text(record, 'PSComputerName')
        ? { name: text(record, 'PSComputerName'), from: 'PSComputerName' }
        : null;
  const server = chooseServer(own, ctx);
  const thumbprint = text(record, 'InstantMessagingCertificateThumbprint');
  const imServer = text(record, 'InstantMessagingServerName');
  const enabled = text(record, 'InstantMessagingEnabled');
  const type = text(record, 'InstantMessagingType');
  if (!thumbprint && !imServer) {
    ctx.note('info', `${ctx.source}: the OWA virtual directory${server ? ` on ${server.name}` : ''} names no IM server or certificate (InstantMessagingType ${type || 'not shown'}, enabled ${enabled || 'not shown'}); on Exchange 2013 and later that is expected — the setting lives in web.config or a SettingOverride.`);
    return { entry: null, server };
  }
  return {
    entry: { server: server?.name ?? null, source: 'OwaVirtualDirectory', imServerName: imServer || null, certificateThumbprint: thumbprint || null },
    server,
  };
}
