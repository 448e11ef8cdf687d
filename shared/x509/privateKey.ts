// Private keys in the formats admins meet (PKCS#8, PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE
// KEY", encrypted PKCS#8), normalised to PKCS#8 and reduced to the public material that tells
// which certificate they belong to. The key bytes go straight to a KeyStore, never a model.
import { Asn1Error, TAG, TagClass, children, content, readRoot } from '../asn1/der.js';
import { bitLength, readBitStringBytes, readOid } from '../asn1/values.js';
import { buf, subtle } from '../crypto/webcrypto.js';
import { fromBase64 } from '../encoding/base64.js';
import { bmpPassword, encodeUtf8 } from '../encoding/text.js';
import type { KeyAlgorithm } from '../model/certificate.js';
import { CURVES, OID } from './oidNames.js';
import { stripZeros } from './publicKey.js';
import { decrypt } from './pkcs12/passwordBasedEncryption.js';

export interface ParsedPrivateKey {
  pkcs8: Uint8Array;
  algorithm: KeyAlgorithm;
  size: number;
  curve?: string;
  /** RSA modulus or EC public point: compared with ParsedPublicKey.keyMaterial. */
  publicMaterial: Uint8Array | null;
}

/** PKCS#8 PrivateKeyInfo DER → algorithm, size and public material. */
export async function parsePkcs8(pkcs8: Uint8Array): Promise<ParsedPrivateKey> {
  const [, algId, keyOctets] = children(readRoot(pkcs8));
  const [oidTlv, params] = children(algId!);
  const oid = readOid(oidTlv!);
  const inner = content(keyOctets!);
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) {
    const fields = children(readRoot(inner));
    const modulus = stripZeros(content(fields[1]!));
    return { pkcs8, algorithm: 'RSA', size: bitLength(modulus), publicMaterial: modulus };
  }
  if (oid === OID.ecPublicKey) {
    const curveOid = params && params.tagNumber === TAG.OID ? readOid(params) : '';
    const known = CURVES[curveOid];
    const curve = known ? known[0] : curveOid || undefined;
    let point: Uint8Array | null = null;
    for (const f of children(readRoot(inner))) {
      if (f.tagClass === TagClass.Context && f.tagNumber === 1) point = readBitStringBytes(children(f)[0]!);
    }
    if (!point && curve && ['P-256', 'P-384', 'P-521'].includes(curve)) point = await derivePoint(pkcs8, curve);
    return { pkcs8, algorithm: 'EC', size: known ? known[1] : 0, ...(curve ? { curve } : {}), publicMaterial: point };
  }
  if (oid === OID.ed25519) return { pkcs8, algorithm: 'Ed25519', size: 256, publicMaterial: null };
  if (oid === OID.ed448) return { pkcs8, algorithm: 'Ed448', size: 456, publicMaterial: null };
  if (oid === OID.dsa) return { pkcs8, algorithm: 'DSA', size: 0, publicMaterial: null };
  return { pkcs8, algorithm: 'unknown', size: 0, publicMaterial: null };
}

/**
 * PrivateKeyInfo (RFC 5208) around a key in its algorithm's own format, written by pkijs' schema.
 * pkijs and asn1js are imported here, on demand, not at the top: reading certificates and PKCS#8
 * keys never needs them, and loading them cost every `certbench inspect` start-up CPU time.
 */
async function wrapPkcs8(algorithmId: string, params: 'null' | { curve: string }, key: Uint8Array): Promise<Uint8Array> {
  const [asn1js, { AlgorithmIdentifier, PrivateKeyInfo }] = await Promise.all([import('asn1js'), import('pkijs')]);
  const algorithmParams = params === 'null' ? new asn1js.Null() : new asn1js.ObjectIdentifier({ value: params.curve });
  const info = new PrivateKeyInfo({
    version: 0,
    privateKeyAlgorithm: new AlgorithmIdentifier({ algorithmId, algorithmParams }),
    privateKey: new asn1js.OctetString({ valueHex: key.slice() }),
  });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** "RSA PRIVATE KEY" (PKCS#1) → PKCS#8. */
export async function pkcs1ToPkcs8(pkcs1: Uint8Array): Promise<Uint8Array> {
  readRoot(pkcs1); // validate before wrapping
  return wrapPkcs8(OID.rsaEncryption, 'null', pkcs1);
}

/** "EC PRIVATE KEY" (SEC1) → PKCS#8, taking the curve from the key's own parameters. */
export async function sec1ToPkcs8(sec1: Uint8Array): Promise<Uint8Array> {
  let curve: string | null = null;
  for (const f of children(readRoot(sec1))) {
    if (f.tagClass === TagClass.Context && f.tagNumber === 0) curve = readOid(children(f)[0]!);
  }
  if (!curve) throw new Asn1Error('malformed', 'the EC key does not name its curve');
  return wrapPkcs8(OID.ecPublicKey, { curve }, sec1);
}

/**
 * "ENCRYPTED PRIVATE KEY" → PKCS#8, or null when the password does not open it. The one key
 * decryption of CertBench (PFX key bags, key files, the PFX builder's input): PBES2 and the
 * PKCS#12 PBES1 ciphers, with the same iteration cap (passwordBasedEncryption.ts).
 */
export async function decryptPkcs8(encrypted: Uint8Array, password: string): Promise<Uint8Array | null> {
  const [algId, data] = children(readRoot(encrypted));
  const forms = { bmp: bmpPassword(password), utf8: encodeUtf8(password) };
  const result = await decrypt(algId!, content(data!), forms).finally(() => {
    forms.bmp.fill(0);
    forms.utf8.fill(0);
  });
  if (!result.plaintext) return null;
  try {
    readRoot(result.plaintext);
    return result.plaintext;
  } catch {
    return null; // decrypted to garbage: a wrong password that happened to pad correctly
  }
}

/** An EC PKCS#8 without the public point: let WebCrypto compute it (export as JWK). */
async function derivePoint(pkcs8: Uint8Array, curve: string): Promise<Uint8Array | null> {
  try {
    const key = await subtle().importKey('pkcs8', buf(pkcs8), { name: 'ECDSA', namedCurve: curve }, true, ['sign']);
    const jwk = await subtle().exportKey('jwk', key);
    const x = fromBase64(jwk.x ?? '');
    const y = fromBase64(jwk.y ?? '');
    if (!x || !y) return null;
    const point = new Uint8Array(1 + x.length + y.length);
    point[0] = 4;
    point.set(x, 1);
    point.set(y, 1 + x.length);
    return point;
  } catch {
    return null;
  }
}
