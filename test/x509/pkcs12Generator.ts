// Generated PFX structures for the hostile-input tests: any number of encrypted parts and key
// bags, any iteration counts, any MAC hash — shapes the fuzzer cannot reach by flipping bits of
// real files. The crypto is independent of CertBench's: PBKDF2 and the ciphers from node:crypto,
// the PKCS#12 KDF from OpenSSL (`openssl kdf … PKCS12KDF`), so a file that opens proves the
// reader right. Parts whose contents do not matter (refused before any derivation) carry
// random bytes.
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { openssl } from '../support/openssl.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509: '1.2.840.113549.1.9.22.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacSha256: '1.2.840.113549.2.9',
  aes256cbc: '2.16.840.1.101.3.4.1.42',
  pbeSha1TripleDes: '1.2.840.113549.1.12.1.3',
};
const HASH_OID = { sha1: '1.3.14.3.2.26', sha256: '2.16.840.1.101.3.4.2.1', sha512: '2.16.840.1.101.3.4.2.3' } as const;
export type MacHash = keyof typeof HASH_OID;

const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const octet = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: bytes });
const seq = (...value: asn1js.AsnType[]) => new asn1js.Sequence({ value });
const explicit = (node: asn1js.AsnType) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [node] });
const der = (node: asn1js.AsnType) => new Uint8Array(node.toBER(false));

/** An encryption: its AlgorithmIdentifier and the ciphertext. */
export interface Sealed {
  algId: asn1js.Sequence;
  ciphertext: Uint8Array;
}

/** BMPString of the password with its two-byte terminator, as the PKCS#12 KDF takes it. */
function bmpHex(password: string): string {
  return Buffer.from([...password].flatMap((c) => [0, c.charCodeAt(0)]).concat([0, 0])).toString('hex');
}

/** OpenSSL's PKCS#12 KDF (RFC 7292 B.2); id 1 key, 2 IV, 3 MAC. */
export function pkcs12KdfOpenssl(digest: 'SHA1' | 'SHA256' | 'SHA512', password: string, salt: Uint8Array, id: number, iterations: number, length: number): Buffer {
  const args = ['kdf', '-keylen', String(length), '-binary', '-kdfopt', `digest:${digest}`, '-kdfopt', `hexpass:${bmpHex(password)}`];
  args.push('-kdfopt', `hexsalt:${Buffer.from(salt).toString('hex')}`, '-kdfopt', `iter:${iterations}`, '-kdfopt', `id:${id}`, 'PKCS12KDF');
  return openssl(args);
}

/** PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC (what OpenSSL 3 writes). */
export function sealAes(plaintext: Uint8Array, password: string, iterations: number): Sealed {
  const salt = randomBytes(8);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { algId: pbes2AlgId(salt, iv, iterations), ciphertext };
}

/** PBES2 parameters with random contents: a part refused before any derivation needs no more. */
export function fakeAes(iterations: number, bytes = 64): Sealed {
  return { algId: pbes2AlgId(randomBytes(8), randomBytes(16), iterations), ciphertext: randomBytes(bytes) };
}

function pbes2AlgId(salt: Uint8Array, iv: Uint8Array, iterations: number): asn1js.Sequence {
  const kdf = seq(oid(OID.pbkdf2), seq(octet(salt), new asn1js.Integer({ value: iterations }), seq(oid(OID.hmacSha256), new asn1js.Null())));
  return seq(oid(OID.pbes2), seq(kdf, seq(oid(OID.aes256cbc), octet(iv))));
}

/** pbeWithSHAAnd3-KeyTripleDES-CBC (Windows' classic key encryption). */
export function seal3des(plaintext: Uint8Array, password: string, iterations: number): Sealed {
  const salt = randomBytes(8);
  const key = pkcs12KdfOpenssl('SHA1', password, salt, 1, iterations, 24);
  const iv = pkcs12KdfOpenssl('SHA1', password, salt, 2, iterations, 8);
  const cipher = createCipheriv('des-ede3-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { algId: pbe3desAlgId(salt, iterations), ciphertext };
}

export function fake3des(iterations: number, bytes = 64): Sealed {
  return { algId: pbe3desAlgId(randomBytes(8), iterations), ciphertext: randomBytes(bytes) };
}

function pbe3desAlgId(salt: Uint8Array, iterations: number): asn1js.Sequence {
  return seq(oid(OID.pbeSha1TripleDes), seq(octet(salt), new asn1js.Integer({ value: iterations })));
}

export function certBag(certDer: Uint8Array): asn1js.Sequence {
  return seq(oid(OID.certBag), explicit(seq(oid(OID.x509), explicit(octet(certDer)))));
}

export function shroudedKeyBag(sealed: Sealed): asn1js.Sequence {
  return seq(oid(OID.shroudedKeyBag), explicit(seq(sealed.algId, octet(sealed.ciphertext))));
}

export function safeContents(bags: asn1js.Sequence[]): Uint8Array {
  return der(seq(...bags));
}

/** A part of the AuthenticatedSafe: plain data, or EncryptedData around sealed SafeContents. */
export type Part = { plain: Uint8Array } | { sealed: Sealed };

export interface PfxShape {
  parts: Part[];
  /** No MAC when absent. */
  mac?: { hash: MacHash; iterations: number; password: string; bmpForm?: 'terminated' | 'empty' };
}

export function buildHostilePfx(shape: PfxShape): Uint8Array {
  const contentInfos = shape.parts.map((part) =>
    'plain' in part
      ? seq(oid(OID.data), explicit(octet(part.plain)))
      : seq(
          oid(OID.encryptedData),
          explicit(
            seq(
              new asn1js.Integer({ value: 0 }),
              seq(oid(OID.data), part.sealed.algId, new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: part.sealed.ciphertext })),
            ),
          ),
        ),
  );
  const authSafe = der(seq(...contentInfos));
  const value: asn1js.AsnType[] = [new asn1js.Integer({ value: 3 }), seq(oid(OID.data), explicit(octet(authSafe)))];
  if (shape.mac) {
    const { hash, iterations, password } = shape.mac;
    const salt = randomBytes(8);
    const length = { sha1: 20, sha256: 32, sha512: 64 }[hash];
    const digest = ({ sha1: 'SHA1', sha256: 'SHA256', sha512: 'SHA512' } as const)[hash];
    const key =
      shape.mac.bmpForm === 'empty'
        ? openssl(['kdf', '-keylen', String(length), '-binary', '-kdfopt', `digest:${digest}`, '-kdfopt', 'hexpass:', '-kdfopt', `hexsalt:${salt.toString('hex')}`, '-kdfopt', `iter:${iterations}`, '-kdfopt', 'id:3', 'PKCS12KDF'])
        : pkcs12KdfOpenssl(digest, password, salt, 3, iterations, length);
    const mac = createHmac(hash, key).update(authSafe).digest();
    value.push(seq(seq(seq(oid(HASH_OID[hash]), new asn1js.Null()), octet(mac)), octet(salt), new asn1js.Integer({ value: iterations })));
  }
  return der(new asn1js.Sequence({ value }));
}
