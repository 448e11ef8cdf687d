import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iterateSha2Wide } from '../../shared/crypto/sha512Iterate.js';

const PAIRS = [
  ['SHA-384', 'sha384'],
  ['SHA-512', 'sha512'],
] as const;

function nodeIterated(node: string, data: Uint8Array, count: number): string {
  let x = createHash(node).update(data).digest();
  for (let i = 1; i < count; i++) x = createHash(node).update(x).digest();
  return x.toString('hex');
}

describe('iterated SHA-384 / SHA-512 for the PKCS#12 KDF', () => {
  it.each([1, 2, 3, 777])('matches repeated node:crypto hashing, %i rounds', (count) => {
    for (const len of [0, 20, 111, 112, 128, 300]) {
      const data = randomBytes(len);
      for (const [ours, node] of PAIRS) {
        expect(Buffer.from(iterateSha2Wide(ours, data, count)).toString('hex')).toBe(nodeIterated(node, data, count));
      }
    }
  });

  it('treats a count of 0 as one round, like the SHA-1/256 loop', () => {
    const data = randomBytes(50);
    expect(Buffer.from(iterateSha2Wide('SHA-512', data, 0)).toString('hex')).toBe(nodeIterated('sha512', data, 1));
  });
});
