// The selected file's full check (verdict and findings), from the worker; the last few are
// kept so arrowing back to a file shows its findings at once.
import { useEffect, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { EvaluationState } from '../components/FindingsPanel.js';
import { createLru } from '../lib/lru.js';
import type { OpenDocument } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';
import { checkTarget } from './checkKeys.js';

/** Full evaluations kept for documents selected before. */
const EVALUATION_CACHE = 64;

interface SelectedCheckInputs {
  worker: WorkerClient;
  selected: OpenDocument | null;
  role: RoleChoice;
  environment: Environment;
  /** Open files trusted for checks in this session. */
  trustedDocIds: string[];
  /** checkKeyOf(role, environment, trustedDocIds). */
  checkKey: string;
  /** openFilesKey(…): the other open files count too. */
  openFiles: string;
  onVerdict(docId: string, verdict: Verdict): void;
}

export function useSelectedCheck({ worker, selected, role, environment, trustedDocIds, checkKey, openFiles, onVerdict }: SelectedCheckInputs): EvaluationState {
  const [selectedCheck, setSelectedCheck] = useState<{ key: string; evaluation: EvaluationState } | null>(null);
  const [cache] = useState(() => createLru<string, EvaluationState>(EVALUATION_CACHE));
  const selectedTarget = selected ? checkTarget(selected) : null;
  const selectedKey = selected && selectedTarget !== null ? `${selected.docId}\n${selectedTarget}\n${openFiles}\n${checkKey}` : null;

  useEffect(() => {
    if (!selected || selectedTarget === null || !selectedKey) return;
    const cached = cache.get(selectedKey);
    if (cached) {
      setSelectedCheck({ key: selectedKey, evaluation: cached });
      return;
    }
    let cancelled = false;
    const docId = selected.docId;
    worker.evaluate(docId, selectedTarget, role, environment, new Date().toISOString(), trustedDocIds).then(
      (checked) => {
        const evaluation: EvaluationState = { state: 'done', result: checked.evaluation, trust: checked.trust };
        cache.set(selectedKey, evaluation);
        if (cancelled) return;
        setSelectedCheck({ key: selectedKey, evaluation });
        onVerdict(docId, checked.evaluation.verdict);
      },
      (error: Error) => !cancelled && setSelectedCheck({ key: selectedKey, evaluation: { state: 'error', message: error.message } }),
    );
    return () => {
      cancelled = true;
    };
    // selectedKey stands for the document, its certificate, role, environment and trusted files
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey, worker]);

  if (!selected || selectedTarget === null) return { state: 'none' };
  return selectedCheck?.key === selectedKey ? selectedCheck.evaluation : { state: 'running' };
}
