// A batch of files split between a side reader (estate snapshots and server output, CRLs) and
// the certificate decoder: the files the side reader takes are answered by it, the rest go to
// the decoder in one call, and the answers come back in file order.
import type { OpenOutcome } from './protocol.js';
import type { BatchFile } from './service.js';

export async function routeBatch(
  files: readonly BatchFile[],
  /** The side reader's answer for a file it takes, or null to pass the file on. */
  takeOne: (file: BatchFile) => OpenOutcome | null,
  openRest: (files: BatchFile[]) => Promise<OpenOutcome[]>,
): Promise<OpenOutcome[]> {
  const outcomes: (OpenOutcome | undefined)[] = new Array(files.length);
  const rest: BatchFile[] = [];
  const restAt: number[] = [];
  files.forEach((file, i) => {
    const taken = takeOne(file);
    if (taken) outcomes[i] = taken;
    else {
      rest.push(file);
      restAt.push(i);
    }
  });
  if (rest.length > 0) {
    const opened = await openRest(rest);
    restAt.forEach((at, k) => (outcomes[at] = opened[k]));
  }
  return outcomes.map((o, i) => o ?? { status: 'failed', code: 'unreadable', message: `${files[i]!.fileName} could not be opened: no answer from the decoder.` });
}
