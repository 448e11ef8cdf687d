// The CLI hashes thumbprints with Node's one-shot crypto.hash; it must give exactly what the
// core's portable JavaScript SHA gives (the browser's engine), for every length.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestSync } from '../../shared/crypto/digestEngine.js';
import { hashSync } from '../../shared/crypto/sha.js';
import '../../cli/nodeDigest.js';

describe('the Node digest engine', () => {
  it('is installed and equals the JavaScript SHA-1 and SHA-256', () => {
    for (const length of [0, 1, 55, 56, 64, 823, 4096]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 255);
      for (const hash of ['SHA-1', 'SHA-256'] as const) {
        const got = digestSync(hash, data);
        expect(Buffer.from(got).toString('hex'), `${hash} of ${length} bytes`).toBe(Buffer.from(hashSync(hash, data)).toString('hex'));
        expect(Buffer.from(got).toString('hex')).toBe(createHash(hash === 'SHA-1' ? 'sha1' : 'sha256').update(data).digest('hex'));
      }
    }
  });

  it('hashes a view into a larger buffer, not the whole buffer', () => {
    const whole = Uint8Array.from({ length: 100 }, (_, i) => i);
    const view = whole.subarray(10, 30);
    expect(Buffer.from(digestSync('SHA-256', view)).toString('hex')).toBe(createHash('sha256').update(whole.slice(10, 30)).digest('hex'));
  });
});
