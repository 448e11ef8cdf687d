// The inspector's model. The list holds summaries; the shown file's full model and chain come
// from the worker. The previous file stays on screen for the round trip (a few ms) rather than
// flashing empty; the last few are kept so arrowing back shows them at once.
import { useEffect, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import type { InspectedFile } from '../inspector/Inspector.js';
import { createLru } from '../lib/lru.js';
import type { OpenDocument } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';
import type { DocumentDetails } from '../worker/protocol.js';

/** Inspector models kept for documents selected before. */
const DETAILS_CACHE = 64;

export type InspectedDocument = InspectedFile & { docId: string };

/**
 * `openFiles` is openFilesKey(…): the chain runs through every open file and the environment's
 * trusted roots (as the rules build it), so opening or closing a file or another environment can change it.
 */
export function useInspected(worker: WorkerClient, selected: OpenDocument | null, openFiles: string, environment: Environment, trustedDocIds: string[] = []): InspectedDocument | null {
  const [inspected, setInspected] = useState<InspectedDocument | null>(null);
  const [cache] = useState(() => createLru<string, DocumentDetails>(DETAILS_CACHE));
  const roots = (environment.trustedRoots ?? []).join('\n');
  const trusted = [...trustedDocIds].sort().join(',');
  const detailsKey = selected ? `${selected.docId}\n${selected.certIndex}\n${openFiles}\n${roots}\n${trusted}` : null;

  useEffect(() => {
    if (!selected || !detailsKey) {
      setInspected(null);
      return;
    }
    const show = (details: DocumentDetails) =>
      setInspected({ docId: selected.docId, fileName: selected.fileName, headline: selected.summary.headline, certIndex: selected.certIndex, details });
    const cached = cache.get(detailsKey);
    if (cached) {
      show(cached);
      return;
    }
    let cancelled = false;
    worker.details(selected.docId, selected.certIndex, environment, new Date().toISOString(), trustedDocIds).then(
      (details) => {
        cache.set(detailsKey, details);
        if (!cancelled) show(details);
      },
      // Closed meanwhile: the next selection brings its own.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // detailsKey stands for the document, its certificate, the open files, the environment's roots and the trusted files
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detailsKey, worker]);

  return inspected;
}
