// What the Troubleshoot view asks the worker for: the estate (its audit ranks the causes the
// servers show), then the symptom search. As in loadPlan.ts, a rejected estate call is a real
// failure and becomes the view's error sentence, never a search that quietly left the estate out.
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { WhyResult } from '../../shared/troubleshoot/why.js';
import type { WorkerApi } from '../worker/api.js';
import { openEstate } from './openEstate.js';

export interface TroubleshootAsk {
  text: string;
  docIds: string[];
  role: RoleChoice;
  environment: Environment;
  atIso: string;
  trustedDocIds: readonly string[];
}

export async function loadTroubleshoot(worker: Pick<WorkerApi, 'estateState' | 'troubleshoot'>, ask: TroubleshootAsk): Promise<WhyResult> {
  const { text, docIds, role, environment, atIso, trustedDocIds } = ask;
  const estate = await openEstate(worker, ask);
  return worker.troubleshoot(text, docIds, role, environment, atIso, estate.audit, trustedDocIds);
}
