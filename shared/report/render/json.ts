// The report as JSON: `results` in exactly the shape `certbench check --json` prints, so a
// script that reads one reads the other, plus the summary, identities (same order as results),
// the environment summary and the files that could not be used.
import type { CheckResult } from '../../rules/checkDocuments.js';
import type { ReportModel } from '../model.js';

/** One result as `certbench check --json` writes it. */
export function checkJsonResult(r: CheckResult): Record<string, unknown> {
  return {
    file: r.file,
    kind: r.kind,
    ...(r.thumbprint ? { thumbprint: r.thumbprint } : {}),
    subject: r.subject,
    role: r.role,
    roles: r.roles,
    guessed: r.guessed,
    verdict: r.verdict,
    findings: r.findings,
  };
}

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
