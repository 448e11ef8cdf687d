// SHA-1 and SHA-256 for one job each: one-shot hashes (thumbprints) come from @noble/hashes,
// and the PKCS#12 KDF's iterated case — hashing its own 20/32-byte output hundreds of
// thousands of times — runs here on 32-bit words with no byte conversions in the loop
// (see iterateHash): measured about 6× a library's per-call API for that loop.
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';

const K256 = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const H256 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const H1 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];

export type SyncHash = 'SHA-1' | 'SHA-256';

function compress1(h: Int32Array, w: Int32Array): void {
  for (let t = 16; t < 80; t++) {
    const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
    w[t] = (x << 1) | (x >>> 31);
  }
  let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
  for (let t = 0; t < 80; t++) {
    let f: number, k: number;
    if (t < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (t < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (t < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
}

/** Hash arbitrary bytes (one-shot): thumbprints of every certificate opened, thousands for a CA export. */
export function hashSync(hash: SyncHash, data: Uint8Array): Uint8Array {
  return hash === 'SHA-1' ? sha1(data) : sha256(data);
}

/**
 * Hash `first` once, then hash the digest `count - 1` more times: H^count(first).
 * The repeated input is one block whose padding never changes, so it is set once.
 */
export function iterateHash(hash: SyncHash, first: Uint8Array, count: number): Uint8Array {
  let out = hashSync(hash, first);
  if (count <= 1) return out;
  if (hash === 'SHA-256') return iterateSha256(out, count - 1);
  // SHA-1 from here on.
  const n = 5;
  const h = new Int32Array(n);
  const w = new Int32Array(80);
  const view = new DataView(out.buffer, out.byteOffset, out.length);
  const prev = new Int32Array(n);
  for (let i = 0; i < n; i++) prev[i] = view.getInt32(i * 4);
  for (let r = 1; r < count; r++) {
    for (let i = 0; i < n; i++) {
      w[i] = prev[i]!;
      h[i] = H1[i]!;
    }
    w[n] = 0x80000000 | 0;
    for (let i = n + 1; i < 15; i++) w[i] = 0;
    w[15] = n * 32;
    compress1(h, w);
    prev.set(h);
  }
  out = wordsToBytes(prev, n);
  return out;
}

function wordsToBytes(h: Int32Array, words: number): Uint8Array {
  const out = new Uint8Array(words * 4);
  for (let i = 0, j = 0; i < words; i++, j += 4) {
    const v = h[i]!;
    out[j] = v >>> 24;
    out[j + 1] = v >>> 16;
    out[j + 2] = v >>> 8;
    out[j + 3] = v;
  }
  return out;
}

/**
 * SHA-256 applied `rounds` times to a 32-byte digest, with the state in local variables:
 * about a fifth faster than a generic compression function, and this loop is the whole cost of
 * opening a high-iteration PFX.
 */
function iterateSha256(digest32: Uint8Array, rounds: number): Uint8Array {
  const view = new DataView(digest32.buffer, digest32.byteOffset, 32);
  let d0 = view.getInt32(0), d1 = view.getInt32(4), d2 = view.getInt32(8), d3 = view.getInt32(12);
  let d4 = view.getInt32(16), d5 = view.getInt32(20), d6 = view.getInt32(24), d7 = view.getInt32(28);
  const w = new Int32Array(64);
  const K = K256;
  for (let r = 0; r < rounds; r++) {
    w[0] = d0; w[1] = d1; w[2] = d2; w[3] = d3; w[4] = d4; w[5] = d5; w[6] = d6; w[7] = d7;
    w[8] = 0x80000000 | 0; w[9] = 0; w[10] = 0; w[11] = 0; w[12] = 0; w[13] = 0; w[14] = 0; w[15] = 256;
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      w[t] = (w[t - 16]! + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w[t - 7]! +
        (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    }
    let a = H256[0]! | 0, b = H256[1]! | 0, c = H256[2]! | 0, d = H256[3]! | 0;
    let e = H256[4]! | 0, f = H256[5]! | 0, g = H256[6]! | 0, h = H256[7]! | 0;
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    d0 = (a + H256[0]!) | 0; d1 = (b + H256[1]!) | 0; d2 = (c + H256[2]!) | 0; d3 = (d + H256[3]!) | 0;
    d4 = (e + H256[4]!) | 0; d5 = (f + H256[5]!) | 0; d6 = (g + H256[6]!) | 0; d7 = (h + H256[7]!) | 0;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  [d0, d1, d2, d3, d4, d5, d6, d7].forEach((v, i) => ov.setInt32(i * 4, v));
  return out;
}
