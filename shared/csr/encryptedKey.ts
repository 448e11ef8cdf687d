// The private key leaves memory only as an encrypted PKCS#8 PEM (`ENCRYPTED PRIVATE KEY`,
// PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC) under a passphrase the user gives.
import * as asn1js from 'asn1js';
import { bytes, OID_PBES2, Pbes2Error, pbes2Decrypt, pbes2Encrypt } from './pbes2.js';
import { pemBlocks, toPem } from './pem.js';

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA256; native WebCrypto makes it a fraction of a second. */
export const KEY_PBKDF2_ITERATIONS = 600_000;

export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
  constructor(
    readonly code: 'empty-passphrase' | 'wrong-password' | 'password-required' | 'unsupported' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/** EncryptedPrivateKeyInfo DER around `pkcs8`. */
export async function encryptPkcs8(pkcs8: Uint8Array, passphrase: string, iterations = KEY_PBKDF2_ITERATIONS): Promise<Uint8Array> {
  if (passphrase === '') throw new KeyFileError('empty-passphrase', 'The passphrase is empty; a private key is only written encrypted.');
  const { algorithm, ciphertext } = await pbes2Encrypt(pkcs8, new TextEncoder().encode(passphrase), iterations);
  const info = new asn1js.Sequence({ value: [algorithm, new asn1js.OctetString({ valueHex: ciphertext })] });
  return new Uint8Array(info.toBER(false));
}

/** Exports `privateKey` (extractable) as `-----BEGIN ENCRYPTED PRIVATE KEY-----`. The plain PKCS#8 is zeroed after use. */
export async function exportEncryptedKeyPem(privateKey: CryptoKey, passphrase: string, iterations = KEY_PBKDF2_ITERATIONS): Promise<string> {
  const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    return toPem('ENCRYPTED PRIVATE KEY', await encryptPkcs8(pkcs8, passphrase, iterations));
  } finally {
    pkcs8.fill(0);
  }
}

/** Opens an EncryptedPrivateKeyInfo (PBES2) and returns the PKCS#8 PrivateKeyInfo DER. */
export async function decryptPkcs8(der: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const parsed = asn1js.fromBER(bytes(der));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
    throw new KeyFileError('malformed', 'The encrypted key is not valid DER.');
  }
  const [algorithm, data] = parsed.result.valueBlock.value;
  if (!(algorithm instanceof asn1js.Sequence) || !(data instanceof asn1js.OctetString)) {
    throw new KeyFileError('malformed', 'The encrypted key is not an EncryptedPrivateKeyInfo.');
  }
  const [oid, params] = algorithm.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== OID_PBES2 || !params) {
    throw new KeyFileError('unsupported', 'The key is encrypted with a scheme other than PBES2; re-export it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`.');
  }
  try {
    return await pbes2Decrypt(params, bytes(data.valueBlock.valueHexView), new TextEncoder().encode(passphrase));
  } catch (e) {
    if (e instanceof Pbes2Error) {
      throw new KeyFileError(e.code === 'wrong-password' ? 'wrong-password' : e.code, e.message);
    }
    throw e;
  }
}

/**
 * The PKCS#8 PrivateKeyInfo from a key file: `ENCRYPTED PRIVATE KEY` (needs the passphrase),
 * `PRIVATE KEY`, or `RSA PRIVATE KEY` (PKCS#1, wrapped into PKCS#8).
 */
export async function readPrivateKeyPem(text: string, passphrase?: string): Promise<Uint8Array> {
  const blocks = pemBlocks(text).filter((b) => /PRIVATE KEY/.test(b.label));
  if (blocks.length === 0) throw new KeyFileError('malformed', 'The key file holds no PEM private key.');
  if (blocks.length > 1) throw new KeyFileError('malformed', 'The key file holds more than one private key; give one.');
  const block = blocks[0];
  switch (block.label) {
    case 'ENCRYPTED PRIVATE KEY':
      if (passphrase === undefined) {
        throw new KeyFileError('password-required', 'The key is encrypted; give its passphrase with --passphrase-env or --passphrase-file.');
      }
      return decryptPkcs8(block.der, passphrase);
    case 'PRIVATE KEY':
      return block.der;
    case 'RSA PRIVATE KEY':
      return wrapPkcs1(block.der);
    default:
      throw new KeyFileError('unsupported', `A "${block.label}" block is not supported; convert it with \`openssl pkcs8 -topk8\`.`);
  }
}

function wrapPkcs1(rsaPrivateKey: Uint8Array): Uint8Array {
  const info = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.1.1' }), new asn1js.Null()] }),
      new asn1js.OctetString({ valueHex: bytes(rsaPrivateKey) }),
    ],
  });
  return new Uint8Array(info.toBER(false));
}
