// The private key leaves memory only as an encrypted PKCS#8 PEM (`ENCRYPTED PRIVATE KEY`,
// PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC) under a passphrase the user gives. Reading a key
// file goes through the decoder's one key decryption (x509/privateKey.ts) and PEM reader.
import { Asn1Error } from '../asn1/der.js';
import { readPemBlocks } from '../x509/pem.js';
import { UnsupportedAlgorithm } from '../x509/pkcs12/passwordBasedEncryption.js';
import { decryptPkcs8 as openEncryptedKey, pkcs1ToPkcs8 } from '../x509/privateKey.js';
import { encryptedPrivateKeyInfo, pbes2Encrypt } from './pbes2.js';
import { toPem } from './pem.js';

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
  return encryptedPrivateKeyInfo(await pbes2Encrypt(pkcs8, new TextEncoder().encode(passphrase), iterations));
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

/** Opens an EncryptedPrivateKeyInfo (PBES2, or the PKCS#12 3DES/RC2 schemes) and returns the PKCS#8 DER. */
export async function decryptPkcs8(der: Uint8Array, passphrase: string): Promise<Uint8Array> {
  let pkcs8: Uint8Array | null;
  try {
    pkcs8 = await openEncryptedKey(der, passphrase);
  } catch (e) {
    if (e instanceof UnsupportedAlgorithm) {
      throw new KeyFileError('unsupported', `The key is encrypted with ${e.message}, which CertBench cannot open; re-export it with \`openssl pkcs8 -topk8 -v2 aes-256-cbc\`.`);
    }
    if (e instanceof Asn1Error || e instanceof TypeError) throw new KeyFileError('malformed', 'The encrypted key is not an EncryptedPrivateKeyInfo.');
    throw e;
  }
  if (!pkcs8) throw new KeyFileError('wrong-password', 'The passphrase is wrong.');
  return pkcs8;
}

/**
 * The PKCS#8 PrivateKeyInfo from a key file: `ENCRYPTED PRIVATE KEY` (needs the passphrase),
 * `PRIVATE KEY`, or `RSA PRIVATE KEY` (PKCS#1, wrapped into PKCS#8).
 */
export async function readPrivateKeyPem(text: string, passphrase?: string): Promise<Uint8Array> {
  const blocks = readPemBlocks(text).filter((b) => /PRIVATE KEY/.test(b.label));
  if (blocks.length === 0) throw new KeyFileError('malformed', 'The key file holds no PEM private key.');
  if (blocks.length > 1) throw new KeyFileError('malformed', 'The key file holds more than one private key; give one.');
  const block = blocks[0]!;
  if (block.legacyEncrypted) {
    throw new KeyFileError('unsupported', "The key uses OpenSSL's legacy PEM encryption (Proc-Type); convert it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`.");
  }
  if (!block.der) throw new KeyFileError('malformed', `The ${block.label} block is not valid Base64.`);
  switch (block.label) {
    case 'ENCRYPTED PRIVATE KEY':
      if (passphrase === undefined) {
        throw new KeyFileError('password-required', 'The key is encrypted; give its passphrase with --passphrase-env or --passphrase-file.');
      }
      return decryptPkcs8(block.der, passphrase);
    case 'PRIVATE KEY':
      return block.der;
    case 'RSA PRIVATE KEY':
      try {
        return await pkcs1ToPkcs8(block.der);
      } catch {
        throw new KeyFileError('malformed', 'The RSA PRIVATE KEY block is not valid DER.');
      }
    default:
      throw new KeyFileError('unsupported', `A "${block.label}" block is not supported; convert it with \`openssl pkcs8 -topk8\`.`);
  }
}
