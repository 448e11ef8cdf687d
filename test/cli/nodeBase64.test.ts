// The CLI encodes Base64 with Node's Buffer; it must give exactly what the core's portable
// JavaScript encoder gives (the browser's), for every length and for a view into a larger buffer.
import { describe, expect, it } from 'vitest';
import { toBase64, toBase64Portable } from '../../shared/encoding/base64.js';
import '../../cli/nodeBase64.js';

describe('the Node Base64 encoder', () => {
  it('equals the JavaScript encoder for every length 0…70 and a certificate-sized input', () => {
    for (const length of [...Array.from({ length: 71 }, (_, i) => i), 823, 4096]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 151 + length * 7) & 255);
      expect(toBase64(data), `${length} bytes`).toBe(toBase64Portable(data));
    }
  });

  it('encodes a view into a larger buffer, not the whole buffer', () => {
    const whole = Uint8Array.from({ length: 100 }, (_, i) => i);
    const view = whole.subarray(10, 31);
    expect(toBase64(view)).toBe(toBase64Portable(whole.slice(10, 31)));
    expect(toBase64(view)).toBe('CgsMDQ4PEBESExQVFhcYGRobHB0e');
  });
});
