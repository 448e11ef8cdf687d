// Once the files are open, the worker decodes their full models for a report in the background
// (renderer/worker/reportInputs.ts): the click on Report then only checks them and renders the
// summary (issue 16.10). Asked again when the set of open files changes.
import { useEffect } from 'react';
import type { OpenDocument } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';

/** Wait after the last change before preparing: a folder opening or files closing in a row ask once. */
const SETTLE_MS = 500;

export function useReportWarmup(worker: WorkerClient, documents: readonly OpenDocument[], opening: boolean): void {
  const ids = opening ? '' : documents.map((d) => d.docId).join(',');
  useEffect(() => {
    if (opening) return;
    const timer = setTimeout(() => {
      worker.reportPrepare(ids === '' ? [] : ids.split(',')).catch(() => undefined);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [worker, ids, opening]);
}
