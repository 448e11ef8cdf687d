// The report as JSON: `results` in exactly the shape `certbench check --json` prints, so a
// script that reads one reads the other, plus the summary, identities (same order as results),
// the environment summary and the files that could not be used.
import { checkJsonResult } from '../../rules/checkDocuments.js';
import type { ReportModel } from '../model.js';

export { checkJsonResult };

export function renderJson(report: ReportModel): string {
  const doc = {
    report: report.meta,
    results: report.items.map((i) => checkJsonResult(i.result)),
    summary: report.summary,
    identities: report.items.map((i) => ({ id: i.id, file: i.result.file, ...i.identity, roleVerdicts: i.roleVerdicts, counts: i.counts })),
    environment: report.environment,
    unusable: report.unusable,
    ...(report.fixCommands ? { fixCommands: report.fixCommands } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
