// The Report view's call into the worker. Checking 1,100 certificates is the expensive part; the
// title, customer and author only change the cover. So the checked model is kept for the last
// (documents, role, environment, time, fix commands, left-out files) and a new customer name
// re-renders the HTML from it — the report model is built once, not per keystroke (issue 16.10).
import type { Environment } from '../../shared/environment/types.js';
import { DEFAULT_TITLE, checkAndBuildReport } from '../../shared/report/buildReport.js';
import type { ReportModel } from '../../shared/report/model.js';
import { renderReport } from '../../shared/report/index.js';
import { renderHtml } from '../../shared/report/render/html.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { BuiltReport, ReportMetaInput } from './api.js';
import type { DecoderService } from './service.js';

/** The cover's fields as buildReport sets them (trimmed; an empty title is the default one). */
function withCover(model: ReportModel, meta: ReportMetaInput): ReportModel {
  const { customer: _c, author: _a, ...rest } = model.meta;
  const customer = meta.customer?.trim();
  const author = meta.author?.trim();
  return {
    ...model,
    meta: { ...rest, title: meta.title?.trim() || DEFAULT_TITLE, ...(customer ? { customer } : {}), ...(author ? { author } : {}) },
  };
}

export function reportApi(service: Pick<DecoderService, 'documents'>) {
  let last: { key: string; model: Promise<ReportModel> } | null = null;
  /** The model of the report last returned (with its cover), for the other formats. */
  let shown: ReportModel | null = null;
  return {
    report: async (docIds: string[], role: RoleChoice, environment: Environment, atIso: string, meta: ReportMetaInput): Promise<BuiltReport> => {
      const key = JSON.stringify([docIds, role, environment, atIso, meta.fixCommands, meta.leftOut ?? []]);
      if (last?.key !== key) {
        const model = service.documents(docIds).then((inputs) =>
          checkAndBuildReport(inputs, { role, environment, at: new Date(atIso) }, { fixCommands: meta.fixCommands, generator: 'CertBench', unusable: meta.leftOut ?? [] }),
        );
        last = { key, model };
        // A failed check is not kept: the next call tries again.
        model.catch(() => {
          if (last?.model === model) last = null;
        });
      }
      const model = withCover(await last.model, meta);
      shown = model;
      return { html: renderHtml(model), verdicts: model.summary.verdicts };
    },
    reportExport: async (format: 'csv' | 'json' | 'md'): Promise<string> => {
      if (!shown) throw new Error('There is no report to export yet: wait for the preview.');
      return renderReport(shown, format);
    },
  };
}
