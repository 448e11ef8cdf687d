// The estate as Plan and Troubleshoot see it: the open certificates' documents, the roots the
// environment and the session trust, at the view's moment. A rejected call is a real failure.
import type { Environment } from '../../shared/environment/types.js';
import type { WorkerApi } from '../worker/api.js';

export interface EstateAsk {
  docIds: string[];
  environment: Environment;
  atIso: string;
  trustedDocIds: readonly string[];
}

export function openEstate(worker: Pick<WorkerApi, 'estateState'>, { docIds, environment, atIso, trustedDocIds }: EstateAsk) {
  return worker.estateState({ atIso, openDocIds: docIds, trustedRoots: environment.trustedRoots ?? [], trustedDocIds: [...trustedDocIds] });
}
