// PBES2 (RFC 8018): PBKDF2 + a block cipher, all in WebCrypto (native speed, so high iteration
// counts are cheap). Used for the encrypted PKCS#8 key and for the `modern` PFX profile.
import * as asn1js from 'asn1js';

export const OID_PBES2 = '1.2.840.113549.1.5.13';
export const OID_PBKDF2 = '1.2.840.113549.1.5.12';
const PRF_OIDS: Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const OID_HMAC_SHA256 = '1.2.840.113549.2.9';
const AES_CBC_OIDS: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 16, // aes128-CBC
  '2.16.840.1.101.3.4.1.22': 24, // aes192-CBC
  '2.16.840.1.101.3.4.1.42': 32, // aes256-CBC
};
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42';

export class Pbes2Error extends Error {
  override readonly name = 'Pbes2Error';
  constructor(
    readonly code: 'unsupported' | 'wrong-password' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/** Copies into a fresh ArrayBuffer-backed array (WebCrypto's BufferSource typing wants that). */
export function bytes(view: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  const src = view instanceof ArrayBuffer ? new Uint8Array(view) : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const out = new Uint8Array(src.length);
  out.set(src);
  return out;
}

async function deriveAesKey(password: Uint8Array, salt: Uint8Array, iterations: number, hash: string, keyBytes: number): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', bytes(password), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', salt: bytes(salt), iterations, hash },
    base,
    { name: 'AES-CBC', length: keyBytes * 8 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export interface Pbes2Result {
  /** The PBES2 AlgorithmIdentifier (PBKDF2-HMAC-SHA256, AES-256-CBC). */
  algorithm: asn1js.Sequence;
  ciphertext: Uint8Array;
}

/** Encrypts with PBES2: PBKDF2-HMAC-SHA256 (random 16-byte salt) and AES-256-CBC (random IV). */
export async function pbes2Encrypt(plaintext: Uint8Array, password: Uint8Array, iterations: number): Promise<Pbes2Result> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveAesKey(password, salt, iterations, 'SHA-256', 32);
  const ciphertext = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, bytes(plaintext)));
  const algorithm = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID_PBES2 }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: OID_PBKDF2 }),
              new asn1js.Sequence({
                value: [
                  new asn1js.OctetString({ valueHex: salt }),
                  new asn1js.Integer({ value: iterations }),
                  new asn1js.Sequence({
                    value: [new asn1js.ObjectIdentifier({ value: OID_HMAC_SHA256 }), new asn1js.Null()],
                  }),
                ],
              }),
            ],
          }),
          new asn1js.Sequence({
            value: [new asn1js.ObjectIdentifier({ value: OID_AES256_CBC }), new asn1js.OctetString({ valueHex: iv })],
          }),
        ],
      }),
    ],
  });
  return { algorithm, ciphertext };
}

function oidOf(node: asn1js.AsnType | undefined): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Pbes2Error('malformed', 'The encryption parameters are malformed.');
  return node.valueBlock.toString();
}

function seq(node: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new Pbes2Error('malformed', 'The encryption parameters are malformed.');
  return node.valueBlock.value;
}

function octets(node: asn1js.AsnType | undefined): Uint8Array {
  if (!(node instanceof asn1js.OctetString)) throw new Pbes2Error('malformed', 'The encryption parameters are malformed.');
  return bytes(node.valueBlock.valueHexView);
}

/** Largest iteration count we run: OpenSSL and Windows use 2,048–600,000. Stops a hostile file hanging us. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

/** Decrypts PBES2 content (`params` is the PBES2-params SEQUENCE). Supports PBKDF2 + AES-CBC. */
export async function pbes2Decrypt(params: asn1js.AsnType, ciphertext: Uint8Array, password: Uint8Array): Promise<Uint8Array> {
  const [kdf, scheme] = seq(params);
  const [kdfOid, kdfParams] = seq(kdf);
  if (oidOf(kdfOid) !== OID_PBKDF2) throw new Pbes2Error('unsupported', 'Only PBKDF2 key derivation is supported.');
  const [saltNode, iterNode, ...rest] = seq(kdfParams);
  const salt = octets(saltNode);
  if (!(iterNode instanceof asn1js.Integer)) throw new Pbes2Error('malformed', 'The PBKDF2 iteration count is malformed.');
  const iterations = iterNode.valueBlock.valueDec;
  if (!(iterations > 0 && iterations <= MAX_PBKDF2_ITERATIONS)) {
    throw new Pbes2Error('unsupported', `The PBKDF2 iteration count ${iterations} is out of range.`);
  }
  let hash: string = 'SHA-1';
  for (const node of rest) {
    if (node instanceof asn1js.Sequence) {
      const prf = PRF_OIDS[oidOf(node.valueBlock.value[0])];
      if (!prf) throw new Pbes2Error('unsupported', 'The PBKDF2 PRF is not supported.');
      hash = prf;
    }
  }
  const [cipherOid, ivNode] = seq(scheme);
  const keyBytes = AES_CBC_OIDS[oidOf(cipherOid)];
  if (!keyBytes) throw new Pbes2Error('unsupported', 'Only AES-CBC encryption is supported in PBES2.');
  const iv = octets(ivNode);
  const key = await deriveAesKey(password, salt, iterations, hash, keyBytes);
  try {
    return new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-CBC', iv: bytes(iv) }, key, bytes(ciphertext)));
  } catch {
    // A wrong password almost always breaks the CBC padding.
    throw new Pbes2Error('wrong-password', 'The passphrase is wrong.');
  }
}
