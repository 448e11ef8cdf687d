// A file name for a certificate that names the certificate, not the file it came out of: a CA
// certificate saved from a PFX is "Contoso Issuing CA.cer", not "um.cer". Characters Windows
// refuses in a file name are replaced; a wildcard becomes "wildcard.".
import type { CertificateModel } from '../model/certificate.js';

export function certificateBaseName(certificate: Pick<CertificateModel, 'commonName' | 'dnsNames' | 'thumbprint'>): string {
  const name = (certificate.commonName ?? certificate.dnsNames[0] ?? certificate.thumbprint)
    .replace(/^\*\./, 'wildcard.')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return name.slice(0, 120) || certificate.thumbprint;
}
