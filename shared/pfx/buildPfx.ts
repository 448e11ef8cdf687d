// Writes a PFX (PKCS#12, RFC 7292) in memory from a certificate, its chain and a PKCS#8 key:
//   PFX { version 3, authSafe = data(AuthenticatedSafe), macData }
//   AuthenticatedSafe = [ encryptedData(SafeContents of CertBags), data(SafeContents of the shrouded key bag) ]
// The leaf certificate and the key carry the same localKeyId (SHA-1 of the certificate) and a
// friendlyName, so Windows and OpenSSL pair them. A key that is not the certificate's is refused.
import * as asn1js from 'asn1js';
import { KDF_ID, bmpPassword, pkcs12Kdf } from '../crypto/pkcs12Kdf.js';
import { digest, randomBytes, type HashName } from '../crypto/webcrypto.js';
import { bytes, pbes2Encrypt } from '../csr/pbes2.js';
import { parseCertificate, type ParsedCertificate } from '../x509/certificate.js';
import { keyMatchesCertificate } from './keyMatch.js';
import { pbe3desEncrypt } from './pbe3des.js';
import { PfxError } from './pfxError.js';
import { PFX_ITERATIONS, type PfxProfile } from './profiles.js';

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const OID_X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const OID_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const OID_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
/** Windows stores the CSP name with the key; it makes Windows import RSA keys into a legacy CSP (WIN-01, GEN-L8). */
const OID_MS_CSP_NAME = '1.3.6.1.4.1.311.17.1';
const LEGACY_RSA_CSP = 'Microsoft RSA SChannel Cryptographic Provider';
const MAC_ALGORITHMS: Record<PfxProfile, { hash: HashName; oid: string; length: number }> = {
  modern: { hash: 'SHA-256', oid: '2.16.840.1.101.3.4.2.1', length: 32 },
  legacy: { hash: 'SHA-1', oid: '1.3.14.3.2.26', length: 20 },
};

export interface PfxInput {
  /** The issued certificate, DER. */
  certificate: Uint8Array;
  /** Intermediate (and optionally root) certificates, DER. */
  chain?: Uint8Array[];
  /** The private key as PKCS#8 PrivateKeyInfo DER (already decrypted, held in memory only). */
  pkcs8: Uint8Array;
  /** The PFX password; an empty one is refused. */
  password: string;
  profile: PfxProfile;
  /** Windows "Friendly Name"; defaults to the certificate CN. */
  friendlyName?: string;
  iterations?: number;
}

export interface BuiltPfx {
  der: Uint8Array;
  friendlyName: string;
  /** SHA-1 thumbprint of the certificate (40 upper hex). */
  thumbprint: string;
  chainLength: number;
}

const ctx = (tagNumber: number, value: asn1js.AsnType[]): asn1js.Constructed =>
  new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value });
const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const octet = (value: Uint8Array) => new asn1js.OctetString({ valueHex: bytes(value) });
const der = (node: asn1js.AsnType) => new Uint8Array(node.toBER(false));

function attribute(type: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({ value: [oid(type), new asn1js.Set({ value: [value] })] });
}

function safeBag(bagId: string, value: asn1js.AsnType, attributes: asn1js.Sequence[]): asn1js.Sequence {
  const parts: asn1js.AsnType[] = [oid(bagId), ctx(0, [value])];
  if (attributes.length > 0) parts.push(new asn1js.Set({ value: attributes }));
  return new asn1js.Sequence({ value: parts });
}

async function encrypt(profile: PfxProfile, plaintext: Uint8Array, password: string, iterations: number) {
  return profile === 'modern'
    ? pbes2Encrypt(plaintext, new TextEncoder().encode(password), iterations)
    : pbe3desEncrypt(plaintext, password, iterations);
}

async function parse(derBytes: Uint8Array, what: string): Promise<ParsedCertificate> {
  try {
    return await parseCertificate(derBytes);
  } catch {
    throw new PfxError(what === 'certificate' ? 'bad-certificate' : 'bad-chain', `The ${what} is not a readable X.509 certificate.`);
  }
}

