// How the web edition reads chosen files: as one Blob per batch (views into one buffer, the cap
// checked on sizes before anything is read, a failed or short read falling back to one by one
// so the file at fault is named), one by one, and the reader that times both ways on the first
// two batches and reads the rest the faster way. Node's Blob stands in for the browser's File.
import { describe, expect, it } from 'vitest';
import { chosenFileReader, readAsOne, readOneByOne, type ChosenFile, type ReadOutcome } from '../../renderer/platform/readChosenFiles.js';
import { MAX_FILE_BYTES } from '../../shared/x509/limits.js';

const text = (s: string) => new TextEncoder().encode(s);
const file = (name: string, content: string | Uint8Array<ArrayBuffer>): ChosenFile => ({ name, blob: new Blob([typeof content === 'string' ? text(content) : content]) });
const bytesOf = (outcomes: ReadOutcome[]) => outcomes.map((o) => (o instanceof Uint8Array ? new TextDecoder().decode(o) : o));

/** A Blob that counts how often its size is asked (a read as one asks it; a read one by one does not). */
class CountingBlob extends Blob {
  sizeAsked = 0;
  override get size(): number {
    this.sizeAsked++;
    return super.size;
  }
}

/** A file that is gone by the time it is read: its size is what it was when chosen, its read fails. */
class VanishedBlob extends Blob {
  constructor(private readonly claimed: number) {
    super([]);
  }
  override get size(): number {
    return this.claimed;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
  }
}

/** A file whose size is over the cap and which must never be read. */
class HugeBlob extends Blob {
  read = false;
  override get size(): number {
    return MAX_FILE_BYTES + 1;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.read = true;
    return Promise.reject(new Error('read a file over the cap'));
  }
}

describe('readAsOne', () => {
  it('returns every file in order as views into one buffer, empty files included', async () => {
    const files = [file('a.cer', 'first'), file('empty.cer', ''), file('b.pem', 'second file'), file('c.der', Uint8Array.of(0x30, 0x00))];
    const out = await readAsOne(files);
    expect(bytesOf(out)).toEqual(['first', '', 'second file', '0\u0000']);
    const buffers = new Set(out.filter((o) => o instanceof Uint8Array && o.length > 0).map((o) => (o as Uint8Array).buffer));
    // One buffer: the batch is one transfer into the worker.
    expect(buffers.size).toBe(1);
  });

  it('refuses a file over 32 MiB by its size, without reading it, and still reads the others', async () => {
    const huge = new HugeBlob([]);
    const out = await readAsOne([file('a.cer', 'ok'), { name: 'disk.iso', blob: huge }, file('b.cer', 'fine')]);
    expect(huge.read).toBe(false);
    expect(bytesOf(out)).toEqual(['ok', { message: 'disk.iso is larger than 32 MiB; open the certificate file itself, not an archive or disk image.' }, 'fine']);
  });

  it('names the one file that could not be read when the batch read comes out short', async () => {
    const out = await readAsOne([file('a.cer', 'ok'), { name: 'moved.cer', blob: new VanishedBlob(812) }, file('b.cer', 'fine')]);
    expect(bytesOf(out)).toEqual(['ok', { message: 'moved.cer could not be read: it was moved, deleted or changed after it was chosen. Open it again.' }, 'fine']);
  });

  it('tells a file deleted since it was chosen (Chromium then says its size is 0) from an empty one', async () => {
    const out = await readAsOne([file('a.cer', 'ok'), { name: 'deleted.cer', blob: new VanishedBlob(0) }, file('empty.cer', ''), file('b.cer', 'fine')]);
    expect(bytesOf(out)).toEqual(['ok', { message: 'deleted.cer could not be read: it was moved, deleted or changed after it was chosen. Open it again.' }, '', 'fine']);
  });

  it('answers a batch of only refused files without reading anything', async () => {
    const huge = new HugeBlob([]);
    expect(await readAsOne([{ name: 'disk.iso', blob: huge }])).toEqual([{ message: expect.stringContaining('disk.iso is larger than 32 MiB') }]);
    expect(huge.read).toBe(false);
  });
});

describe('readOneByOne', () => {
  it('reads each file on its own, never asking a size, and checks the cap on the bytes read', async () => {
    const counted = new CountingBlob([text('counted')]);
    const big = new Blob([new Uint8Array(MAX_FILE_BYTES + 1)]);
    const out = await readOneByOne([{ name: 'c.cer', blob: counted }, { name: 'big.cer', blob: big }, { name: 'gone.cer', blob: new VanishedBlob(5) }]);
    expect(counted.sizeAsked).toBe(0);
    expect(bytesOf(out)).toEqual([
      'counted',
      { message: 'big.cer is larger than 32 MiB; open the certificate file itself, not an archive or disk image.' },
      { message: 'gone.cer could not be read: it was moved, deleted or changed after it was chosen. Open it again.' },
    ]);
  });
});

