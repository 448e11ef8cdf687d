// The estate report, rendered by the core (shared/report/estate): the same text
// `certbench audit --format html|csv|md|json` writes. The app only names the file.
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { estateReportText } from '../../shared/report/estate/index.js';
import type { EstateReportMeta } from './estateApi.js';

const MIME: Record<'html' | 'json' | 'md' | 'csv', string> = { html: 'text/html', json: 'application/json', md: 'text/markdown', csv: 'text/csv' };

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function renderEstateReport(
  audit: EstateAudit,
  _snapshot: Snapshot,
  format: 'html' | 'json' | 'md' | 'csv',
  meta: EstateReportMeta,
): { text: string; fileName: string; mimeType: string } {
  const text = estateReportText(audit, format, {
    generator: 'CertBench',
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.customer ? { customer: meta.customer } : {}),
    ...(meta.author ? { author: meta.author } : {}),
  });
  const base = ['estate-report', slug(meta.customer ?? audit.organization ?? '')].filter(Boolean).join('-');
  return { text, fileName: `${base}.${format}`, mimeType: MIME[format] };
}
