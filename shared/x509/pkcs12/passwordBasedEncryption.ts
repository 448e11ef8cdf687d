// Decrypt a password-protected part of a PFX: PBES2 (PBKDF2 + AES, natively through WebCrypto)
// or the PKCS#12 PBES1 ciphers (3DES, RC2 through the legacy adapter).
import { TAG, children, content, type Tlv } from '../../asn1/der.js';
import { readOid, readSmallInteger } from '../../asn1/values.js';
import { KDF_ID, pkcs12Kdf } from '../../crypto/pkcs12Kdf.js';
import { buf, subtle, type HashName } from '../../crypto/webcrypto.js';
import type { Pkcs12Protection } from '../../model/document.js';
import { legacyDecrypt, type LegacyCipher } from './legacyCiphers.js';

/** Both password forms: PBES1 and the MAC use BMPString bytes, PBES2 uses UTF-8. */
export interface PasswordForms {
  bmp: Uint8Array;
  utf8: Uint8Array;
}

import { UnsupportedAlgorithm } from './errors.js';
export { UnsupportedAlgorithm } from './errors.js';

/**
 * Windows writes 2,000 iterations, OpenSSL 2,048, OWASP asks for 600,000. A count far beyond
 * that is a damaged or hostile file: refusing it keeps one file from freezing the app.
 */
export const MAX_ITERATIONS = 2_500_000;

export function checkedIterations(count: number, what: string): number {
  if (count < 1 || count > MAX_ITERATIONS) {
    throw new UnsupportedAlgorithm(
      `${count.toLocaleString('en-US')} ${what} iterations (CertBench stops at ${MAX_ITERATIONS.toLocaleString('en-US')} so that a damaged or hostile file cannot freeze it)`,
    );
  }
  return count;
}

const PBES1: Record<string, { cipher: LegacyCipher; keyLength: number; label: string }> = {
  '1.2.840.113549.1.12.1.3': { cipher: { name: '3DES' }, keyLength: 24, label: '3DES-CBC' },
  '1.2.840.113549.1.12.1.4': { cipher: { name: '3DES' }, keyLength: 16, label: '2-key 3DES-CBC' },
  '1.2.840.113549.1.12.1.5': { cipher: { name: 'RC2', effectiveBits: 128 }, keyLength: 16, label: 'RC2-128-CBC' },
  '1.2.840.113549.1.12.1.6': { cipher: { name: 'RC2', effectiveBits: 40 }, keyLength: 5, label: 'RC2-40-CBC' },
};

const UNSUPPORTED_NAMES: Record<string, string> = {
  '1.2.840.113549.1.12.1.1': 'RC4-128',
  '1.2.840.113549.1.12.1.2': 'RC4-40',
  '1.2.840.113549.1.5.3': 'DES with MD5',
  '1.2.840.113549.1.5.10': 'DES with SHA-1',
};

const PBES2_OID = '1.2.840.113549.1.5.13';
const PBKDF2_OID = '1.2.840.113549.1.5.12';
const PRF: Record<string, HashName> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const AES: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 128,
  '2.16.840.1.101.3.4.1.22': 192,
  '2.16.840.1.101.3.4.1.42': 256,
};
const DES_EDE3_CBC = '1.2.840.113549.3.7';

export interface Decrypted {
  /** null when the password did not decrypt it (padding or cipher failure). */
  plaintext: Uint8Array | null;
  protection: Omit<Pkcs12Protection, 'part'>;
}

/**
 * The hash rounds decrypting with this algorithm costs: its iteration count times the KDF
 * blocks it derives (PBES1: the key — two SHA-1 blocks for 3DES — and the IV; PBES2: one
 * PBKDF2 block per hash length of key). What the per-file budget (workBudget.ts) adds up.
 */
export function derivationRounds(algId: Tlv): number {
  const [oidTlv, params] = children(algId);
  const oid = readOid(oidTlv!);
  const pbes1 = PBES1[oid];
  const { iterations } = describeAlgorithm(algId);
  if (pbes1) return iterations * (Math.ceil(pbes1.keyLength / 20) + 1);
  const { hash, keyBits } = pbes2Params(params!);
  return iterations * Math.ceil(keyBits / 8 / HASH_BYTES[hash]);
}

const HASH_BYTES: Record<HashName, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/** Is this algorithm's key derived natively (PBKDF2 through WebCrypto) rather than in JavaScript? */
export function derivedNatively(algId: Tlv): boolean {
  return readOid(children(algId)[0]!) === PBES2_OID;
}

