// One DER certificate → CertificateModel. A lean walk over the DER (no schema matching):
// opening a folder of thousands of certificates must stay as fast as the native parser.
import { Asn1Error, TAG, TagClass, children, encoding, readRoot, type Tlv } from '../asn1/der.js';
import { readIntegerHex, readSmallInteger, readTime } from '../asn1/values.js';
import { digestSync } from '../crypto/digestEngine.js';
import { bytesEqual, toHex } from '../encoding/hex.js';
import { toBase64 } from '../encoding/base64.js';
import type { CertificateModel } from '../model/certificate.js';
import type { CertificateListing } from '../model/listing.js';
import { readSignatureAlgorithm } from './algorithms.js';
import { emptyExtensions, LISTED_EXTENSIONS, readExtensions, type DecodedExtensions } from './extensions.js';
import { allValues, lastValue, readName } from './name.js';
import { OID } from './oidNames.js';
import { publicKeyInfo, readPublicKey, type ParsedPublicKey } from './publicKey.js';

/** What the decoder keeps next to a model: the key material used to match private keys. */
export interface ParsedCertificate {
  model: CertificateModel;
  publicKey: ParsedPublicKey;
  der: Uint8Array;
}

/** The parts of a certificate, located and type-checked; shared by the full parse and the listing. */
interface CertificateParts {
  der: Uint8Array;
  version: number;
  serialTlv: Tlv;
  issuerTlv: Tlv;
  validity: Tlv[];
  subjectTlv: Tlv;
  spkiTlv: Tlv;
  sigAlg: Tlv;
  extensionsTlv: Tlv | undefined;
}

function locateParts(input: Uint8Array): CertificateParts {
  const root = readRoot(input);
  if (root.tagNumber !== TAG.SEQUENCE || !root.constructed) throw new Asn1Error('malformed', 'a certificate is not a SEQUENCE');
  // Bytes after the certificate are ignored, as OpenSSL does: the thumbprint covers the certificate only.
  const der = root.totalEnd === input.length ? input : input.subarray(0, root.totalEnd);
  const [tbs, sigAlg, sigValue] = children(root);
  if (!tbs || !sigAlg || !sigValue || tbs.tagNumber !== TAG.SEQUENCE) throw new Asn1Error('malformed', 'a certificate is missing its signed part');

  const fields = children(tbs);
  let i = 0;
  let version = 1;
  if (fields[0] && fields[0].tagClass === TagClass.Context && fields[0].tagNumber === 0) {
    version = readSmallInteger(children(fields[0])[0]!) + 1;
    i++;
  }
  const serialTlv = need(fields[i++], TAG.INTEGER, 'the serial number');
  i++; // inner signature AlgorithmIdentifier (must equal the outer one; OpenSSL does not check at parse time)
  const issuerTlv = need(fields[i++], TAG.SEQUENCE, 'the issuer');
  const validity = children(need(fields[i++], TAG.SEQUENCE, 'the validity'));
  const subjectTlv = need(fields[i++], TAG.SEQUENCE, 'the subject');
  const spkiTlv = need(fields[i++], TAG.SEQUENCE, 'the public key');
  let extensionsTlv: Tlv | undefined;
  for (; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.tagClass === TagClass.Context && f.tagNumber === 3) extensionsTlv = children(f)[0] ?? extensionsTlv;
  }
  return { der, version, serialTlv, issuerTlv, validity, subjectTlv, spkiTlv, sigAlg, extensionsTlv };
}

