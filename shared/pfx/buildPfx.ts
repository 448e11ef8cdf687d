// Writes a PFX (PKCS#12, RFC 7292) in memory from a certificate, its chain and a PKCS#8 key,
// through pkijs' typed schemas (PFX, AuthenticatedSafe, SafeContents, SafeBag, CertBag,
// EncryptedData, MacData) for the structure and CertBench's own crypto for the contents
// (PBES2 through WebCrypto, 3DES through the legacy adapter, the PKCS#12 KDF for the MAC):
//   PFX { version 3, authSafe = data(AuthenticatedSafe), macData }
//   AuthenticatedSafe = [ encryptedData(SafeContents of CertBags), data(SafeContents of the shrouded key bag) ]
// The leaf certificate and the key carry the same localKeyId (SHA-1 of the certificate) and a
// friendlyName, so Windows and OpenSSL pair them. A key that is not the certificate's is refused.
import * as asn1js from 'asn1js';
import {
  AlgorithmIdentifier,
  Attribute,
  AuthenticatedSafe,
  CertBag,
  ContentInfo,
  DigestInfo,
  EncryptedContentInfo,
  EncryptedData,
  MacData,
  PFX,
  SafeBag,
  SafeContents,
} from 'pkijs';
import { KDF_ID, bmpPassword, pkcs12Kdf } from '../crypto/pkcs12Kdf.js';
import { digest, randomBytes, type HashName } from '../crypto/webcrypto.js';
import { bytes, pbes2Encrypt, shroudedKey, type Sealed } from '../csr/pbes2.js';
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

const bmp = (value: string) => new asn1js.BmpString({ value });
const octet = (value: Uint8Array) => new asn1js.OctetString({ valueHex: bytes(value) });
const der = (schema: asn1js.AsnType) => new Uint8Array(schema.toBER(false));
const attribute = (type: string, value: asn1js.AsnType) => new Attribute({ type, values: [value] });

function certBag(certificateDer: Uint8Array, attributes: Attribute[]): SafeBag {
  const bagValue = new CertBag({ certId: OID_X509_CERTIFICATE, certValue: octet(certificateDer) });
  return new SafeBag({ bagId: OID_CERT_BAG, bagValue, ...(attributes.length > 0 ? { bagAttributes: attributes } : {}) });
}

async function encrypt(profile: PfxProfile, plaintext: Uint8Array, password: string, iterations: number): Promise<Sealed> {
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
  const leafAttributes = [attribute(OID_FRIENDLY_NAME, bmp(friendlyName)), attribute(OID_LOCAL_KEY_ID, octet(localKeyId))];

  // Certificates: leaf first with its attributes, then the chain (skipping a repeat of the leaf).
  const certBags = [certBag(leaf.der, leafAttributes), ...chain.filter((c) => c.model.thumbprint !== leaf.model.thumbprint).map((c) => certBag(c.der, []))];
  const certEnc = await encrypt(input.profile, der(new SafeContents({ safeBags: certBags }).toSchema()), input.password, iterations);
  const certPart = new EncryptedData({
    version: 0,
    encryptedContentInfo: new EncryptedContentInfo({
      contentType: OID_DATA,
      contentEncryptionAlgorithm: certEnc.algorithm,
      encryptedContent: octet(certEnc.ciphertext),
      disableSplit: true, // DER: one primitive OCTET STRING, not 1,024-byte pieces
    }),
  });

  // The key: an EncryptedPrivateKeyInfo in a pkcs8ShroudedKeyBag.
  const keyEnc = await encrypt(input.profile, input.pkcs8, input.password, iterations);
  const keyAttributes = [...leafAttributes];
  if (leaf.publicKey.algorithm === 'RSA') keyAttributes.push(attribute(OID_MS_CSP_NAME, bmp(LEGACY_RSA_CSP)));
  const keyBag = new SafeBag({ bagId: OID_SHROUDED_KEY_BAG, bagValue: shroudedKey(keyEnc), bagAttributes: keyAttributes });
  const keyContents = der(new SafeContents({ safeBags: [keyBag] }).toSchema());

  const authSafe = der(
    new AuthenticatedSafe({
      safeContents: [
        new ContentInfo({ contentType: OID_ENCRYPTED_DATA, content: certPart.toSchema() }),
        new ContentInfo({ contentType: OID_DATA, content: octet(keyContents) }),
      ],
    }).toSchema(),
  );

  // MAC over the AuthenticatedSafe bytes, keyed by the PKCS#12 KDF (ID 3) — also for the modern
  // profile: that is what OpenSSL 3 and Windows expect for an HMAC-SHA256 PFX MAC.
  const mac = MAC_ALGORITHMS[input.profile];
  const macSalt = randomBytes(8); // 8 bytes, as OpenSSL and Windows write it
  const password = bmpPassword(input.password);
  const macKey = pkcs12Kdf(mac.hash, password, macSalt, KDF_ID.mac, iterations, mac.length);
  password.fill(0);
  const subtle = globalThis.crypto.subtle;
  const hmacKey = await subtle.importKey('raw', bytes(macKey), { name: 'HMAC', hash: mac.hash }, false, ['sign']);
  macKey.fill(0);
  const macValue = new Uint8Array(await subtle.sign('HMAC', hmacKey, bytes(authSafe)));

  const pfx = new PFX({
    version: 3,
    authSafe: new ContentInfo({ contentType: OID_DATA, content: octet(authSafe) }),
    macData: new MacData({
      mac: new DigestInfo({ digestAlgorithm: new AlgorithmIdentifier({ algorithmId: mac.oid, algorithmParams: new asn1js.Null() }), digest: octet(macValue) }),
      macSalt: octet(macSalt),
      iterations,
    }),
  });
  return { der: der(pfx.toSchema()), friendlyName, thumbprint: leaf.model.thumbprint, chainLength: certBags.length - 1 };
}
