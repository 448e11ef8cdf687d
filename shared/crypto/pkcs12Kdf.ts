// The PKCS#12 key-derivation function (RFC 7292 appendix B.2): the MAC key of every PFX,
// and the key and IV of the legacy PBES1 ciphers (3DES, RC2). Not PBKDF2 — an iterated hash,
// with no native primitive anywhere, so it runs synchronously in JavaScript: the hand-tuned
// SHA-1/256 loop (sha.ts) and the SHA-384/512 loop (sha512Iterate.ts). It never awaits per
// round: one WebCrypto digest call per round made 2.4 M SHA-512 rounds take two minutes.
import { bmpPassword } from '../encoding/text.js';
import type { HashName } from './webcrypto.js';
import { iterateHash } from './iterateHash.js';
import { iterateSha2Wide } from './sha512Iterate.js';

export const KDF_ID = { key: 1, iv: 2, mac: 3 } as const;

const BLOCK: Record<HashName, number> = { 'SHA-1': 64, 'SHA-256': 64, 'SHA-384': 128, 'SHA-512': 128 };
const OUT: Record<HashName, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/**
 * Derive `length` bytes. `password` is the BMPString form (see bmpPassword); pass an empty
 * array for the "no password" form some Windows exports use.
 */
export function pkcs12Kdf(hash: HashName, password: Uint8Array, salt: Uint8Array, id: number, iterations: number, length: number): Uint8Array {
  const v = BLOCK[hash];
  const u = OUT[hash];
  const D = new Uint8Array(v).fill(id);
  const S = repeatTo(salt, v * Math.ceil(salt.length / v));
  const P = repeatTo(password, v * Math.ceil(password.length / v));
  const I = new Uint8Array(S.length + P.length);
  I.set(S);
  I.set(P, S.length);
  const c = Math.ceil(length / u);
  const out = new Uint8Array(c * u);
  for (let i = 0; i < c; i++) {
    const DI = new Uint8Array(v + I.length);
    DI.set(D);
    DI.set(I, v);
    const A = iterated(hash, DI, iterations);
    out.set(A, i * u);
    if (i === c - 1) break;
    const B = repeatTo(A, v);
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, length);
}

function iterated(hash: HashName, data: Uint8Array, iterations: number): Uint8Array {
  const rounds = Math.max(1, iterations);
  return hash === 'SHA-1' || hash === 'SHA-256' ? iterateHash(hash, data, rounds) : iterateSha2Wide(hash, data, rounds);
}

function repeatTo(src: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (src.length === 0) return out;
  for (let i = 0; i < length; i++) out[i] = src[i % src.length]!;
  return out;
}

export { bmpPassword };
