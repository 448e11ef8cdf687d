// What the Documents pane needs of an open file, and no more. The worker lists each file
// (shared/x509/decode.ts listDocument: a lean parse for plain certificates) and sends the
// window one small summary per file; the inspector asks for the full model of the file it
// shows (DecoderService.details).
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DocumentKind } from '../../shared/model/document.js';
import type { DocumentListing } from '../../shared/model/listing.js';
import type { CrlSummary } from '../crl/crlService.js';

export interface CertificateSummary {
  /** SHA-1, 40 upper-case hex characters, as Windows shows it. */
  thumbprint: string;
  /** CN, else the first DNS name, else the subject. */
  name: string;
  commonNames: string[];
  dnsNames: string[];
  notBefore: string;
  notAfter: string;
  isCA: boolean;
  hasPrivateKey: boolean;
  /** The issuer's CN (else its whole name), for the list's issuer filter and sort. */
  issuer: string;
}

export interface DocumentSummary {
  kind: DocumentKind;
  /** One line for the list: the shown certificate's or the request's name. */
  headline: string;
  certificates: CertificateSummary[];
  /** The request's names, when the file is a certificate request. */
  request: { commonNames: string[]; dnsNames: string[] } | null;
  keyCount: number;
  hasPrivateKey: boolean;
  /** The certificate shown first: the one with its key, else the first that is not a CA (-1: none). */
  primaryIndex: number;
  /** A certificate revocation list (kind `crl`): what the list and the inspector show of it. */
  crl?: CrlSummary;
}

/** The end-entity certificate: the one with its key, else the first that is not a CA. */
export function primaryCertificateIndex(certificates: readonly Pick<CertificateModel, 'hasPrivateKey' | 'isCA'>[]): number {
  if (certificates.length === 0) return -1;
  const withKey = certificates.findIndex((c) => c.hasPrivateKey);
  if (withKey >= 0) return withKey;
  const leaf = certificates.findIndex((c) => !c.isCA);
  return leaf >= 0 ? leaf : 0;
}

/** CN, else the first DNS name, else the subject. */
export function displayName(cert: { commonName: string | null; subject: string; dnsNames: readonly string[] }): string {
  return cert.commonName ?? cert.dnsNames[0] ?? cert.subject ?? '(no subject)';
}

/**
 * The issuer's most specific CN from its RFC 4514 text ("CN=Contoso Issuing CA,DC=contoso,DC=com"
 * → "Contoso Issuing CA"; RFC 4514 writes the most specific RDN first), else the whole name.
 */
export function issuerName(rfc4514: string): string {
  const match = /(?:^|[,+])\s*CN=((?:\\.|[^,+\\])*)/i.exec(rfc4514);
  if (!match) return rfc4514 || '(no issuer name)';
  return match[1]!.replace(/\\([0-9a-fA-F]{2}|.)/g, (_, c: string) => (c.length === 2 ? String.fromCharCode(parseInt(c, 16)) : c)).trim();
}

export function summarizeListing(listing: DocumentListing): DocumentSummary {
  const primaryIndex = primaryCertificateIndex(listing.certificates);
  const request = listing.request;
  const certificates = listing.certificates.map(
    (cert): CertificateSummary => ({
      thumbprint: cert.thumbprint,
      name: displayName(cert),
      commonNames: cert.commonNames,
      dnsNames: cert.dnsNames,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      isCA: cert.isCA,
      hasPrivateKey: cert.hasPrivateKey,
      issuer: issuerName(cert.issuerKey),
    }),
  );
  const keyCount = listing.keyCount;
  const headline = request
    ? (request.commonName ?? request.subject ?? '(no subject)')
    : primaryIndex >= 0
      ? certificates[primaryIndex]!.name
      : keyCount > 0
        ? `${keyCount} private key${keyCount === 1 ? '' : 's'}`
        : 'empty';
  return {
    kind: listing.kind,
    headline,
    certificates,
    request: request ? { commonNames: request.commonNames, dnsNames: request.dnsNames } : null,
    keyCount,
    hasPrivateKey: listing.hasPrivateKey,
    primaryIndex,
  };
}
