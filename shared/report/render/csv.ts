// The report as CSV: one row per certificate × role evaluated (RFC 4180, CRLF line ends, a
// UTF-8 byte-order mark so Excel reads the role names right). `verdict` is the verdict for
// that role (general rules included); `certificateVerdict` is the one `certbench check` gives.
// Unusable files follow as rows of kind `unusable`.
// Every cell goes through csvField, which also defuses spreadsheet formulas.
import { ROLE_TITLES } from '../../rules/engine/roles.js';
import type { ReportModel } from '../model.js';
import { csvField } from './escape.js';

export const CSV_COLUMNS = [
  'file',
  'kind',
  'thumbprint',
  'subject',
  'commonName',
  'subjectAltNames',
  'issuer',
  'role',
  'roleTitle',
  'guessed',
  'verdict',
  'certificateVerdict',
  'notBefore',
  'notAfter',
  'daysLeft',
  'errors',
  'warnings',
  'infos',
  'problems',
  'pfxEncryption',
] as const;

export function renderCsv(report: ReportModel): string {
  const rows: (string | number | boolean)[][] = [[...CSV_COLUMNS]];
  for (const item of report.items) {
    const r = item.result;
    const id = item.identity;
    for (const rv of item.roleVerdicts) {
      const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean> = {
        file: r.file,
        kind: r.kind,
        thumbprint: r.thumbprint ?? '',
        subject: r.subject,
        commonName: id.commonName ?? '',
        subjectAltNames: id.subjectAltNames.join('; '),
        issuer: id.issuer ?? '',
        role: rv.role,
        roleTitle: ROLE_TITLES[rv.role],
        guessed: r.guessed,
        verdict: rv.verdict,
        certificateVerdict: r.verdict,
        notBefore: id.notBefore ?? '',
        notAfter: id.notAfter ?? '',
        daysLeft: id.daysLeft ?? '',
        errors: rv.errors,
        warnings: rv.warnings,
        infos: rv.infos,
        problems: rv.problems.join('; '),
        pfxEncryption: id.pfx?.profile ?? '',
      };
      rows.push(CSV_COLUMNS.map((c) => row[c]));
    }
  }
  // Files that could not be used are listed too (kind `unusable`, the reason under problems).
  for (const u of report.unusable) {
    rows.push(CSV_COLUMNS.map((c) => (c === 'file' ? u.file : c === 'kind' ? 'unusable' : c === 'problems' ? u.message : '')));
  }
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
