// The estate report's public face: build the model from an audit, render it in a format.
// PDF is the HTML printed by a browser (the CLI through Chromium, the app through Electron).
import type { EstateAudit } from '../../estate/auditTypes.js';
import type { HtmlOptions } from '../render/html.js';
import { renderEstateCsv } from './csv.js';
import { renderEstateHtml } from './html.js';
import { renderEstateMarkdown } from './markdown.js';
import { buildEstateReport, type EstateReportMeta, type EstateReportModel } from './model.js';

export { buildEstateReport, columnLabel, type EstateReportMeta, type EstateReportModel, type EstateColumn, type EstateMatrixRow, type EstateMatrixCell } from './model.js';
export { renderEstateHtml } from './html.js';
export { renderEstateCsv, ESTATE_CSV_COLUMNS } from './csv.js';
export { renderEstateMarkdown } from './markdown.js';

export type EstateReportFormat = 'html' | 'csv' | 'json' | 'md';
export const ESTATE_REPORT_FORMATS: readonly EstateReportFormat[] = ['html', 'csv', 'json', 'md'];

/** The JSON format is the audit itself (the `certbench audit --json` contract), indented. */
export function renderEstateJson(model: EstateReportModel): string {
  return JSON.stringify(model.audit, null, 2) + '\n';
}

export function renderEstateReport(model: EstateReportModel, format: EstateReportFormat, options: HtmlOptions = {}): string {
  switch (format) {
    case 'html':
      return renderEstateHtml(model, options);
    case 'csv':
      return renderEstateCsv(model);
    case 'json':
      return renderEstateJson(model);
    case 'md':
      return renderEstateMarkdown(model);
  }
}

/** Audit → report text in one call (what the app's export button needs). */
export function estateReportText(audit: EstateAudit, format: EstateReportFormat, meta: Partial<EstateReportMeta> = {}, options: HtmlOptions = {}): string {
  return renderEstateReport(buildEstateReport(audit, meta), format, options);
}
