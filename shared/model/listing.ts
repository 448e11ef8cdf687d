// What a list of open files needs of each one: names, SHA-1 thumbprint, validity, what the
// file holds, and the names and key ids that link a chain. Opening a folder of thousands of
// certificates produces only this (shared/x509/decode.ts listDocument); the full model is
// decoded when a file is inspected or checked.
import type { DecodedDocument, DocumentKind } from './document.js';

export interface CertificateListing {
  /** SHA-1, 40 upper-case hex characters, as Windows shows it. */
  thumbprint: string;
  subject: string;
  commonName: string | null;
  commonNames: string[];
  /** SAN DNS names, in order. */
  dnsNames: string[];
  /** RFC 4514 subject and issuer: equal strings mean equal names. */
  subjectKey: string;
  issuerKey: string;
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  notBefore: string;
  notAfter: string;
  isCA: boolean;
  selfSigned: boolean;
  hasPrivateKey: boolean;
}

export interface DocumentListing {
  kind: DocumentKind;
  certificates: CertificateListing[];
  request: { commonName: string | null; subject: string; commonNames: string[]; dnsNames: string[] } | null;
  keyCount: number;
  hasPrivateKey: boolean;
}

/** The listing of a fully decoded file (the same fields the lean path reads). */
export function listingOf(document: DecodedDocument): DocumentListing {
  const request = document.request;
  return {
    kind: document.kind,
    certificates: document.certificates.map((c) => ({
      thumbprint: c.thumbprint,
      subject: c.subject,
      commonName: c.commonName,
      commonNames: c.commonNames,
      dnsNames: c.subjectAltNames.dns,
      subjectKey: c.subjectName.rfc4514,
      issuerKey: c.issuerName.rfc4514,
      subjectKeyIdentifier: c.subjectKeyIdentifier,
      authorityKeyIdentifier: c.authorityKeyIdentifier,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      isCA: c.isCA,
      selfSigned: c.selfSigned,
      hasPrivateKey: c.hasPrivateKey,
    })),
    request: request ? { commonName: request.commonName, subject: request.subject, commonNames: request.commonNames, dnsNames: request.dnsNames } : null,
    keyCount: document.keys.length,
    hasPrivateKey: document.hasPrivateKey,
  };
}
