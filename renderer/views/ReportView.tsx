// Report: a preview of exactly what will be exported; title / customer / author; export as
// self-contained HTML, CSV, JSON, Markdown (rendered by the same core as `certbench report`)
// or PDF (print). The verdicts come from the
// same checkDocuments call `certbench check` and `certbench report` make.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import { useServices } from '../components/context.js';
import { FieldRow } from '../components/FieldRow.js';
import { VerdictBadge } from '../components/StatusBadge.js';
import { showInvisible } from '../../shared/encoding/invisibleCharacters.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { FailedFile, OpenDocument } from '../state/workbench.js';
import type { ReportStart } from '../worker/api.js';
import type { PreviewStream } from './previewStream.js';
import { ReportFiles } from './ReportFiles.js';
import { ReportPreview } from './ReportPreview.js';

/** The documents with their shown certificate's first appearance only; the others and whom they repeat. */
function uniqueByThumbprint(docs: readonly OpenDocument[]): { included: OpenDocument[]; duplicates: { fileName: string; sameAs: string }[] } {
  const first = new Map<string, string>();
  const included: OpenDocument[] = [];
  const duplicates: { fileName: string; sameAs: string }[] = [];
  for (const d of docs) {
    const thumbprint = d.summary.certificates[d.certIndex]?.thumbprint;
    const seen = thumbprint ? first.get(thumbprint) : undefined;
    if (seen !== undefined) duplicates.push({ fileName: d.fileName, sameAs: seen });
    else {
      if (thumbprint) first.set(thumbprint, d.fileName);
      included.push(d);
    }
  }
  return { included, duplicates };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'report';
}

