// What the Documents pane needs of an open file, and no more. The worker keeps the decoded
// models and sends the window one small summary per file: a folder of 5,000 certificates is
// about 2 MB to copy across instead of 20 MB, and the inspector asks for the full model of the
// file it shows (DecoderService.details).
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument, DocumentKind } from '../../shared/model/document.js';

export interface CertificateSummary {
  /** SHA-1, 40 upper-case hex characters, as Windows shows it. */
  thumbprint: string;
  sha256: string;
  /** CN, else the first DNS name, else the subject. */
  name: string;
  commonNames: string[];
  dnsNames: string[];
  notBefore: string;
  notAfter: string;
  isCA: boolean;
  hasPrivateKey: boolean;
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
}

/** The end-entity certificate: the one with its key, else the first that is not a CA. */
export function primaryCertificateIndex(certificates: readonly Pick<CertificateModel, 'hasPrivateKey' | 'isCA'>[]): number {
  if (certificates.length === 0) return -1;
  const withKey = certificates.findIndex((c) => c.hasPrivateKey);
  if (withKey >= 0) return withKey;
  const leaf = certificates.findIndex((c) => !c.isCA);
  return leaf >= 0 ? leaf : 0;
}

export function displayName(cert: Pick<CertificateModel, 'commonName' | 'subjectAltNames' | 'subject'>): string {
  return cert.commonName ?? cert.subjectAltNames.dns[0] ?? cert.subject ?? '(no subject)';
}

export function summarizeDocument(document: DecodedDocument): DocumentSummary {
  const primaryIndex = primaryCertificateIndex(document.certificates);
  const request = document.request;
  const certificates = document.certificates.map(
    (cert): CertificateSummary => ({
      thumbprint: cert.thumbprint,
      sha256: cert.sha256,
      name: displayName(cert),
      commonNames: cert.commonNames,
      dnsNames: cert.subjectAltNames.dns,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      isCA: cert.isCA,
      hasPrivateKey: cert.hasPrivateKey,
    }),
  );
  const keyCount = document.keys.length;
  const headline = request
    ? (request.commonName ?? request.subject ?? '(no subject)')
    : primaryIndex >= 0
      ? certificates[primaryIndex]!.name
      : keyCount > 0
        ? `${keyCount} private key${keyCount === 1 ? '' : 's'}`
        : 'empty';
  return {
    kind: document.kind,
    headline,
    certificates,
    request: request ? { commonNames: request.commonNames, dnsNames: request.dnsNames } : null,
    keyCount,
    hasPrivateKey: document.hasPrivateKey,
    primaryIndex,
  };
}
