// Opening files: the bytes of each batch are read (web) or copied (desktop), the worker decodes
// them, and each decoded batch becomes one set of workbench updates. No React here: the hook
// (useOpenFiles.ts) owns the state; this module owns the order of events.
//
// A new kind of document is one more case in `sortOutcome` (and, if it needs its own place in
// the workbench, one more field in `BatchReply` applied in `applyReply`).
import type { Dispatch } from 'react';
import type { InputFile, OpenResult } from '../platform/platform.js';
import { chosenFileReader, type ChosenFile, type ChosenFileReader, type ReadOutcome } from '../platform/readChosenFiles.js';
import type { OpenedFile, PasswordPrompt, WorkbenchAction } from '../state/workbench.js';
import type { WorkerClient } from '../worker/client.js';
import type { OpenOutcome } from '../worker/protocol.js';
import { formatCount } from './formatCount.js';

/** Files per worker round trip: two small batches first (the list appears at once), then larger ones. */
const FIRST_BATCH = 50;
const BATCH = 500;

/** What one decoded batch brings to the workbench. */
export interface BatchReply {
  opened: OpenedFile[];
  failed: { fileName: string; message: string }[];
  prompts: PasswordPrompt[];
  /** Snapshots and server output: they joined the estate in the worker. */
  estate: string[];
}

/** What the pipeline changes besides the workbench reducer. */
export interface OpenSink {
  dispatch: Dispatch<WorkbenchAction>;
  /** Files or text joined the estate: the Estate view asks the worker again. */
  estateChanged(): void;
}

/** Splits the files into batches: two small ones first, then larger ones. */
export function planBatches(files: readonly InputFile[]): InputFile[][] {
  const batches: InputFile[][] = [];
  for (let i = 0; i < files.length; ) {
    // The first two batches are small: the list appears at once, and the reader times one way of reading on each.
    const size = batches.length < 2 ? FIRST_BATCH : BATCH;
    batches.push(files.slice(i, i + size));
    i += size;
  }
  return batches;
}

/** The bytes of one batch of files: read (web) or copied (desktop); a sentence for a file that cannot be read. */
async function readBatch(reader: ChosenFileReader, batch: readonly InputFile[]): Promise<ReadOutcome[]> {
  const chosen: ChosenFile[] = [];
  for (const file of batch) if (file.blob) chosen.push({ name: file.name, blob: file.blob });
  const read = chosen.length > 0 ? await reader.read(chosen) : [];
  let next = 0;
  // Desktop bytes are copied before they move into the worker (the platform may hold a view of a larger buffer).
  return batch.map((file) => (file.bytes ? file.bytes.slice() : read[next++]!));
}

/** Files the worker's answer for `file` into the reply. */
function sortOutcome(reply: BatchReply, file: InputFile, outcome: OpenOutcome | undefined): void {
  if (!outcome) {
    reply.failed.push({ fileName: file.name, message: `${file.name} could not be opened: no answer from the decoder.` });
    return;
  }
  switch (outcome.status) {
    case 'opened':
      reply.opened.push({ docId: outcome.docId, fileName: file.name, summary: outcome.summary, ...(file.path ? { path: file.path } : {}) });
      break;
    case 'estate':
      reply.estate.push(file.name);
      break;
    case 'needs-password':
      reply.prompts.push({ pendingId: outcome.pendingId, fileName: outcome.fileName, wrongPassword: outcome.wrongPassword, message: outcome.message });
      break;
    case 'failed':
      reply.failed.push({ fileName: file.name, message: outcome.message });
      break;
  }
}