export function ReportView({
  documents,
  role,
  environment,
  leftOut = [],
  verdicts = {},
  trustedDocIds = [],
}: {
  documents: OpenDocument[];
  role: RoleChoice;
  environment: Environment;
  /** Files that did not open: named in the report as left out. */
  leftOut?: readonly FailedFile[];
  /** The documents list's verdicts (docId → verdict), for "only failing". */
  verdicts?: Record<string, Verdict | undefined>;
  /** The roots marked "Trust this root" for the session, as the inspector uses them. */
  trustedDocIds?: readonly string[];
}) {
  const { worker, platform, notify } = useServices();
  const [title, setTitle] = useState('Certificate compliance report');
  const [customer, setCustomer] = useState('');
  const [author, setAuthor] = useState('');
  const [fixCommands, setFixCommands] = useState(true);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [report, setReport] = useState<ReportStart | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The same certificate opened twice (a .cer and the .p7b it came in) is reported once.
  const { included, duplicates } = useMemo(() => uniqueByThumbprint(documents.filter((d) => !excluded.has(d.docId))), [documents, excluded]);
  const key = included.map((d) => d.docId).join(',') + '\n' + leftOut.map((f) => f.key).join(',') + '\n' + [...trustedDocIds].sort().join(',');
  // One evaluation time per set of files, role and environment: the worker keeps the checked
  // model for it, so a new title, customer or author re-renders the cover only.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const at = useMemo(() => new Date().toISOString(), [key, role, environment, fixCommands]);
  /** The preview's stream: what it shows (for a patch instead of a new preview) and its finish() for printing. */
  const stream = useRef<PreviewStream<Element> | null>(null);
  const shownOnce = useRef(false);

  useEffect(() => {
    if (included.length === 0) {
      setReport(null);
      return;
    }
    let cancelled = false;
    const ask = () => {
      worker
        .report(
          included.map((d) => d.docId),
          role,
          environment,
          at,
          { title, customer, author, fixCommands, leftOut: leftOut.map((f) => ({ file: f.fileName, message: f.message })), trustedDocIds: [...trustedDocIds] },
          stream.current?.id,
        )
        .then(
          (built) => {
            if (!cancelled) {
              shownOnce.current = true;
              setReport(built);
              setError(null);
            }
          },
          (e: Error) => !cancelled && setError(e.message),
        );
    };
    // The first report at once (the worker starts while the view is laid out); while a title or
    // a name is typed, one call per pause.
    if (!shownOnce.current) {
      ask();
      return () => {
        cancelled = true;
      };
    }
    const timer = setTimeout(ask, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `key` stands for the included documents, the files left out and the roots trusted
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, role, environment, at, title, customer, author, fixCommands, worker]);

  const base = slug(`${customer ? customer + '-' : ''}${title}`);
  const save = async (name: string, data: string, mimeType: string) => {
    const saved = await platform.saveFile({ suggestedName: name, data, mimeType });
    if (saved) notify(`Saved to ${saved.where}`);
  };
  // Every format is rendered in the worker from the model the preview shows (the HTML file too).
  const exportAs = async (format: 'html' | 'csv' | 'json' | 'md', name: string, mimeType: string) => {
    try {
      await save(name, await worker.reportExport(format), mimeType);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="tool-view" aria-label="Report">
      <div className="no-print">
        <h2>Report</h2>
        <p className="muted">Everything below is what the exported file contains. Keys, passwords and PFX bytes never enter a report.</p>
        <div className="grid-2">
          <FieldRow caption="Title"><input type="text" aria-label="Report title" value={title} onChange={(e) => setTitle(e.target.value)} /></FieldRow>
          <FieldRow caption="Customer"><input type="text" aria-label="Customer" value={customer} onChange={(e) => setCustomer(e.target.value)} /></FieldRow>
          <FieldRow caption="Author"><input type="text" aria-label="Author" value={author} onChange={(e) => setAuthor(e.target.value)} /></FieldRow>
          <label className="field checkbox-field">
            <span>Sections</span>
            <span>
              <input type="checkbox" checked={fixCommands} onChange={(e) => setFixCommands(e.target.checked)} aria-label="Include fix commands" /> Fix commands for failing roles
            </span>
          </label>
        </div>
        <fieldset className="section">
          <legend>Files in the report</legend>
          <ReportFiles documents={documents} excluded={excluded} setExcluded={setExcluded} verdicts={verdicts} />
          {duplicates.length > 0 ? (
            <p className="muted small" data-testid="report-duplicates">
              Reported once: {showInvisible(duplicates.map((d) => `${d.fileName} (the same certificate as ${d.sameAs})`).join(', '))}.
            </p>
          ) : null}
          {leftOut.length > 0 ? (
            <p className="muted small" data-testid="report-left-out">
              Left out, named in the report: {showInvisible(leftOut.map((f) => f.fileName).join(', '))} (did not open).
            </p>
          ) : null}
        </fieldset>
        {report ? (
          <div className="script-actions">
            <span className="report-counts">
              <VerdictBadge verdict="fail" compact /> {report.verdicts.fail} <VerdictBadge verdict="warn" compact /> {report.verdicts.warn}{' '}
              <VerdictBadge verdict="pass" compact /> {report.verdicts.pass}
            </span>
            <button type="button" className="btn btn-small" onClick={() => void exportAs('html', `${base}.html`, 'text/html')}>
              Export HTML
            </button>
            <button type="button" className="btn btn-small" onClick={() => void exportAs('csv', `${base}.csv`, 'text/csv')}>
              Export CSV
            </button>
            <button type="button" className="btn btn-small" onClick={() => void exportAs('json', `${base}.json`, 'application/json')}>
              Export JSON
            </button>
            <button type="button" className="btn btn-small" onClick={() => void exportAs('md', `${base}.md`, 'text/markdown')}>
              Export Markdown
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={async () => {
                // Every certificate's section in the preview before it is printed.
                await stream.current?.finish();
                const saved = await platform.printPage(`${base}.pdf`);
                if (saved) notify(`Saved to ${saved.where}`);
              }}
              title={platform.kind === 'web' ? "Opens the browser's print dialog: choose “Save as PDF”" : 'Saves the report as PDF'}
            >
              {platform.kind === 'web' ? 'Print / PDF…' : 'Export PDF'}
            </button>
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {report ? <ReportPreview start={report} more={worker.reportMore} streamRef={stream} /> : null}
    </section>
  );
}
