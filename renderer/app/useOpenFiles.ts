// The app's ways in: the picker, files handed over by the platform (drop, paste, "Open with"),
// and pasted text — all through the one pipeline in openPipeline.ts.
import { useCallback, useEffect, useMemo, useState, type Dispatch } from 'react';
import type { AppServices } from '../components/context.js';
import type { OpenResult, Platform } from '../platform/platform.js';
import type { WorkbenchAction } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';
import { openFiles, pastedTextFile, type OpenSink } from './openPipeline.js';

export interface FileOpening {
  /** True while a batch of files is being read and decoded. */
  opening: boolean;
  /** Bumped when files or pasted text joined the estate, so the Estate view asks the worker again. */
  estateRevision: number;
  openInputs(result: OpenResult): Promise<void>;
  openWithPicker(): Promise<void>;
  /** Certificate text opens as a file; server output joins the estate. */
  openText(text: string): Promise<void>;
  /** Server output joins the estate (and the Estate view shows); false when the worker says it is not. */
  addServerOutput(text: string): Promise<boolean>;
}

export function useOpenFiles(platform: Platform, worker: WorkerClient, services: AppServices, dispatch: Dispatch<WorkbenchAction>): FileOpening {
  const [opening, setOpening] = useState(false);
  const [estateRevision, setEstateRevision] = useState(0);

  const sink = useMemo<OpenSink>(() => ({ dispatch, estateChanged: () => setEstateRevision((r) => r + 1) }), [dispatch]);

  const openInputs = useCallback(
    async (result: OpenResult) => {
      if (result.files.length === 0) return openFiles(worker, sink, result);
      setOpening(true);
      try {
        await openFiles(worker, sink, result);
      } finally {
        setOpening(false);
      }
    },
    [worker, sink],
  );

  const openWithPicker = useCallback(async () => {
    try {
      await openInputs(await platform.openFiles());
    } catch (error) {
      services.notify((error as Error).message, 'error');
    }
  }, [platform, openInputs, services]);

  const addServerOutput = useCallback(
    async (text: string) => {
      // What a server printed (Get-ExchangeCertificate, Get-AuthConfig, …) goes to the estate;
      // the core decides (detectServerOutput) in the worker.
      const added = await worker.estateAddText('Pasted text', text).catch(() => false);
      if (added) {
        sink.estateChanged();
        dispatch({ type: 'view', view: 'estate' });
      }
      return added;
    },
    [worker, sink, dispatch],
  );

  const openText = useCallback(
    async (text: string) => {
      // Anything that is not server output opens as PEM / Base64.
      if (!(await addServerOutput(text))) void openInputs(pastedTextFile(text));
    },
    [addServerOutput, openInputs],
  );

  // Files the desktop hands over (Open with, the recent list, a second launch).
  useEffect(() => platform.onFilesOpened((result) => void openInputs(result)), [platform, openInputs]);

  return { opening, estateRevision, openInputs, openWithPicker, openText, addServerOutput };
}
