// PFX passwords for a batch: the files that need one wait in a queue and are asked for one at a
// time ("2 of 5"); a password may be tried on every remaining file at once, and those it does
// not open stay in the queue saying so. A long decryption can be stopped: the worker ends it
// and the file waits for its password again. A cancelled file is not dropped in silence: it is listed
// with the files that did not open ("not opened (no password)"), and reports name it as left out.
import { useCallback, useRef, useState, type Dispatch } from 'react';
import type { PasswordPrompt, WorkbenchAction } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';

/** The sentence a cancelled file is listed with. */
export const noPasswordMessage = (fileName: string) => `${fileName}: not opened (no password).`;

export interface PasswordQueue {
  prompt: PasswordPrompt | null;
  /** Which prompt this is in the current run of prompts, and how many there are. */
  position: { index: number; total: number };
  busy: boolean;
  submit(password: string, forRemaining: boolean): Promise<void>;
  cancel(): void;
  /** Stop the decryption running now (and the files after it in a "for the rest" run). */
  stop(): void;
}

export function usePasswordQueue(prompts: readonly PasswordPrompt[], worker: WorkerClient, dispatch: Dispatch<WorkbenchAction>): PasswordQueue {
  const [busy, setBusy] = useState(false);
  // The file being decrypted now, and whether the user asked to stop.
  const running = useRef<{ pendingId: string; stopped: boolean } | null>(null);
  // Prompts answered (opened or cancelled) since the queue was last empty: "n of m".
  const answered = useRef(0);
  if (prompts.length === 0) answered.current = 0;
  const prompt = prompts[0] ?? null;

  /** Tries one password on one prompt; true when the file opened. */
  const tryOne = useCallback(
    async (p: PasswordPrompt, password: string): Promise<boolean> => {
      const outcome = await worker.unlock(p.pendingId, password);
      if (outcome.status === 'opened') {
        answered.current += 1;
        dispatch({ type: 'prompt-done', pendingId: p.pendingId });
        dispatch({ type: 'opened', docId: outcome.docId, fileName: p.fileName, summary: outcome.summary });
        return true;
      }
      if (outcome.status === 'needs-password') {
        dispatch({ type: 'prompt', prompt: { pendingId: outcome.pendingId, fileName: outcome.fileName, wrongPassword: outcome.wrongPassword, message: outcome.message } });
        return false;
      }
      answered.current += 1;
      dispatch({ type: 'prompt-done', pendingId: p.pendingId });
      dispatch({ type: 'failed', fileName: p.fileName, message: outcome.status === 'failed' ? outcome.message : `${p.fileName} could not be opened.` });
      return false;
    },
    [worker, dispatch],
  );

  const submit = useCallback(
    async (password: string, forRemaining: boolean) => {
      if (!prompt) return;
      const targets = forRemaining ? [...prompts] : [prompt];
      setBusy(true);
      try {
        for (const [i, p] of targets.entries()) {
          if (running.current?.stopped) break;
          running.current = { pendingId: p.pendingId, stopped: false };
          dispatch({ type: 'busy', text: targets.length > 1 ? `Opening ${i + 1} of ${targets.length}: ${p.fileName}…` : `Opening ${p.fileName}…` });
          await tryOne(p, password);
        }
      } finally {
        running.current = null;
        setBusy(false);
        dispatch({ type: 'busy', text: null });
      }
    },
    [prompt, prompts, tryOne, dispatch],
  );

  const cancel = useCallback(() => {
    if (!prompt) return;
    answered.current += 1;
    void worker.forget(prompt.pendingId);
    dispatch({ type: 'prompt-done', pendingId: prompt.pendingId });
    dispatch({ type: 'failed', fileName: prompt.fileName, message: noPasswordMessage(prompt.fileName) });
  }, [prompt, worker, dispatch]);

  const stop = useCallback(() => {
    if (!running.current) return;
    running.current.stopped = true;
    void worker.stopUnlock(running.current.pendingId);
  }, [worker]);

  return { prompt, position: { index: answered.current + 1, total: answered.current + prompts.length }, busy, submit, cancel, stop };
}
