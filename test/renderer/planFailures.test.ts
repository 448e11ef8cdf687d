// The Plan view's calls: a file closed since the view asked is left out of the plan, any other
// failure (of a file's subjects or of the estate) reaches the view as its error sentence instead
// of an empty or estate-less plan that looks complete.
import { describe, expect, it } from 'vitest';
import { renewalApi } from '../../renderer/worker/renewalWorker.js';
import type { PlanReply } from '../../renderer/worker/renewalWorker.js';
import type { DecoderService } from '../../renderer/worker/service.js';
import { loadPlan } from '../../renderer/views/loadPlan.js';
import type { EstateState } from '../../renderer/worker/estateApi.js';

const AT = '2026-03-01T00:00:00Z';

/** A decoder with `open` files; `broken` ones fail as a decoder bug would. */
function decoder(open: string[], broken: string[] = []): DecoderService {
  return {
    openIds: () => [...open],
    async subjects(docId: string) {
      if (!open.includes(docId)) throw new Error('That file is no longer open.');
      if (broken.includes(docId)) throw new Error('The chain index could not be built.');
      return { file: `${docId}.cer`, subjects: [] };
    },
  } as unknown as DecoderService;
}

describe('renewal plan of the open files', () => {
  it('leaves out a file closed since the view asked', async () => {
    const reply = await renewalApi(decoder(['a'])).renewalPlan(['a', 'closed'], 'auto', {}, AT, null);
    expect(reply.plan.entries).toEqual([]);
  });

  it('fails with the cause when an open file cannot be planned', async () => {
    await expect(renewalApi(decoder(['a', 'b'], ['b'])).renewalPlan(['a', 'b'], 'auto', {}, AT, null)).rejects.toThrow('The chain index could not be built.');
  });
});

describe('the Plan view asks for the estate, then the plan', () => {
  const plan = { plan: { entries: [], notes: [] }, ics: null, csv: null } as unknown as PlanReply;

  it('fails with the cause when the estate cannot be read', async () => {
    const worker = {
      estateState: () => Promise.reject(new Error('The worker stopped.')),
      renewalPlan: () => Promise.resolve(plan),
    };
    await expect(loadPlan(worker, { docIds: ['a'], role: 'auto', environment: {}, atIso: AT, trustedDocIds: [] })).rejects.toThrow('The worker stopped.');
  });

  it('hands the estate snapshot to the plan', async () => {
    const snapshot = { format: 'certbench-snapshot' } as unknown as EstateState['snapshot'];
    const asked: unknown[] = [];
    const worker = {
      estateState: () => Promise.resolve({ snapshot } as EstateState),
      renewalPlan: (...args: unknown[]) => (asked.push(args[4]), Promise.resolve(plan)),
    };
    await loadPlan(worker as never, { docIds: ['a'], role: 'auto', environment: {}, atIso: AT, trustedDocIds: [] });
    expect(asked).toEqual([snapshot]);
  });
});
