import { describe, expect, it } from 'vitest';
import { decodeLatin1 } from '../../shared/encoding/text.js';

describe('decodeLatin1', () => {
  it('maps every byte to the code point of the same value, 0x80–0x9F included (not windows-1252)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeLatin1(all)).toBe(Buffer.from(all).toString('latin1'));
    expect(decodeLatin1(new Uint8Array([0x41, 0x80, 0x9f]))).toBe('A\u0080\u009f');
  });

  it('reads ASCII and high Latin-1 text longer than one chunk', () => {
    const bytes = Uint8Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? 0xe9 : 0x41 + (i % 26)));
    expect(decodeLatin1(bytes)).toBe(Buffer.from(bytes).toString('latin1'));
    bytes[40_000] = 0x85;
    expect(decodeLatin1(bytes)).toBe(Buffer.from(bytes).toString('latin1'));
  });
});
