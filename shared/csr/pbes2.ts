// PBES2 (RFC 8018) encryption: PBKDF2-HMAC-SHA256 + AES-256-CBC, all in WebCrypto (native speed,
// so high iteration counts are cheap), the parameters written by pkijs' typed schemas. Used for
// the encrypted PKCS#8 key and the `modern` PFX profile. Decryption is not here: every
// encrypted key and PFX part is read by x509/pkcs12/passwordBasedEncryption.ts, one reader with
// one iteration cap.
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, PBES2Params, PBKDF2Params, PKCS8ShroudedKeyBag } from 'pkijs';

export const OID_PBES2 = '1.2.840.113549.1.5.13';
export const OID_PBKDF2 = '1.2.840.113549.1.5.12';
const OID_HMAC_SHA256 = '1.2.840.113549.2.9';
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42';

/** Copies into a fresh ArrayBuffer-backed array (WebCrypto's BufferSource typing wants that). */
export function bytes(view: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  const src = view instanceof ArrayBuffer ? new Uint8Array(view) : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const out = new Uint8Array(src.length);
  out.set(src);
  return out;
}

/** An encryption's AlgorithmIdentifier and its ciphertext. */
export interface Sealed {
  algorithm: AlgorithmIdentifier;
  ciphertext: Uint8Array;
}

/** Encrypts with PBES2: PBKDF2-HMAC-SHA256 (random 16-byte salt) and AES-256-CBC (random IV). */
export async function pbes2Encrypt(plaintext: Uint8Array, password: Uint8Array, iterations: number): Promise<Sealed> {
  const subtle = globalThis.crypto.subtle;
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const base = await subtle.importKey('raw', bytes(password), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, { name: 'AES-CBC', length: 256 }, false, ['encrypt']);
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, key, bytes(plaintext)));
  const kdf = new PBKDF2Params({
    salt: new asn1js.OctetString({ valueHex: salt }),
    iterationCount: iterations,
    prf: new AlgorithmIdentifier({ algorithmId: OID_HMAC_SHA256, algorithmParams: new asn1js.Null() }),
  });
  const params = new PBES2Params({
    keyDerivationFunc: new AlgorithmIdentifier({ algorithmId: OID_PBKDF2, algorithmParams: kdf.toSchema() }),
    encryptionScheme: new AlgorithmIdentifier({ algorithmId: OID_AES256_CBC, algorithmParams: new asn1js.OctetString({ valueHex: iv }) }),
  });
  return { algorithm: new AlgorithmIdentifier({ algorithmId: OID_PBES2, algorithmParams: params.toSchema() }), ciphertext };
}

/** EncryptedPrivateKeyInfo (RFC 5208) DER: the same structure as PKCS#12's shrouded key bag. */
export function encryptedPrivateKeyInfo(sealed: Sealed): Uint8Array {
  return new Uint8Array(shroudedKey(sealed).toSchema().toBER(false));
}

export function shroudedKey(sealed: Sealed): PKCS8ShroudedKeyBag {
  return new PKCS8ShroudedKeyBag({ encryptionAlgorithm: sealed.algorithm, encryptedData: new asn1js.OctetString({ valueHex: bytes(sealed.ciphertext) }) });
}
