// The report's public face: build the model from checked documents, render it in a format.
export { buildReport, checkAndBuildReport, DEFAULT_TITLE, type BuildReportInput, type ReportOptions } from './buildReport.js';
export type * from './model.js';
export { renderHtml, PAPERS, type HtmlOptions, type Paper } from './render/html.js';
export { renderCsv, CSV_COLUMNS } from './render/csv.js';
export { renderJson, checkJsonResult } from './render/json.js';
export { renderMarkdown } from './render/markdown.js';
export { timelineSvg } from './render/timelineSvg.js';
export { EXPIRY_HORIZONS } from './summary.js';

import type { ReportModel } from './model.js';
import { renderCsv } from './render/csv.js';
import { renderHtml, type HtmlOptions } from './render/html.js';
import { renderJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';

/** Text formats the core renders; PDF is the HTML printed by a browser (app or CLI). */
export type TextReportFormat = 'html' | 'csv' | 'json' | 'md';
export const TEXT_REPORT_FORMATS: readonly TextReportFormat[] = ['html', 'csv', 'json', 'md'];

export function renderReport(report: ReportModel, format: TextReportFormat, options: HtmlOptions = {}): string {
  switch (format) {
    case 'html':
      return renderHtml(report, options);
    case 'csv':
      return renderCsv(report);
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(report);
  }
}
