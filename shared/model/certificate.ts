// The JSON-safe picture of one X.509 certificate: everything the inspector shows and the
// rules read. Private key bytes never enter it; `hasPrivateKey` only says one was found.

/** One attribute of a distinguished name, e.g. { type: 'CN', oid: '2.5.4.3', value: 'ex1.contoso.com' }. */
export interface NameAttribute {
  /** Short name as Windows shows it (CN, OU, O, L, S, C, E, DC, …) or the dotted OID. */
  type: string;
  oid: string;
  value: string;
}

/** A distinguished name: RDNs in DER order (most general first, as in the certificate). */
export interface DistinguishedName {
  /** Windows / Exchange form: most specific first, `CN=ex1.contoso.com, O=Contoso, C=US`. */
  text: string;
  /** RFC 4514 form, as `openssl x509 -nameopt RFC2253` prints it. */
  rfc4514: string;
  rdns: NameAttribute[][];
}

export interface SubjectAltNames {
  dns: string[];
  ip: string[];
  email: string[];
  uri: string[];
  /** Microsoft User Principal Name (otherName 1.3.6.1.4.1.311.20.2.3). */
  upn: string[];
  directoryNames: string[];
  /** Anything else, as `type:value` text. */
  other: string[];
}

export type KeyAlgorithm = 'RSA' | 'EC' | 'DSA' | 'Ed25519' | 'Ed448' | 'unknown';

export interface PublicKeyInfo {
  algorithm: KeyAlgorithm;
  /** RSA modulus bits; EC curve size in bits. 0 when unknown. */
  size: number;
  /** EC curve name (P-256, P-384, P-521, or the OID). */
  curve?: string;
  /** RSA public exponent as a decimal string. */
  exponent?: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER, upper hex: used to match keys to certificates. */
  spkiSha256: string;
}

export interface Extension {
  oid: string;
  /** Human name ("Subject Alternative Name") or the OID. */
  name: string;
  critical: boolean;
  /** Decoded, human-readable lines. */
  lines: string[];
}

export interface CertificateTemplate {
  /** v1 template name (1.3.6.1.4.1.311.20.2), e.g. `WebServer`. */
  name?: string;
  /** v2 template OID (1.3.6.1.4.1.311.21.7). */
  oid?: string;
  majorVersion?: number;
  minorVersion?: number;
}

export interface CertificateModel {
  version: number;
  /** Windows / Exchange subject text, most specific RDN first. */
  subject: string;
  subjectName: DistinguishedName;
  /** The most specific CN (what Windows and Lync read), or null. */
  commonName: string | null;
  /** All CN values in DER order (a certificate may carry several). */
  commonNames: string[];
  issuer: string;
  issuerName: DistinguishedName;
  issuerCommonName: string | null;
  /** Serial as Windows shows it: the DER integer bytes, upper hex, no separators. */
  serialNumber: string;
  /** SHA-1 of the DER, 40 upper-case hex: exactly as Get-ExchangeCertificate shows. */
  thumbprint: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  /** SAN DNS entries in certificate order (shortcut for subjectAltNames.dns). */
  dnsNames: string[];
  subjectAltNames: SubjectAltNames;
  keyAlgorithm: KeyAlgorithm;
  keySize: number;
  publicKey: PublicKeyInfo;
  /** OpenSSL-style name: sha256WithRSAEncryption, ecdsa-with-SHA256, rsassaPss, … */
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  /** Hash used by the signature (SHA-1, SHA-256, …), or null when unknown. */
  signatureHash: string | null;
  /** Issuer equals subject (and the key identifiers, when present, agree). */
  selfSigned: boolean;
  isCA: boolean;
  basicConstraints: { critical: boolean; ca: boolean; pathLength: number | null } | null;
  keyUsage: { critical: boolean; usages: string[] } | null;
  /** Present only when the certificate has the extension. */
  extendedKeyUsage: { critical: boolean; oids: string[]; names: string[] } | null;
  crlDistributionPoints: string[];
  authorityInfoAccess: { ocsp: string[]; caIssuers: string[] };
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  template: CertificateTemplate | null;
  extensions: Extension[];
  /** A private key in the same file matches this certificate's public key. */
  hasPrivateKey: boolean;
  /** PFX friendly name (Windows "Friendly Name"), when the container carried one. */
  friendlyName?: string;
  /** The certificate itself as Base64 DER (Raw tab, chain building, exports). */
  der: string;
}
