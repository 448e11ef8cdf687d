// What the Estate view shows, derived from the core's audit and the merged snapshot: the
// matrix columns (one per certificate, by thumbprint), the cell of a server × certificate, the
// servers that hold a certificate and every setting that points at it. Pure display
// bookkeeping — the verdicts, findings and bindings all come from the core's audit.
import type { EstateAudit, EstateBinding, EstateCertificateResult, EstateServerResult } from '../../shared/estate/auditTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { cleanThumbprint } from '../../shared/model/thumbprint.js';
import { STATUS_ORDER, type Status, type Verdict } from '../../shared/rules/engine/status.js';
import { daysLeft as coreDaysLeft } from '../../shared/dates/daysLeft.js';

const VERDICT_RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

export function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b;
}

/** `IP.WS..` as Get-ExchangeCertificate prints its Services (the core's), null when no service is bound. */
export { servicesString as serviceLetters, bindingTags } from '../../shared/estate/serviceLetters.js';

/** The Get-CsCertificate uses among the bindings. */
export function usesOf(bindings: readonly EstateBinding[]): string[] {
  return bindings.filter((b) => b.kind === 'use').map((b) => b.name);
}

/** The settings among the bindings that name this certificate (AuthConfig, OWA IM, a connector…). */
export function referencesOf(bindings: readonly EstateBinding[]): string[] {
  return bindings.filter((b) => b.kind === 'reference').map((b) => b.name);
}

/** `mail.contoso.com` out of `CN=mail.contoso.com, O=Contoso` (the subject as given when it has no CN). */
export function commonNameOf(subject: string | null | undefined): string {
  if (!subject) return '';
  const cn = /(?:^|[,/]\s*)CN=([^,/]+)/i.exec(subject);
  return (cn ? cn[1]! : subject).trim();
}

/** A key for a certificate across servers: its thumbprint, or a per-server key when the source masked it. */
export function certificateKey(server: EstateServerResult, cert: EstateCertificateResult, index: number): string {
  return cert.thumbprint ?? `masked:${server.fqdn}:${index}`;
}

export interface EstateColumn {
  key: string;
  thumbprint: string | null;
  subject: string | null;
  commonName: string;
  notAfter: string | null;
  /** The worst verdict this certificate has on any server. */
  verdict: Verdict;
  /** Servers that hold it. */
  servers: string[];
}

export interface EstateIndex {
  /** Every distinct certificate, worst verdict first. */
  all: EstateColumn[];
  /** The matrix's columns: every certificate in a small estate, else those two or more servers hold. */
  columns: EstateColumn[];
  /** Per server (FQDN), the certificates only it holds when they are not columns (its own self-signed, WMSvc, UM…). */
  own: Map<string, { key: string; result: EstateCertificateResult }[]>;
  /** `${server fqdn}\n${column key}` → that server's result for that certificate. */
  cells: Map<string, EstateCertificateResult>;
}

/**
 * Up to this many distinct certificates, each is a column. Beyond, each server's own
 * certificates (Exchange's per-server self-signed and WMSvc certificates, a UM certificate per
 * server) would make a mostly empty table of hundreds of columns: they go into one column.
 */
export const MATRIX_ALL_COLUMNS = 16;

export function cellKey(serverFqdn: string, columnKey: string): string {
  return `${serverFqdn}\n${columnKey}`;
}

