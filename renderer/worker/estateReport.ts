// The estate report, rendered by the core's estate report renderers (shared/report/estate).
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import type { EstateReportMeta } from './estateApi.js';

export function renderEstateReport(
  _audit: EstateAudit,
  _snapshot: Snapshot,
  _format: 'html' | 'json' | 'md' | 'csv',
  _meta: EstateReportMeta,
): { text: string; fileName: string; mimeType: string } {
  throw new Error('The estate report is not in this build yet.');
}
