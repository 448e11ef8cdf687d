// SubjectPublicKeyInfo: algorithm, size and curve — what the rules compare with role minimums.
import { TAG, children, content, encoding, type Tlv } from '../asn1/der.js';
import { readBitStringBytes, readOid, bitLength } from '../asn1/values.js';
import { readRoot } from '../asn1/der.js';
import type { KeyAlgorithm, PublicKeyInfo } from '../model/certificate.js';
import { CURVES, OID } from './oidNames.js';

export interface ParsedPublicKey {
  algorithm: KeyAlgorithm;
  size: number;
  curve?: string;
  exponent?: string;
  /** RSA modulus without leading zeros, or the EC point: what matches a private key. */
  keyMaterial: Uint8Array;
  /** The whole SubjectPublicKeyInfo DER (a view). */
  spki: Uint8Array;
}

export function readPublicKey(spkiTlv: Tlv): ParsedPublicKey {
  const [algId, bits] = children(spkiTlv);
  const [algOid, params] = children(algId!);
  const oid = readOid(algOid!);
  const keyBytes = readBitStringBytes(bits!);
  const spki = encoding(spkiTlv);
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) {
    const [n, e] = children(readRoot(keyBytes));
    const modulus = stripZeros(content(n!));
    return { algorithm: 'RSA', size: bitLength(modulus), exponent: bigIntText(content(e!)), keyMaterial: modulus, spki };
  }
  if (oid === OID.ecPublicKey) {
    let curve: string | undefined;
    let size = 0;
    if (params && params.tagNumber === TAG.OID) {
      const c = readOid(params);
      const known = CURVES[c];
      curve = known ? known[0] : c;
      size = known ? known[1] : 0;
    }
    if (!size && keyBytes.length > 1) size = ((keyBytes.length - 1) / 2) * 8; // uncompressed point 04||X||Y
    return { algorithm: 'EC', size, ...(curve ? { curve } : {}), keyMaterial: keyBytes, spki };
  }
  if (oid === OID.dsa) {
    let size = 0;
    if (params && params.tagNumber === TAG.SEQUENCE) size = bitLength(content(children(params)[0]!));
    return { algorithm: 'DSA', size, keyMaterial: keyBytes, spki };
  }
  if (oid === OID.ed25519) return { algorithm: 'Ed25519', size: 256, keyMaterial: keyBytes, spki };
  if (oid === OID.ed448) return { algorithm: 'Ed448', size: 456, keyMaterial: keyBytes, spki };
  return { algorithm: 'unknown', size: 0, keyMaterial: keyBytes, spki };
}

export function stripZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

function bigIntText(bytes: Uint8Array): string {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v.toString();
}

/** The JSON-safe public key of a certificate or request model. */
export function publicKeyInfo(key: ParsedPublicKey, spkiSha256: string): PublicKeyInfo {
  return {
    algorithm: key.algorithm,
    size: key.size,
    ...(key.curve ? { curve: key.curve } : {}),
    ...(key.exponent ? { exponent: key.exponent } : {}),
    spkiSha256,
  };
}
