// What the Plan view asks the worker for: the estate (for its bound certificates), then the
// plan of the open certificates and the estate's. A failure of either is the view's error
// sentence: the estate's state reports a bad snapshot inside its answer and leaves closed
// files out by itself, so a rejected call is a real failure, never one to pass over.
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { WorkerApi } from '../worker/api.js';
import { openEstate } from './openEstate.js';
import type { PlanReply } from '../worker/renewalWorker.js';

export interface PlanAsk {
  docIds: string[];
  role: RoleChoice;
  environment: Environment;
  atIso: string;
  trustedDocIds: readonly string[];
}

export async function loadPlan(worker: Pick<WorkerApi, 'estateState' | 'renewalPlan'>, ask: PlanAsk): Promise<PlanReply> {
  const { docIds, role, environment, atIso, trustedDocIds } = ask;
  const estate = await openEstate(worker, ask);
  return worker.renewalPlan(docIds, role, environment, atIso, estate.snapshot, [...trustedDocIds]);
}
