// Reading the files chosen in the web edition, batch by batch, the faster of two ways.
//
// - One by one: File.arrayBuffer() per file. Chromium opens a data pipe per read, and for a
//   File whose size it has not asked yet that pipe gets a 2 MiB shared-memory buffer. Where the
//   kernel makes that cheap this is fastest (measured: 5,000 files in 1.2–1.8 s); on a 2-core
//   Firecracker VM the same 5,000 reads took 6–12 s, nearly all of it allocating and freeing
//   those buffers.
// - As one: every file's size first (in Chromium a synchronous round trip to the browser, about
//   0.2 ms each), then one Blob of the whole batch, read through one pipe and cut apart by size.
//   On that VM: 5,000 files in about 2 s.
//
// Which is faster depends on the browser and the machine, so the reader measures both on the
// first two batches and reads the rest the faster way.
import { MAX_FILE_BYTES, tooLargeMessage } from '../../shared/files/accepted.js';

export interface ChosenFile {
  name: string;
  blob: Blob;
}

/** The bytes of one file, or the sentence that names it and says what to do. */
export type ReadOutcome = Uint8Array | { message: string };

export type ReadMethod = 'one-by-one' | 'as-one';

/** Sizes asked per task: 50–100 ms of synchronous round trips in Chromium on a 2-core machine, never more. */
const SIZES_PER_TASK = 250;

const tooLarge = (name: string) => ({ message: tooLargeMessage(name) });

/**
 * One by one is chosen only when its probe was clearly faster: the probes are 50 files each and a
 * busy moment can slow either, and the two mistakes do not cost the same — reading one by one
 * where as one is right was 4–5× slower on the 2-core VM, the other way round at most ~1.5×.
 */
const ONE_BY_ONE_MARGIN = 0.67;

/** One file on its own; also what names the file at fault when a batch cannot be read as one. */
async function readChosenFile(name: string, blob: Blob): Promise<ReadOutcome> {
  let buffer: ArrayBuffer;
  try {
    buffer = await blob.arrayBuffer();
  } catch {
    return { message: `${name} could not be read: it was moved, deleted or changed after it was chosen. Open it again.` };
  }
  if (buffer.byteLength > MAX_FILE_BYTES) return tooLarge(name);
  return new Uint8Array(buffer);
}

/** Each file with its own read. The size cap is checked on the bytes read: asking the size first would cost the round trip this way avoids. */
export function readOneByOne(files: readonly ChosenFile[]): Promise<ReadOutcome[]> {
  return Promise.all(files.map((file) => readChosenFile(file.name, file.blob)));
}

/**
 * The batch as one Blob. Files over the cap are refused by their size, without being read; the
 * rest (empty ones aside, see below) come back as views into the one buffer, so the batch moves
 * into the worker as a single transfer. A file that changed or vanished since it was chosen
 * makes the read fail or come out short: then the batch is read one by one, so the file at
 * fault gets its own sentence and the others still open.
 */
export async function readAsOne(files: readonly ChosenFile[], yieldTask: () => Promise<void> = nextTask): Promise<ReadOutcome[]> {
  // The sizes are asked SIZES_PER_TASK at a time, so a large batch never holds the window long.
  const sizes: number[] = [];
  for (let i = 0; i < files.length; i += SIZES_PER_TASK) {
    if (i > 0) await yieldTask();
    for (const file of files.slice(i, i + SIZES_PER_TASK)) sizes.push(file.blob.size);
  }
  // Chromium answers 0 for a file deleted since it was chosen, and a zero-length part reads
  // "fine": a file of size 0 is read on its own, which tells an empty file from a vanished one.
  const alone: (Promise<ReadOutcome> | undefined)[] = files.map((file, i) =>
    sizes[i]! > MAX_FILE_BYTES ? Promise.resolve(tooLarge(file.name)) : sizes[i] === 0 ? readChosenFile(file.name, file.blob) : undefined,
  );
  const wanted = files.filter((_, i) => alone[i] === undefined);
  const expected = sizes.reduce((sum, size, i) => (alone[i] ? sum : sum + size), 0);
  let buffer: ArrayBuffer | null = null;
  if (wanted.length > 0) {
    try {
      buffer = await new Blob(wanted.map((file) => file.blob)).arrayBuffer();
    } catch {
      /* one of them could not be read: read one by one below */
    }
    if (buffer === null || buffer.byteLength !== expected) {
      return Promise.all(files.map((file, i) => alone[i] ?? readChosenFile(file.name, file.blob)));
    }
  }
  let offset = 0;
  return Promise.all(
    files.map((_, i) => {
      if (alone[i]) return alone[i];
      const bytes = new Uint8Array(buffer!, offset, sizes[i]);
      offset += sizes[i]!;
      return bytes;
    }),
  );
}

