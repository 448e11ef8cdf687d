// The PKCS#12 KDF's iterated case — hashing its own 20/32-byte output hundreds of thousands of
// times — on 32-bit words with no byte conversions in the loop: measured about 6× a library's
// per-call API for that loop. SHA-256's loop is generated straight-line code
// (sha256Iterate.ts); SHA-1's runs only for legacy PFX files, whose counts are ~2,000.
import { hashSync, type SyncHash } from './sha.js';
import { iterateSha256Words } from './sha256Iterate.js';

const H1 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];

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

/** SHA-256 applied `rounds` times to a 32-byte digest: the straight-line loop in sha256Iterate.ts. */
function iterateSha256(digest32: Uint8Array, rounds: number): Uint8Array {
  const view = new DataView(digest32.buffer, digest32.byteOffset, 32);
  const words = new Int32Array(8);
  for (let i = 0; i < 8; i++) words[i] = view.getInt32(i * 4);
  iterateSha256Words(words, rounds);
  return wordsToBytes(words, 8);
}
