// Reading a file the CLI was told to read (a certificate, an environment, a password file):
// regular files only, and never more bytes than the caller's cap.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadProblem = 'missing' | 'not-regular' | 'too-large' | 'unreadable';

/**
 * The bytes of a regular file of at most `maxBytes`, or what is wrong with it. Devices, pipes
 * and sockets are refused (a FIFO is opened non-blocking, so it cannot hang us, and /dev/zero
 * is never read); the cap is on the bytes actually read, not on what stat said (a file that
 * grows while read, or a /proc file that says 0, stops at the cap).
 */
export function readRegularFile(abs: string, maxBytes: number): Uint8Array | ReadProblem {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'ENXIO' ? 'not-regular' : 'unreadable';
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'not-regular';
    if (st.size > maxBytes) return 'too-large';
    // One buffer of the expected size (plus a byte to notice growth); grown only if the file grows.
    // A file whose size stat does not know (/proc says 0) starts at 4 KiB. Each buffer is its own
    // (not a slice of Node's shared pool), so the caller can zero it without touching anything else.
    let buffer = Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, st.size > 0 ? st.size + 1 : 4096));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) return 'too-large';
        const bigger = Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer.fill(0);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      // A short read that brings a regular file to the size stat gave is its end: no second
      // read just to be told 0 (one system call less per file, thousands of them in a folder).
      if (length === st.size && length < buffer.length) break;
    }
    if (length > maxBytes) return 'too-large';
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch {
    return 'unreadable';
  } finally {
    closeSync(fd);
  }
}
