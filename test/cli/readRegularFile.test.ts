// readRegularFile reads a regular file in one read when stat's size is right, and still reads
// everything when stat says 0 (/proc) or the file is bigger than a first buffer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../cli/readRegularFile.js';

let dir: string;
beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-read-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('gives exactly the bytes of files of many sizes, each in its own buffer', () => {
    for (const size of [1, 2, 1000, 4095, 4096, 4097, 100_000]) {
      const file = path.join(dir, `f${size}`);
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7 + size) & 255);
      fs.writeFileSync(file, bytes);
      const got = readRegularFile(file, 1 << 20);
      expect(got).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(got as Uint8Array).equals(Buffer.from(bytes)), `size ${size}`).toBe(true);
      // Its own memory: zeroing it (as the caller does) touches nothing else.
      expect((got as Uint8Array).byteOffset).toBe(0);
    }
  });

  it('reads all of a file whose size stat does not know (/proc), past a first 4 KiB', () => {
    const got = readRegularFile('/proc/self/maps', 1 << 22);
    expect(got).toBeInstanceOf(Uint8Array);
    const text = Buffer.from(got as Uint8Array).toString('latin1');
    expect(text.length).toBeGreaterThan(4096);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('refuses a file over the cap', () => {
    const file = path.join(dir, 'big');
    fs.writeFileSync(file, Buffer.alloc(2000, 1));
    expect(readRegularFile(file, 1999)).toBe('too-large');
    expect(readRegularFile(file, 2000)).toBeInstanceOf(Uint8Array);
  });
});