/** A clock that answers the given readings in turn (two per timed batch: its start and its end). */
function scriptedClock(readings: number[]): () => number {
  let i = 0;
  return () => readings[Math.min(i++, readings.length - 1)]!;
}

const batch = (prefix: string, n: number): { files: ChosenFile[]; blobs: CountingBlob[] } => {
  const blobs = Array.from({ length: n }, (_, i) => new CountingBlob([text(`${prefix}${i}`)]));
  return { files: blobs.map((blob, i) => ({ name: `${prefix}${i}.cer`, blob })), blobs };
};

const asked = (blobs: CountingBlob[]) => blobs.some((b) => b.sizeAsked > 0);

describe('chosenFileReader', () => {
  it('times one by one on the first batch and as one on the second, then reads the rest as one when that was faster', async () => {
    // First batch: 100 ms for 10 files (10 ms each); second: 10 ms for 10 files (1 ms each).
    const reader = chosenFileReader({ now: scriptedClock([0, 100, 100, 110]), minProbe: 10 });
    const [b1, b2, b3] = [batch('a', 10), batch('b', 10), batch('c', 10)];
    const outs = await Promise.all([reader.read(b1.files), reader.read(b2.files), reader.read(b3.files)]);
    expect(outs.map(bytesOf)).toEqual([b1, b2, b3].map((b, k) => b.files.map((_, i) => `${'abc'[k]}${i}`)));
    expect(reader.method).toBe('as-one');
    expect(asked(b1.blobs)).toBe(false);
    expect(asked(b2.blobs)).toBe(true);
    expect(asked(b3.blobs)).toBe(true);
  });

  it('keeps reading one by one when that was faster', async () => {
    // First batch: 10 ms for 10 files; second: 50 ms for 10 files.
    const reader = chosenFileReader({ now: scriptedClock([0, 10, 10, 60]), minProbe: 10 });
    const [b1, b2, b3] = [batch('a', 10), batch('b', 10), batch('c', 10)];
    await Promise.all([reader.read(b1.files), reader.read(b2.files), reader.read(b3.files)]);
    expect(reader.method).toBe('one-by-one');
    expect(asked(b2.blobs)).toBe(true);
    expect(asked(b3.blobs)).toBe(false);
  });

  it('stays with as one when one by one was only a little faster (a busy moment can do that)', async () => {
    // First batch: 40 ms for 10 files; second: 50 ms for 10 files — one by one 20 % faster, not clearly.
    const reader = chosenFileReader({ now: scriptedClock([0, 40, 40, 90]), minProbe: 10 });
    const [b1, b2, b3] = [batch('a', 10), batch('b', 10), batch('c', 10)];
    await Promise.all([reader.read(b1.files), reader.read(b2.files), reader.read(b3.files)]);
    expect(reader.method).toBe('as-one');
    expect(asked(b3.blobs)).toBe(true);
  });

  it('times each probe alone: the second waits for the first to finish', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    class HeldBlob extends Blob {
      override async arrayBuffer(): Promise<ArrayBuffer> {
        await held;
        return super.arrayBuffer();
      }
    }
    const first: ChosenFile[] = Array.from({ length: 10 }, (_, i) => ({ name: `h${i}.cer`, blob: new HeldBlob([text(`h${i}`)]) }));
    const second = batch('b', 10);
    const reader = chosenFileReader({ minProbe: 10 });
    const reads = [reader.read(first), reader.read(second.files)];
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(asked(second.blobs)).toBe(false);
    release();
    const [a, b] = await Promise.all(reads);
    expect(bytesOf(a!)).toEqual(first.map((_, i) => `h${i}`));
    expect(bytesOf(b!)).toEqual(second.files.map((_, i) => `b${i}`));
    expect(asked(second.blobs)).toBe(true);
    expect(reader.method).not.toBeNull();
  });

  it('begins each read in a task of its own, never all in one burst', async () => {
    const order: string[] = [];
    const reader = chosenFileReader({
      minProbe: 1_000,
      yieldTask: () => {
        order.push('yield');
        return new Promise((r) => setTimeout(r, 0));
      },
    });
    const batches = [batch('a', 3), batch('b', 3), batch('c', 3)];
    const reads = batches.map((b, k) => reader.read(b.files).then((out) => (order.push(`read ${k}`), out)));
    await Promise.all(reads);
    // Each read after the first begins only after a yield.
    expect(order.filter((o) => o === 'yield').length).toBeGreaterThanOrEqual(2);
    expect(order.filter((o) => o.startsWith('read'))).toEqual(['read 0', 'read 1', 'read 2']);
  });

  it('reads a batch too small to time one by one and leaves the choice open', async () => {
    const reader = chosenFileReader({ minProbe: 50 });
    const small = batch('s', 3);
    expect(bytesOf(await reader.read(small.files))).toEqual(['s0', 's1', 's2']);
    expect(asked(small.blobs)).toBe(false);
    expect(reader.method).toBeNull();
  });
});
