// The estate report as CSV (RFC 4180, formula injection defused by csvField): one row per
// server × certificate binding, then one row per estate finding — a spreadsheet an admin can
// filter by server, verdict or rule.
import { bindingTags } from '../../estate/serviceLetters.js';
import { csvField } from '../render/escape.js';
import type { EstateReportModel } from './model.js';

export const ESTATE_CSV_COLUMNS = ['record', 'server', 'fqdn', 'product', 'thumbprint', 'subject', 'not_after', 'bindings', 'roles', 'verdict_or_status', 'rule_or_findings', 'title', 'detail', 'fix'] as const;

export function renderEstateCsv(model: EstateReportModel): string {
  const lines: string[] = [ESTATE_CSV_COLUMNS.join(',')];
  const row = (cells: (string | number | null | undefined)[]) => lines.push(cells.map((c) => csvField(c ?? '')).join(','));
  for (const s of model.audit.servers) {
    for (const c of s.certificates) {
      const problems = c.findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable');
      row([
        'certificate',
        s.name,
        s.fqdn,
        s.product,
        c.thumbprint,
        c.subject,
        c.notAfter,
        bindingTags(c.bindings).join('; '),
        c.roles.join(' '),
        c.bindings.length ? c.verdict : 'not bound',
        problems.map((f) => `${f.ruleId}:${f.status}`).join(' '),
        problems.map((f) => f.title).join('; '),
        (c.notes ?? []).join(' '),
        '',
      ]);
    }
  }
  for (const f of model.audit.estateFindings) {
    row(['estate-finding', '', f.servers.join(' '), '', f.thumbprints.join(' '), '', '', '', '', f.status, f.ruleId, f.title, f.detail, f.fix]);
  }
  return lines.join('\r\n') + '\r\n';
}