/** Columns ordered worst verdict first, then by name, so what needs work is on the left. */
export function indexEstate(audit: EstateAudit): EstateIndex {
  const columns = new Map<string, EstateColumn>();
  const cells = new Map<string, EstateCertificateResult>();
  for (const server of audit.servers) {
    server.certificates.forEach((cert, i) => {
      const key = certificateKey(server, cert, i);
      cells.set(cellKey(server.fqdn, key), cert);
      const column = columns.get(key);
      if (column) {
        column.verdict = worseVerdict(column.verdict, cert.verdict);
        if (!column.servers.includes(server.fqdn)) column.servers.push(server.fqdn);
        column.subject ??= cert.subject;
        column.notAfter ??= cert.notAfter;
        if (!column.commonName) column.commonName = commonNameOf(cert.subject);
      } else {
        columns.set(key, {
          key,
          thumbprint: cert.thumbprint,
          subject: cert.subject,
          commonName: commonNameOf(cert.subject),
          notAfter: cert.notAfter,
          verdict: cert.verdict,
          servers: [server.fqdn],
        });
      }
    });
  }
  const ordered = [...columns.values()].sort(
    (a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] || a.commonName.localeCompare(b.commonName) || a.key.localeCompare(b.key),
  );
  const own = new Map<string, { key: string; result: EstateCertificateResult }[]>();
  if (ordered.length <= MATRIX_ALL_COLUMNS) return { all: ordered, columns: ordered, own, cells };
  const shared = ordered.filter((c) => c.servers.length > 1);
  for (const column of ordered) {
    if (column.servers.length > 1) continue;
    const server = column.servers[0]!;
    const list = own.get(server) ?? [];
    list.push({ key: column.key, result: cells.get(cellKey(server, column.key))! });
    own.set(server, list);
  }
  return { all: ordered, columns: shared, own, cells };
}

/** Each server that holds the certificate, with its result there. */
export function holdersOf(audit: EstateAudit, thumbprint: string): { server: EstateServerResult; result: EstateCertificateResult }[] {
  return audit.servers.flatMap((server) => server.certificates.filter((c) => c.thumbprint === thumbprint).map((result) => ({ server, result })));
}

/** One setting that names a certificate, and where (servers, or the organisation). */
export interface Pointer {
  what: string;
  where: string;
}

function same(configured: string | null | undefined, thumbprint: string): boolean {
  if (!configured) return false;
  const cleaned = cleanThumbprint(configured);
  return cleaned.valid && cleaned.value === thumbprint;
}

/**
 * Everything that points at a certificate: the references and uses the audit bound to it on
 * each server (AuthConfig, OWA IM, internal transport, connectors and hybrid by
 * TlsCertificateName, Get-CsCertificate uses), and — when no server holds it — the settings in
 * the snapshot that still name its thumbprint.
 */
export function pointersTo(thumbprint: string, snapshot: Snapshot | null, audit: EstateAudit | null): Pointer[] {
  const where = new Map<string, string[]>();
  const add = (what: string, place: string) => {
    const list = where.get(what) ?? [];
    if (!list.includes(place)) list.push(place);
    where.set(what, list);
  };
  let held = false;
  for (const server of audit?.servers ?? []) {
    for (const cert of server.certificates) {
      if (cert.thumbprint !== thumbprint) continue;
      held = true;
      for (const b of cert.bindings) {
        if (b.kind === 'reference') add(b.name, server.name || server.fqdn);
        else if (b.kind === 'use') add(`Get-CsCertificate use ${b.name}`, server.name || server.fqdn);
      }
    }
  }
  if (!held) {
    const nowhere = 'no server in the estate holds it';
    const exchange = snapshot?.exchange;
    const auth = exchange?.authConfig;
    if (auth) {
      if (same(auth.currentCertificateThumbprint, thumbprint)) add('AuthConfig current', nowhere);
      if (same(auth.nextCertificateThumbprint, thumbprint)) add('AuthConfig next', nowhere);
      if (same(auth.previousCertificateThumbprint, thumbprint)) add('AuthConfig previous', nowhere);
    }
    for (const im of exchange?.owaIm ?? []) if (same(im.certificateThumbprint, thumbprint)) add(`OWA IM (${im.source})`, im.server ?? nowhere);
    for (const t of exchange?.transport ?? []) if (same(t.internalTransportCertificateThumbprint, thumbprint)) add('internal transport certificate', t.server);
  }
  return [...where].map(([what, places]) => ({ what, where: places.join(', ') }));
}

/** Estate findings in the findings pane's order: Error → Warning → Info → Pass → N/A. */
export function orderedFindings<T extends { status: Status }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

/** Whole days from `at` to `notAfter` (negative when expired), or null when unknown. */
export function daysLeft(notAfter: string | null | undefined, at: Date): number | null {
  if (!notAfter) return null;
  if (Number.isNaN(Date.parse(notAfter))) return null;
  return coreDaysLeft(notAfter, at);
}
