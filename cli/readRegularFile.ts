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
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size + 1, 4096)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) return 'too-large';
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer.fill(0);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return 'too-large';
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch {
    return 'unreadable';
  } finally {
    closeSync(fd);
  }
}
