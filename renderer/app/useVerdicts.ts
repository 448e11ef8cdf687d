// The list shows a verdict per file, computed in the worker in batches in the background, after
// the files have opened. The selected file's full check (useSelectedCheck.ts) adds its verdict too.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { OpenDocument } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';
import { checkKeyOf, checkTarget } from './checkKeys.js';

/** Documents per verdict call: small enough that the selected file's full check is never far behind. */
const VERDICT_BATCH = 100;

export type Verdicts = Record<string, Verdict | undefined>;

interface VerdictInputs {
  worker: WorkerClient;
  documents: readonly OpenDocument[];
  opening: boolean;
  role: RoleChoice;
  environment: Environment;
  /** Open files trusted for checks in this session (the workbench's trustedDocIds). */
  trustedDocIds: string[];
}

export function useVerdicts({ worker, documents, opening, role, environment, trustedDocIds }: VerdictInputs) {
  const [verdicts, setVerdicts] = useState<Verdicts>({});
  const checkKey = checkKeyOf(role, environment, trustedDocIds);
  /** Per role and environment: the certificate each document's verdict is for. */
  const verdictsDone = useRef<{ key: string; done: Map<string, number> }>({ key: '', done: new Map() });
  const checkKeyRef = useRef(checkKey);

  useEffect(() => {
    if (checkKeyRef.current === checkKey) return;
    // Another role or environment: the old verdicts no longer say anything.
    checkKeyRef.current = checkKey;
    setVerdicts({});
  }, [checkKey]);

  useEffect(() => {
    if (opening) return;
    if (verdictsDone.current.key !== checkKey) verdictsDone.current = { key: checkKey, done: new Map() };
    const done = verdictsDone.current.done;
    const todo = documents.flatMap((doc) => {
      const target = checkTarget(doc);
      return target === null || done.get(doc.docId) === target ? [] : [{ docId: doc.docId, certIndex: target }];
    });
    if (todo.length === 0) return;
    let cancelled = false;
    const at = new Date().toISOString();
    void (async () => {
      for (let i = 0; i < todo.length && !cancelled; i += VERDICT_BATCH) {
        const items = todo.slice(i, i + VERDICT_BATCH);
        let result: Record<string, Verdict>;
        try {
          result = await worker.verdicts(items, role, environment, at, trustedDocIds);
        } catch {
          return;
        }
        if (verdictsDone.current.key !== checkKey) return;
        for (const item of items) done.set(item.docId, item.certIndex);
        setVerdicts((v) => ({ ...v, ...result }));
      }
    })();
    return () => {
      cancelled = true;
    };
    // checkKey stands for role, environment and the files marked trusted
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documents, opening, checkKey, worker]);

  /** The verdict of a full check, for the list. */
  const setVerdict = useCallback((docId: string, verdict: Verdict) => setVerdicts((v) => (v[docId] === verdict ? v : { ...v, [docId]: verdict })), []);

  return { verdicts, setVerdict, checkKey };
}