export interface ChosenFileReader {
  /** Reads one batch; call it for every batch at once, in order: the reader spaces the reads out. */
  read(files: readonly ChosenFile[]): Promise<ReadOutcome[]>;
  /** The way chosen for the batches after the first two (null until both were timed). */
  readonly method: ReadMethod | null;
}

/** Resolves in a new task, so a render or a worker reply can run in between (no 4 ms timer clamp). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Reads the batches of one opening. The first batch is read one by one and the second as one,
 * each timed alone (the next read waits for it to finish); every batch after them is read the
 * way that cost less per file. Reads begin one task apart, never in one burst: a read as one
 * starts with a synchronous round trip per file, and thousands of them in a row would hold the
 * window (and the worker replies waiting for it) for a second or more. (Within a batch the sizes
 * are asked SIZES_PER_TASK at a time, so one batch's sizing may interleave with the next one's;
 * each read still answers for its own batch.) A batch smaller than `minProbe` files tells
 * nothing and is read one by one without being timed.
 */
export function chosenFileReader(options: { now?: () => number; minProbe?: number; yieldTask?: () => Promise<void> } = {}): ChosenFileReader {
  const now = options.now ?? (() => performance.now());
  const minProbe = options.minProbe ?? 50;
  const yieldTask = options.yieldTask ?? nextTask;
  const READERS: Record<ReadMethod, (files: readonly ChosenFile[]) => Promise<ReadOutcome[]>> = {
    'one-by-one': readOneByOne,
    'as-one': (files) => readAsOne(files, yieldTask),
  };
  const perFile: Partial<Record<ReadMethod, number>> = {};
  let method: ReadMethod | null = null;
  /** Settles when the next read may begin. */
  let turn: Promise<unknown> = Promise.resolve();

  const timed = async (way: ReadMethod, files: readonly ChosenFile[]) => {
    const start = now();
    const outcomes = await READERS[way](files);
    perFile[way] = (now() - start) / files.length;
    if (perFile['one-by-one'] !== undefined && perFile['as-one'] !== undefined) {
      method = perFile['one-by-one'] < perFile['as-one'] * ONE_BY_ONE_MARGIN ? 'one-by-one' : 'as-one';
    }
    return outcomes;
  };

  const begin = (files: readonly ChosenFile[]): { outcomes: Promise<ReadOutcome[]>; probe: boolean } => {
    if (method !== null) return { outcomes: READERS[method](files), probe: false };
    if (files.length < minProbe) return { outcomes: readOneByOne(files), probe: false };
    return { outcomes: timed(perFile['one-by-one'] === undefined ? 'one-by-one' : 'as-one', files), probe: true };
  };

  return {
    get method() {
      return method;
    },
    read(files) {
      // Wrapped, so `started` settles once the read has begun, not when its bytes are in.
      const started = turn.then(() => begin(files));
      turn = started.then(({ outcomes, probe }) => (probe ? outcomes.then(yieldTask, yieldTask) : yieldTask()));
      return started.then(({ outcomes }) => outcomes);
    },
  };
}
