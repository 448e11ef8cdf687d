// The estate report as data: the audit plus what every format shows the same way — an
// organisation summary, the servers × certificates matrix and the expiry timeline of what is
// actually bound. Built once; the HTML, CSV, Markdown and JSON renderers only format it.
import type { EstateAudit, EstateCertificateResult, EstateFinding } from '../../estate/auditTypes.js';
import { bindingTags } from '../../estate/serviceLetters.js';
import type { Verdict } from '../../rules/engine/status.js';
import { daysUntil } from '../dates.js';
import type { Timeline, TimelineRow } from '../model.js';
import { expiryBucket } from '../summary.js';

const DAY_MS = 86_400_000;

export interface EstateReportMeta {
  title: string;
  generator: string;
  customer?: string;
  author?: string;
}

/** One distinct certificate of the estate (a column of the matrix). */
export interface EstateColumn {
  id: string;
  thumbprint: string | null;
  label: string;
  notAfter: string | null;
  daysLeft: number | null;
  /** Worst verdict over the servers that bind it. */
  verdict: Verdict;
  servers: string[];
}

export interface EstateMatrixCell {
  column: string;
  tags: string[];
  verdict: Verdict;
  bound: boolean;
}

export interface EstateMatrixRow {
  server: string;
  fqdn: string;
  product: 'exchange' | 'skype';
  detail: string;
  cells: EstateMatrixCell[];
}

export interface EstateReportSummary {
  servers: { exchange: number; skype: number };
  certificates: number;
  bindings: number;
  verdicts: Record<Verdict, number>;
  findings: { error: number; warn: number; info: number; pass: number };
  expiredBound: number;
  within30Bound: number;
}

export interface EstateReportModel {
  meta: EstateReportMeta;
  audit: EstateAudit;
  summary: EstateReportSummary;
  /** Estate findings that say something (pass and N/A left out), worst first. */
  problems: EstateFinding[];
  columns: EstateColumn[];
  matrix: EstateMatrixRow[];
  timeline: Timeline;
}

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

export function columnLabel(c: Pick<EstateCertificateResult, 'subject' | 'thumbprint'>): string {
  const cn = /CN=([^,]+)/i.exec(c.subject ?? '');
  return cn ? cn[1]!.trim() : c.subject || (c.thumbprint ? `${c.thumbprint.slice(0, 8)}…` : '(masked thumbprint)');
}

export function buildEstateReport(audit: EstateAudit, meta: Partial<EstateReportMeta> = {}): EstateReportModel {
  const at = new Date(audit.at);
  const columns = new Map<string, EstateColumn>();
  const keyOf = (s: EstateAudit['servers'][number], c: EstateCertificateResult, i: number) => c.thumbprint ?? `masked-${s.fqdn}-${i}`;
  for (const s of audit.servers) {
    for (const [i, c] of s.certificates.entries()) {
      const id = keyOf(s, c, i);
      let col = columns.get(id);
      if (!col) {
        col = { id: `c${columns.size + 1}`, thumbprint: c.thumbprint, label: columnLabel(c), notAfter: c.notAfter, daysLeft: c.notAfter ? daysUntil(c.notAfter, at) : null, verdict: 'pass', servers: [] };
        columns.set(id, col);
      }
      if (c.bindings.length > 0 && RANK[c.verdict] > RANK[col.verdict]) col.verdict = c.verdict;
      if (!col.servers.includes(s.fqdn)) col.servers.push(s.fqdn);
    }
  }
  const colList = [...columns.values()];
  const matrix: EstateMatrixRow[] = audit.servers.map((s) => {
    const cells: EstateMatrixCell[] = [];
    for (const [i, c] of s.certificates.entries()) {
      const col = columns.get(keyOf(s, c, i));
      if (col) cells.push({ column: col.id, tags: bindingTags(c.bindings), verdict: c.verdict, bound: c.bindings.length > 0 });
    }
    const detail = [s.product === 'exchange' ? `Exchange ${s.version ?? ''}`.trim() : `${s.roles.join(', ') || 'Lync/SfB'}${s.version ? ` ${s.version}` : ''}`, s.product === 'exchange' ? s.roles.join(', ') : s.pool ?? ''].filter(Boolean).join(' · ');
    return { server: s.name, fqdn: s.fqdn, product: s.product, detail, cells };
  });

  const verdicts: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
  let bindings = 0;
  let expiredBound = 0;
  let within30Bound = 0;
  for (const s of audit.servers) {
    for (const c of s.certificates) {
      if (c.bindings.length === 0) continue;
      bindings++;
      verdicts[c.verdict]++;
    }
  }
  const rows: TimelineRow[] = [];
  for (const col of colList) {
    const bound = audit.servers.flatMap((s) => s.certificates.filter((c) => (c.thumbprint ?? '') === (col.thumbprint ?? '\u0000') && c.bindings.length > 0));
    if (bound.length === 0 || col.daysLeft === null) continue;
    const notBefore = bound.find((c) => c.notBefore)?.notBefore;
    if (!notBefore || !col.notAfter) continue;
    if (col.daysLeft < 0) expiredBound++;
    else if (col.daysLeft <= 30) within30Bound++;
    rows.push({ itemId: col.id, label: `${col.label} (${col.servers.length} server${col.servers.length === 1 ? '' : 's'})`, notBefore, notAfter: col.notAfter, daysLeft: col.daysLeft, bucket: expiryBucket(col.daysLeft) });
  }
  rows.sort((a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter));
  const t = at.getTime();
  const earliestExpired = Math.min(t, ...rows.filter((r) => r.daysLeft < 0).map((r) => Date.parse(r.notAfter)));
  const start = Math.max(t - 365 * DAY_MS, Math.min(t - 60 * DAY_MS, earliestExpired - 30 * DAY_MS));
  const latest = Math.max(t, ...rows.map((r) => Date.parse(r.notAfter)));
  const end = Math.min(t + 400 * DAY_MS, Math.max(t + 180 * DAY_MS, latest + 30 * DAY_MS));

  const findings = { error: 0, warn: 0, info: 0, pass: 0 };
  for (const f of audit.estateFindings) {
    if (f.status === 'error' || f.status === 'fatal') findings.error++;
    else if (f.status === 'warn') findings.warn++;
    else if (f.status === 'info') findings.info++;
    else if (f.status === 'pass') findings.pass++;
  }
  return {
    meta: { title: meta.title ?? `Certificate estate report${audit.organization ? ` — ${audit.organization}` : ''}`, generator: meta.generator ?? 'CertBench', ...(meta.customer ? { customer: meta.customer } : {}), ...(meta.author ? { author: meta.author } : {}) },
    audit,
    summary: {
      servers: { exchange: audit.servers.filter((s) => s.product === 'exchange').length, skype: audit.servers.filter((s) => s.product === 'skype').length },
      certificates: colList.length,
      bindings,
      verdicts,
      findings,
      expiredBound,
      within30Bound,
    },
    problems: audit.estateFindings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable'),
    columns: colList,
    matrix,
    timeline: { start: new Date(start).toISOString(), end: new Date(end).toISOString(), at: audit.at, rows },
  };
}
