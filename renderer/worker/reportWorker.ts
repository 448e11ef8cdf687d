// The Report view's calls into the worker. Checking 1,100 certificates is the expensive part; the
// title, customer and author only change the cover. So the checked model is kept for the last
// (documents, role, environment, time, fix commands, left-out files) and a new customer name
// re-renders from it — the model is built once, not per keystroke (issue 16.10).
//
// The preview gets the report in blocks (reportRendering.ts): `report` answers with the cover and
// the executive summary, `reportMore` with the following blocks, chunk by chunk. When the preview
// already shows a rendering of the same model, `report` answers with only the blocks that differ
// (the cover, for a new customer name), so the preview keeps the other 1,100 sections.
import type { Environment } from '../../shared/environment/types.js';
import { DEFAULT_TITLE, checkAndBuildReport } from '../../shared/report/buildReport.js';
import type { ReportModel } from '../../shared/report/model.js';
import { renderReport, type TextReportFormat } from '../../shared/report/index.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { ReportChunk, ReportMetaInput, ReportStart } from './api.js';
import { ReportInputs } from './reportInputs.js';
import { ReportRendering } from './reportRendering.js';
import type { DecoderService } from './service.js';

/** Renderings kept for the preview to ask further blocks of, or to compare a new one with. */
const KEPT_RENDERINGS = 3;

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

/** The blocks of `next` that differ from `base`'s, or null when the two are not the same page. */
function changedBlocks(base: ReportRendering, next: ReportRendering): { index: number; block: string }[] | null {
  const old = base.all();
  const now = next.all();
  if (old.length !== now.length) return null;
  const changes: { index: number; block: string }[] = [];
  now.forEach((block, index) => {
    if (block !== old[index]) changes.push({ index, block });
    // One copy of the unchanged text for both renderings.
    else now[index] = old[index]!;
  });
  return changes;
}

export function reportApi(service: Pick<DecoderService, 'documents'>) {
  const inputs = new ReportInputs(service);
  let last: { key: string; model: Promise<ReportModel> } | null = null;
  const renderings = new Map<number, ReportRendering>();
  let nextId = 1;
  /** The rendering last returned (with its cover), for the export formats. */
  let shown: ReportRendering | null = null;
  return {
    report: async (docIds: string[], role: RoleChoice, environment: Environment, atIso: string, meta: ReportMetaInput, shownId?: number): Promise<ReportStart> => {
      const trusted = [...new Set(meta.trustedDocIds ?? [])].sort();
      const key = JSON.stringify([docIds, role, environment, atIso, meta.fixCommands, meta.leftOut ?? [], trusted]);
      if (last?.key !== key) {
        const model = Promise.all([inputs.get(docIds), trusted.length ? service.documents(trusted) : []]).then(([documents, anchors]) =>
          checkAndBuildReport(
            documents,
            // The roots trusted for the session anchor chains as the CLI's trusted-CA files do.
            { role, environment, at: new Date(atIso), trustCertificates: anchors.flatMap((a) => a.document.certificates) },
            { fixCommands: meta.fixCommands, generator: 'CertBench', unusable: meta.leftOut ?? [] },
          ),
        );
        last = { key, model };
        // A failed check is not kept: the next call tries again.
        model.catch(() => {
          if (last?.model === model) last = null;
        });
      }
      const rendering = new ReportRendering(nextId++, key, withCover(await last.model, meta));
      const base = shownId === undefined ? undefined : renderings.get(shownId);
      renderings.set(rendering.id, rendering);
      for (const id of renderings.keys()) if (renderings.size > KEPT_RENDERINGS && id !== base?.id) renderings.delete(id);
      shown = rendering;
      const common = { id: rendering.id, css: rendering.css, verdicts: rendering.model.summary.verdicts };
      const changes = base && base.key === key && base.css === rendering.css ? changedBlocks(base, rendering) : null;
      if (changes) return { ...common, kind: 'patch', base: base!.id, changes, count: rendering.blocks.length };
      const blocks = rendering.head();
      return { ...common, kind: 'new', blocks, done: rendering.done };
    },
    /** The open documents' models decoded ahead of the click on Report (reportInputs.ts). */
    reportPrepare: (docIds: string[]): Promise<void> => inputs.prepare(docIds),
    /** The blocks of rendering `id` from `from` on (a chunk); null once that rendering is no longer kept. */
    reportMore: async (id: number, from: number): Promise<ReportChunk | null> => {
      const rendering = renderings.get(id);
      if (!rendering) return null;
      const blocks = rendering.chunk(from);
      return { blocks, done: rendering.done && from + blocks.length >= rendering.blocks.length };
    },
    reportExport: async (format: TextReportFormat): Promise<string> => {
      if (!shown) throw new Error('There is no report to export yet: wait for the preview.');
      return renderReport(shown.model, format);
    },
  };
}
