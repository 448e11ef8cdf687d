// The one signature verifier: X.509 certificates (chain building), PKCS#10 requests and CRLs,
// with WebCrypto. Returns null when the algorithm is one WebCrypto cannot check (DSA, MD5,
// Ed25519, PSS whose mask hash differs from its hash), never throws for that.
import { children, content, readRoot } from '../asn1/der.js';
import { subtle, buf } from './webcrypto.js';

export interface SignatureCheck {
  /** Signature algorithm OID of the signed object. */
  algorithmOid: string;
  /** Hash name from the signature algorithm (SHA-256, …). */
  hash: string | null;
  /** Signer's SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  /** The signed bytes (tbsCertificate / certificationRequestInfo encoding). */
  data: Uint8Array;
  /** BIT STRING content without the unused-bits byte. */
  signature: Uint8Array;
  /** EC curve of the signer's key (P-256, P-384, P-521), for ECDSA. */
  curve?: string;
  /** RSASSA-PSS salt length in bytes (the parameters' saltLength, default 20). */
  saltLength?: number;
}

/** RSASSA-PSS (RFC 4055): the hash comes from its parameters, as SignatureCheck.hash. */
const RSA_PSS = '1.2.840.113549.1.1.10';

const RSA_PKCS1 = new Set([
  '1.2.840.113549.1.1.5',
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
]);
const ECDSA = new Set(['1.2.840.10045.4.1', '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4']);
const CURVE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** How many signatures were checked (tests bound the work a batch does with it). */
export const signatureChecks = { count: 0 };

export async function verifySignature(check: SignatureCheck): Promise<boolean | null> {
  signatureChecks.count++;
  const hash = check.hash;
  if (!hash || !['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'].includes(hash)) return null;
  try {
    if (RSA_PKCS1.has(check.algorithmOid)) {
      const key = await subtle().importKey('spki', buf(check.spki), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
      return await subtle().verify('RSASSA-PKCS1-v1_5', key, buf(check.signature), buf(check.data));
    }
    if (check.algorithmOid === RSA_PSS) {
      const key = await subtle().importKey('spki', buf(check.spki), { name: 'RSA-PSS', hash }, false, ['verify']);
      return await subtle().verify({ name: 'RSA-PSS', saltLength: check.saltLength ?? 20 }, key, buf(check.signature), buf(check.data));
    }
    if (ECDSA.has(check.algorithmOid) && check.curve && CURVE_BYTES[check.curve]) {
      const key = await subtle().importKey('spki', buf(check.spki), { name: 'ECDSA', namedCurve: check.curve }, false, ['verify']);
      const raw = ecdsaDerToRaw(check.signature, CURVE_BYTES[check.curve]!);
      if (!raw) return false;
      return await subtle().verify({ name: 'ECDSA', hash }, key, buf(raw), buf(check.data));
    }
    return null;
  } catch {
    // A key WebCrypto refuses to import (odd exponent, bad point) cannot be checked here.
    return null;
  }
}

/** ECDSA-Sig-Value SEQUENCE { r, s } → r || s, each left-padded to the curve size. */
function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array | null {
  try {
    const [r, s] = children(readRoot(der));
    const out = new Uint8Array(size * 2);
    for (const [i, part] of [r!, s!].entries()) {
      let bytes = content(part);
      while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1);
      if (bytes.length > size) return null;
      out.set(bytes, i * size + (size - bytes.length));
    }
    return out;
  } catch {
    return null;
  }
}
