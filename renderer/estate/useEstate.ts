// The estate as React state: the worker holds the sources and runs import, merge and audit;
// this hook asks it again whenever the open files, the evaluation time or the sources change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkerClient } from '../worker/client.js';
import type { EstateContext, EstateImportOptions, EstateState } from '../worker/estateApi.js';

export interface EstateHandle {
  state: EstateState | null;
  busy: boolean;
  /** Adds pasted text; false when `onlyIfServerOutput` and the core did not recognise it. */
  paste(name: string, text: string, onlyIfServerOutput?: boolean): Promise<boolean>;
  remove(sourceId: string): Promise<void>;
  clear(): Promise<void>;
  setOptions(options: EstateImportOptions): Promise<void>;
  context(): EstateContext;
}

/**
 * @param revision bumped by the workbench when opened files joined the estate in the worker
 * @param openDocIds the open certificate files, whose certificates the audit may use
 * @param trustedRoots the active environment's internal roots (PEM), trusted by the chain rule
 * @param trustedDocIds the open files marked "Trust this root" for the session, trusted too
 */
export function useEstate(
  worker: WorkerClient,
  at: Date,
  openDocIds: readonly string[],
  trustedRoots: readonly string[],
  trustedDocIds: readonly string[],
  revision: number,
  onError: (message: string) => void,
): EstateHandle {
  const [state, setState] = useState<EstateState | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = openDocIds.join(',');
  const roots = trustedRoots.join('\n');
  const trusted = trustedDocIds.join(',');
  const context = (): EstateContext => ({ atIso: at.toISOString(), openDocIds: [...openDocIds], trustedRoots: [...trustedRoots], trustedDocIds: [...trustedDocIds] });
  const contextRef = useRef<EstateContext>(context());
  contextRef.current = context();
  const latest = useRef(0);

  // Every call returns the whole state; only the answer to the latest call is shown.
  const run = useCallback(
    async (call: (context: EstateContext) => Promise<EstateState | null | void>): Promise<EstateState | null | void> => {
      const ticket = ++latest.current;
      setBusy(true);
      try {
        const next = await call(contextRef.current);
        if (ticket === latest.current && next) setState(next);
        return next;
      } catch (error) {
        onError((error as Error).message);
        return null;
      } finally {
        if (ticket === latest.current) setBusy(false);
      }
    },
    [onError],
  );

  const atIso = at.toISOString();
  useEffect(() => {
    void run((context) => worker.estateState(context));
  }, [worker, run, atIso, ids, roots, trusted, revision]);

  return {
    state,
    busy,
    paste: async (name, text, onlyIfServerOutput = false) => {
      const next = await run((context) => worker.estatePaste(name, text, onlyIfServerOutput, context));
      return !!next;
    },
    remove: async (sourceId) => void (await run((context) => worker.estateRemove(sourceId, context))),
    clear: async () => void (await run(async (context) => (await worker.estateClear(), worker.estateState(context)))),
    setOptions: async (options) => void (await run((context) => worker.estateSetOptions(options, context))),
    context: () => contextRef.current,
  };
}