/** Describe the algorithm without decrypting (for the container summary and early checks). */
export function describeAlgorithm(algId: Tlv): Omit<Pkcs12Protection, 'part'> {
  const [oidTlv, params] = children(algId);
  const oid = readOid(oidTlv!);
  const pbes1 = PBES1[oid];
  if (pbes1) {
    const iterations = params ? checkedIterations(readSmallInteger(children(params)[1]!), 'key-derivation') : 1;
    return { cipher: pbes1.label, scheme: 'PKCS#12 PBE (SHA-1)', iterations };
  }
  if (oid === PBES2_OID && params) {
    const { hash, iterations, cipherLabel } = pbes2Params(params);
    return { cipher: cipherLabel, scheme: `PBES2/PBKDF2-HMAC-${hash.replace('-', '')}`, iterations };
  }
  throw new UnsupportedAlgorithm(UNSUPPORTED_NAMES[oid] ?? oid);
}

export async function decrypt(algId: Tlv, data: Uint8Array, password: PasswordForms): Promise<Decrypted> {
  const [oidTlv, params] = children(algId);
  const oid = readOid(oidTlv!);
  const protection = describeAlgorithm(algId);
  const pbes1 = PBES1[oid];
  if (pbes1) {
    const [saltTlv, iterTlv] = children(params!);
    const salt = content(saltTlv!);
    const iterations = checkedIterations(readSmallInteger(iterTlv!), 'key-derivation');
    const key = pkcs12Kdf('SHA-1', password.bmp, salt, KDF_ID.key, iterations, pbes1.keyLength);
    const iv = pkcs12Kdf('SHA-1', password.bmp, salt, KDF_ID.iv, iterations, 8);
    // 2-key 3DES is K1 K2 K1.
    const fullKey = pbes1.keyLength === 16 && pbes1.cipher.name === '3DES' ? concat(key, key.subarray(0, 8)) : key;
    try {
      return { plaintext: await legacyDecrypt(pbes1.cipher, fullKey, iv, data), protection };
    } finally {
      // Derived key material is ours to zero (node-forge's internal copies are JS strings, which are not).
      key.fill(0);
      fullKey.fill(0);
      iv.fill(0);
    }
  }
  // PBES2
  const { hash, iterations, salt, keyBits, iv, cipherOid } = pbes2Params(params!);
  const baseKey = await subtle().importKey('raw', buf(password.utf8), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await subtle().deriveBits({ name: 'PBKDF2', hash, salt: buf(salt), iterations }, baseKey, keyBits),
  );
  try {
    if (cipherOid === DES_EDE3_CBC) return { plaintext: await legacyDecrypt({ name: '3DES' }, bits, iv, data), protection };
    let plain: ArrayBuffer;
    try {
      const key = await subtle().importKey('raw', bits, { name: 'AES-CBC' }, false, ['decrypt']);
      plain = await subtle().decrypt({ name: 'AES-CBC', iv: buf(iv) }, key, buf(data));
    } catch {
      return { plaintext: null, protection }; // bad padding: the wrong key
    }
    return { plaintext: new Uint8Array(plain), protection };
  } finally {
    bits.fill(0);
  }
}

function pbes2Params(params: Tlv) {
  const [kdf, scheme] = children(params);
  const [kdfOid, kdfParams] = children(kdf!);
  if (readOid(kdfOid!) !== PBKDF2_OID) throw new UnsupportedAlgorithm('a PBES2 key derivation other than PBKDF2');
  const kp = children(kdfParams!);
  const salt = content(kp[0]!);
  const iterations = checkedIterations(readSmallInteger(kp[1]!), 'PBKDF2');
  let hash: HashName = 'SHA-1';
  for (const extra of kp.slice(2)) {
    if (extra.tagNumber === TAG.SEQUENCE) {
      const prfOid = readOid(children(extra)[0]!);
      const h = PRF[prfOid];
      if (!h) throw new UnsupportedAlgorithm(`PBKDF2 with PRF ${prfOid}`);
      hash = h;
    }
  }
  const [schemeOidTlv, ivTlv] = children(scheme!);
  const cipherOid = readOid(schemeOidTlv!);
  const iv = ivTlv ? content(ivTlv) : new Uint8Array();
  const aesBits = AES[cipherOid];
  if (aesBits) return { hash, iterations, salt, keyBits: aesBits, iv, cipherOid, cipherLabel: `AES-${aesBits}-CBC` };
  if (cipherOid === DES_EDE3_CBC) return { hash, iterations, salt, keyBits: 192, iv, cipherOid, cipherLabel: '3DES-CBC' };
  throw new UnsupportedAlgorithm(`PBES2 with cipher ${cipherOid}`);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
