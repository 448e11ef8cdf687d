// The platform's WebCrypto (Node 20+, browsers, workers). The one door to native crypto:
// PBKDF2, AES, digests and signatures all go through here, so they run in native code.

export function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) throw new Error('This platform has no WebCrypto (crypto.subtle); CertBench needs Node 20+ or a current browser.');
  return c.subtle;
}

/** WebCrypto wants an ArrayBuffer-backed view; copy only when handed something else. */
export function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export async function digest(hash: HashName, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(hash, buf(bytes)));
}

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  (globalThis as { crypto: Crypto }).crypto.getRandomValues(out);
  return out;
}
