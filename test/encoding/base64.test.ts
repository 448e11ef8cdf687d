// Base64 as every model writes it (the certificate's DER) and as PEM is read back.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, toPem } from '../../shared/encoding/base64.js';

describe('Base64', () => {
  it('writes what Node writes, for every length and remainder', () => {
    for (let len = 0; len < 300; len++) {
      const data = randomBytes(len);
      expect(toBase64(data)).toBe(data.toString('base64'));
      expect(Buffer.from(fromBase64(toBase64(data))!)).toEqual(data);
    }
  });
  it('handles a view into a larger buffer and every byte value', () => {
    const all = new Uint8Array(258).map((_, i) => i & 255);
    expect(toBase64(all.subarray(1, 257))).toBe(Buffer.from(all.subarray(1, 257)).toString('base64'));
  });
  it('wraps PEM at 64 columns', () => {
    const pem = toPem('CERTIFICATE', randomBytes(100));
    expect(pem.split('\n').slice(1, -2).every((line) => line.length <= 64)).toBe(true);
  });
});
