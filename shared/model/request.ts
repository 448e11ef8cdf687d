// The JSON-safe picture of a PKCS#10 certificate request (certreq / New-ExchangeCertificate
// writes these as `NEW CERTIFICATE REQUEST`). The rules read it exactly like a certificate draft.
import type {
  CertificateTemplate,
  DistinguishedName,
  Extension,
  KeyAlgorithm,
  PublicKeyInfo,
  SubjectAltNames,
} from './certificate.js';

export interface RequestModel {
  subject: string;
  subjectName: DistinguishedName;
  commonName: string | null;
  commonNames: string[];
  dnsNames: string[];
  subjectAltNames: SubjectAltNames;
  keyAlgorithm: KeyAlgorithm;
  keySize: number;
  publicKey: PublicKeyInfo;
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  signatureHash: string | null;
  keyUsage: { critical: boolean; usages: string[] } | null;
  extendedKeyUsage: { critical: boolean; oids: string[]; names: string[] } | null;
  template: CertificateTemplate | null;
  /** Requested extensions (extensionRequest attribute), decoded. */
  extensions: Extension[];
  /** Windows enrolment CSP (1.3.6.1.4.1.311.13.2.2), e.g. "Microsoft RSA SChannel Cryptographic Provider". */
  cryptographicProvider?: string;
  /** SHA-256 of the request DER, upper hex. */
  sha256: string;
  /** The self-signature of the request verifies with its own public key. */
  signatureValid: boolean | null;
  /** The request itself as Base64 DER. */
  der: string;
}
