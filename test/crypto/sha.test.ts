import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { hashSync } from '../../shared/crypto/sha.js';
import { iterateHash } from '../../shared/crypto/iterateHash.js';
// @ts-expect-error -- a plain ESM script without type declarations
import { OUTPUT, generate } from '../../scripts/gen-sha256-iterate.js';

const PAIRS = [
  ['SHA-1', 'sha1'],
  ['SHA-256', 'sha256'],
] as const;

describe('synchronous SHA used by the PKCS#12 KDF', () => {
  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 200, 1000, 70_000])('matches node:crypto for %i bytes', (len) => {
    const data = randomBytes(len);
    for (const [ours, node] of PAIRS) {
      expect(Buffer.from(hashSync(ours, data)).toString('hex')).toBe(createHash(node).update(data).digest('hex'));
    }
  });

  it('matches node:crypto on inputs that are views into a larger buffer', () => {
    const big = randomBytes(4096);
    for (let i = 0; i < 200; i++) {
      const start = (i * 37) % 1000;
      const view = big.subarray(start, start + ((i * 53) % 900));
      for (const [ours, node] of PAIRS) {
        expect(Buffer.from(hashSync(ours, view)).toString('hex')).toBe(createHash(node).update(view).digest('hex'));
      }
    }
  });
  it('iterates like repeated node:crypto hashing', () => {
    const data = randomBytes(100);
    for (const [ours, node] of PAIRS) {
      let x = createHash(node).update(data).digest();
      for (let i = 1; i < 777; i++) x = createHash(node).update(x).digest();
      expect(Buffer.from(iterateHash(ours, data, 777)).toString('hex')).toBe(x.toString('hex'));
    }
  });

  it.each([1, 2, 3, 16, 65, 1000, 20_001])('iterates SHA-256 %i times like node:crypto, for any starting bytes', (count) => {
    for (const len of [0, 32, 64, 100]) {
      const data = randomBytes(len);
      let x = createHash('sha256').update(data).digest();
      for (let i = 1; i < count; i++) x = createHash('sha256').update(x).digest();
      expect(Buffer.from(iterateHash('SHA-256', data, count)).toString('hex')).toBe(x.toString('hex'));
    }
  });

  it('the generated SHA-256 loop is what its generator writes today', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generate());
  });
});