/** Has the worker decode one batch of files; never rejects. */
async function decodeBatch(worker: WorkerClient, batch: readonly InputFile[], read: readonly ReadOutcome[]): Promise<BatchReply> {
  const reply: BatchReply = { opened: [], failed: [], prompts: [], estate: [] };
  const readable: { file: InputFile; bytes: Uint8Array }[] = [];
  read.forEach((bytes, i) => {
    const file = batch[i]!;
    if (bytes instanceof Uint8Array) readable.push({ file, bytes });
    else reply.failed.push({ fileName: file.name, message: bytes.message });
  });
  if (readable.length === 0) return reply;
  let outcomes: OpenOutcome[];
  try {
    outcomes = await worker.openBatch(readable.map(({ file, bytes }) => ({ fileName: file.name, bytes })));
  } catch (error) {
    for (const { file } of readable) reply.failed.push({ fileName: file.name, message: `${file.name} could not be opened: ${(error as Error).message}` });
    return reply;
  }
  readable.forEach(({ file }, i) => sortOutcome(reply, file, outcomes[i]));
  return reply;
}

/** One decoded batch into the workbench. `index` is the batch's place, `single` whether one file was opened. */
function applyReply(sink: OpenSink, reply: BatchReply, index: number, single: boolean): void {
  const { dispatch } = sink;
  for (const prompt of reply.prompts) dispatch({ type: 'prompt', prompt });
  // One file: it is shown. A folder: its first file is shown and stays so while the rest arrive.
  dispatch({ type: 'opened-batch', files: reply.opened, select: single ? 'last' : index === 0 ? 'first' : 'keep' });
  dispatch({ type: 'failed-batch', failures: reply.failed });
  if (reply.estate.length > 0) {
    sink.estateChanged();
    dispatch({ type: 'view', view: 'estate' });
  }
}

/**
 * Opens what the platform handed over. Many files per round trip, in a pipeline: while the
 * worker decodes one batch, the next ones are being read (the reader spaces the reads one task
 * apart, so the list renders and worker replies land in between); each decoded batch is one
 * state update, so the list grows as it goes. Batches go to the worker in order.
 * Resolves when the last batch is in; never rejects for a file's sake.
 */
export async function openFiles(worker: WorkerClient, sink: OpenSink, result: OpenResult): Promise<void> {
  const { dispatch } = sink;
  if (result.failures.length > 0) dispatch({ type: 'failed-batch', failures: result.failures.map((f) => ({ fileName: f.name, message: f.message })) });
  const files = result.files;
  const total = files.length;
  if (total === 0) return;
  dispatch({ type: 'busy', text: total > 1 ? `Opening 0 of ${formatCount(total)}…` : `Opening ${files[0]!.name}…` });
  const batches = planBatches(files);
  const reader = chosenFileReader();
  const reads = batches.map((batch) => readBatch(reader, batch));
  let posted: Promise<unknown> = Promise.resolve();
  const replies = batches.map((batch, b) => {
    const read = reads[b]!;
    // decodeBatch posts to the worker before its first await, and a promise's reactions
    // run in order, so batch b is posted before batch b + 1 can be. The first batch also
    // waits for the second one's read: the reader times one way on each, and the first rows'
    // render and the first file's inspector must not run during the second timing and make
    // that way look slower (on the 2-core VM one opening timed a 50-file read as one at 536 ms,
    // 30–80 ms otherwise, and then read all 5,000 files one by one: 5× slower).
    const ready = Promise.all([read, posted, b === 0 ? reads[1] : undefined]);
    posted = ready;
    return ready.then(([bytes]) => decodeBatch(worker, batch, bytes));
  });
  let done = 0;
  try {
    for (let b = 0; b < batches.length; b++) {
      applyReply(sink, await replies[b]!, b, total === 1);
      done += batches[b]!.length;
      if (total > 1 && done < total) dispatch({ type: 'busy', text: `Opening ${formatCount(done)} of ${formatCount(total)}…` });
    }
  } finally {
    dispatch({ type: 'busy', text: null });
  }
}

/** A paste or a drop of text that looks like a certificate, request or key (PEM or long Base64). */
export function looksLikeCertificateText(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text) || /^[A-Za-z0-9+/=\s]{200,}$/.test(text.trim());
}

/** Pasted text as a file to open: `.req` for a request, `.pem` for anything else. */
export function pastedTextFile(text: string): OpenResult {
  const name = /BEGIN [A-Z ]*REQUEST/.test(text) ? 'pasted.req' : 'pasted.pem';
  return { files: [{ name, bytes: new TextEncoder().encode(text) }], failures: [] };
}
