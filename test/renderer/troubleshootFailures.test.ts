// The Troubleshoot view's calls: an estate that cannot be read is the view's error sentence,
// not a ranking that silently left the servers out; a readable estate's audit reaches the search.
import { describe, expect, it } from 'vitest';
import { loadTroubleshoot } from '../../renderer/views/loadTroubleshoot.js';
import type { EstateState } from '../../renderer/worker/estateApi.js';
import type { WhyResult } from '../../shared/troubleshoot/why.js';
import type { TroubleshootAsk } from '../../renderer/views/loadTroubleshoot.js';

const ASK: TroubleshootAsk = { text: 'Event 1344', docIds: ['a'], role: 'auto', environment: {}, atIso: '2026-03-01T00:00:00Z', trustedDocIds: [] };
const RESULT = { query: 'Event 1344', causes: [] } as unknown as WhyResult;

describe('the Troubleshoot view asks for the estate, then the search', () => {
  it('fails with the cause when the estate cannot be read', async () => {
    const worker = { estateState: () => Promise.reject(new Error('The worker stopped.')), troubleshoot: () => Promise.resolve(RESULT) };
    await expect(loadTroubleshoot(worker, ASK)).rejects.toThrow('The worker stopped.');
  });

  it('hands the estate audit to the search', async () => {
    const audit = { findings: [] } as unknown as EstateState['audit'];
    const asked: unknown[] = [];
    const worker = {
      estateState: () => Promise.resolve({ audit } as EstateState),
      troubleshoot: (...args: unknown[]) => (asked.push(args[5]), Promise.resolve(RESULT)),
    };
    expect(await loadTroubleshoot(worker as never, ASK)).toBe(RESULT);
    expect(asked).toEqual([audit]);
  });
});