export async function parseCertificate(input: Uint8Array): Promise<ParsedCertificate> {
  const { der, version, serialTlv, issuerTlv, validity, subjectTlv, spkiTlv, sigAlg, extensionsTlv } = locateParts(input);
  const extensions = extensionsTlv ? readExtensions(extensionsTlv) : emptyExtensions();
  const subjectName = readName(subjectTlv);
  const issuerName = readName(issuerTlv);
  const publicKey = readPublicKey(spkiTlv);
  const sig = readSignatureAlgorithm(sigAlg);
  const sha1 = digestSync('SHA-1', der);
  const sha256 = digestSync('SHA-256', der);
  const spkiSha256 = digestSync('SHA-256', publicKey.spki);

  const model: CertificateModel = {
    version,
    subject: subjectName.text,
    subjectName,
    commonName: lastValue(subjectName, OID.commonName),
    commonNames: allValues(subjectName, OID.commonName),
    issuer: issuerName.text,
    issuerName,
    issuerCommonName: lastValue(issuerName, OID.commonName),
    serialNumber: readIntegerHex(serialTlv),
    thumbprint: toHex(sha1),
    sha256: toHex(sha256),
    notBefore: readTime(validity[0]!),
    notAfter: readTime(validity[1]!),
    dnsNames: extensions.subjectAltNames.dns,
    subjectAltNames: extensions.subjectAltNames,
    keyAlgorithm: publicKey.algorithm,
    keySize: publicKey.size,
    publicKey: publicKeyInfo(publicKey, toHex(spkiSha256)),
    signatureAlgorithm: sig.name,
    signatureAlgorithmOid: sig.oid,
    signatureHash: sig.hash,
    selfSigned: isSelfSigned(issuerTlv, subjectTlv, extensions),
    isCA: extensions.basicConstraints?.ca === true,
    basicConstraints: extensions.basicConstraints,
    keyUsage: extensions.keyUsage,
    extendedKeyUsage: extensions.extendedKeyUsage,
    crlDistributionPoints: extensions.crlDistributionPoints,
    authorityInfoAccess: extensions.authorityInfoAccess,
    subjectKeyIdentifier: extensions.subjectKeyIdentifier,
    authorityKeyIdentifier: extensions.authorityKeyIdentifier,
    template: extensions.template,
    extensions: extensions.extensions,
    hasPrivateKey: false,
    der: toBase64(der),
  };
  return { model, publicKey, der };
}

/**
 * The listing of one certificate: what parseCertificate gives for these fields, at about a
 * third of the cost (no SHA-256, no Base64, only the extensions a list needs). Every part
 * that can make parseCertificate refuse a file is still read, so both accept the same files.
 */
export function listCertificate(input: Uint8Array): CertificateListing {
  const { der, serialTlv, issuerTlv, validity, subjectTlv, spkiTlv, sigAlg, extensionsTlv } = locateParts(input);
  const extensions = extensionsTlv ? readExtensions(extensionsTlv, LISTED_EXTENSIONS) : emptyExtensions();
  const subjectName = readName(subjectTlv);
  const issuerName = readName(issuerTlv);
  readPublicKey(spkiTlv);
  readSignatureAlgorithm(sigAlg);
  readIntegerHex(serialTlv);
  return {
    thumbprint: toHex(digestSync('SHA-1', der)),
    subject: subjectName.text,
    commonName: lastValue(subjectName, OID.commonName),
    commonNames: allValues(subjectName, OID.commonName),
    dnsNames: extensions.subjectAltNames.dns,
    subjectKey: subjectName.rfc4514,
    issuerKey: issuerName.rfc4514,
    subjectKeyIdentifier: extensions.subjectKeyIdentifier,
    authorityKeyIdentifier: extensions.authorityKeyIdentifier,
    notBefore: readTime(validity[0]!),
    notAfter: readTime(validity[1]!),
    isCA: extensions.basicConstraints?.ca === true,
    selfSigned: isSelfSigned(issuerTlv, subjectTlv, extensions),
    hasPrivateKey: false,
  };
}

function isSelfSigned(issuerTlv: Tlv, subjectTlv: Tlv, extensions: DecodedExtensions): boolean {
  return (
    bytesEqual(encoding(issuerTlv), encoding(subjectTlv)) &&
    (extensions.authorityKeyIdentifier === null ||
      extensions.subjectKeyIdentifier === null ||
      extensions.authorityKeyIdentifier === extensions.subjectKeyIdentifier)
  );
}

function need(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || tlv.tagClass !== TagClass.Universal || tlv.tagNumber !== tag) {
    throw new Asn1Error('malformed', `the certificate's ${what.replace(/^the /, '')} is missing or damaged`);
  }
  return tlv;
}
