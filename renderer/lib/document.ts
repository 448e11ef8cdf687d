// Naming what a file holds, and PEM text for the Raw tab.
import type { DocumentKind } from '../../shared/model/document.js';

export { displayName, primaryCertificateIndex } from './documentSummary.js';

const KIND_LABEL: Record<DocumentKind, string> = {
  certificate: 'Certificate',
  bundle: 'PEM bundle',
  pkcs7: 'PKCS#7 chain',
  pkcs12: 'PFX',
  request: 'Request',
  'private-key': 'Private key',
  crl: 'Revocation list (CRL)',
};

export function kindLabel(kind: DocumentKind): string {
  return KIND_LABEL[kind] ?? kind;
}

/** PEM text of a certificate from its Base64 DER. */
export function toPem(derBase64: string, label = 'CERTIFICATE'): string {
  const lines = derBase64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