export async function buildPfx(input: PfxInput): Promise<BuiltPfx> {
  if (input.password === '') {
    throw new PfxError('empty-password', 'The PFX password is empty; give one with --password-env or --password-file.');
  }
  const iterations = input.iterations ?? PFX_ITERATIONS[input.profile];
  const leaf = await parse(input.certificate, 'certificate');
  const chain = await Promise.all((input.chain ?? []).map((c, i) => parse(c, `chain certificate ${i + 1}`)));
  if (!(await keyMatchesCertificate(input.pkcs8, leaf.publicKey))) {
    throw new PfxError(
      'key-mismatch',
      `The private key does not belong to the certificate ${leaf.model.thumbprint} (${leaf.model.subject}); give the key the request was made with.`,
    );
  }
  const friendlyName = input.friendlyName ?? leaf.model.commonName ?? leaf.model.thumbprint;
  const localKeyId = await digest('SHA-1', leaf.der);
  const leafAttributes = [
    attribute(OID_FRIENDLY_NAME, new asn1js.BmpString({ value: friendlyName })),
    attribute(OID_LOCAL_KEY_ID, octet(localKeyId)),
  ];

  // Certificates: leaf first with its attributes, then the chain (skipping a repeat of the leaf).
  const certBags = [
    safeBag(OID_CERT_BAG, new asn1js.Sequence({ value: [oid(OID_X509_CERTIFICATE), ctx(0, [octet(leaf.der)])] }), leafAttributes),
    ...chain
      .filter((c) => c.model.thumbprint !== leaf.model.thumbprint)
      .map((c) => safeBag(OID_CERT_BAG, new asn1js.Sequence({ value: [oid(OID_X509_CERTIFICATE), ctx(0, [octet(c.der)])] }), [])),
  ];
  const certContents = der(new asn1js.Sequence({ value: certBags }));
  const certEnc = await encrypt(input.profile, certContents, input.password, iterations);
  const encryptedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Sequence({
        value: [
          oid(OID_DATA),
          certEnc.algorithm,
          new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: bytes(certEnc.ciphertext) }),
        ],
      }),
    ],
  });

  // The key: an EncryptedPrivateKeyInfo in a pkcs8ShroudedKeyBag.
  const keyEnc = await encrypt(input.profile, input.pkcs8, input.password, iterations);
  const keyAttributes = [...leafAttributes];
  if (leaf.publicKey.algorithm === 'RSA') keyAttributes.push(attribute(OID_MS_CSP_NAME, new asn1js.BmpString({ value: LEGACY_RSA_CSP })));
  const keyBag = safeBag(OID_SHROUDED_KEY_BAG, new asn1js.Sequence({ value: [keyEnc.algorithm, octet(keyEnc.ciphertext)] }), keyAttributes);
  const keyContents = der(new asn1js.Sequence({ value: [keyBag] }));

  const authSafe = der(
    new asn1js.Sequence({
      value: [
        new asn1js.Sequence({ value: [oid(OID_ENCRYPTED_DATA), ctx(0, [encryptedData])] }),
        new asn1js.Sequence({ value: [oid(OID_DATA), ctx(0, [octet(keyContents)])] }),
      ],
    }),
  );

  // MAC over the AuthenticatedSafe bytes, keyed by the PKCS#12 KDF (ID 3) — also for the modern
  // profile: that is what OpenSSL 3 and Windows expect for an HMAC-SHA256 PFX MAC.
  const mac = MAC_ALGORITHMS[input.profile];
  const macSalt = randomBytes(8); // 8 bytes, as OpenSSL and Windows write it
  const macKey = pkcs12Kdf(mac.hash, bmpPassword(input.password), macSalt, KDF_ID.mac, iterations, mac.length);
  const subtle = globalThis.crypto.subtle;
  const hmacKey = await subtle.importKey('raw', bytes(macKey), { name: 'HMAC', hash: mac.hash }, false, ['sign']);
  const macValue = new Uint8Array(await subtle.sign('HMAC', hmacKey, bytes(authSafe)));
  macKey.fill(0);

  const pfx = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 3 }),
      new asn1js.Sequence({ value: [oid(OID_DATA), ctx(0, [octet(authSafe)])] }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [oid(mac.oid), new asn1js.Null()] }), octet(macValue)] }),
          octet(macSalt),
          new asn1js.Integer({ value: iterations }),
        ],
      }),
    ],
  });
  return { der: der(pfx), friendlyName, thumbprint: leaf.model.thumbprint, chainLength: certBags.length - 1 };
}
