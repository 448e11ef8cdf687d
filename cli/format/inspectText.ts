// The human form of `certbench inspect`: one readable block per certificate.
import { validityWords } from '../../shared/dates/daysLeft.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { RequestModel } from '../../shared/model/request.js';

const KIND_LABEL: Record<DecodedDocument['kind'], string> = {
  certificate: 'certificate',
  bundle: 'PEM bundle',
  pkcs7: 'PKCS#7 chain (P7B)',
  pkcs12: 'PFX / PKCS#12',
  request: 'certificate request (PKCS#10)',
  'private-key': 'private key',
  crl: 'certificate revocation list',
};

export function documentText(file: string, doc: DecodedDocument, at: Date): string {
  const lines: string[] = [];
  const parts = [KIND_LABEL[doc.kind], doc.encoding.toUpperCase()];
  if (doc.container) {
    const ciphers = [...new Set(doc.container.protections.map((p) => `${p.part}: ${p.cipher}, ${p.iterations.toLocaleString('en-US')} iterations`))];
    parts.push(`${ciphers.join('; ')}; MAC ${doc.container.mac}`);
  }
  lines.push(`${file}  (${parts.join(' · ')})`);
  doc.certificates.forEach((c, i) => {
    lines.push('', `  Certificate ${i + 1} of ${doc.certificates.length}${c.isCA ? ' (CA)' : ''}`);
    lines.push(...certificateLines(c, at).map((l) => '    ' + l));
  });
  if (doc.request) {
    lines.push('', '  Certificate request');
    lines.push(...requestLines(doc.request).map((l) => '    ' + l));
  }
  for (const k of doc.keys) {
    const where = k.locked ? 'encrypted, not opened' : k.certificateIndex === null ? 'matches no certificate in the file' : `belongs to certificate ${k.certificateIndex + 1}`;
    lines.push('', `  Private key: ${k.algorithm}${k.size ? ' ' + k.size : ''}${k.curve ? ' (' + k.curve + ')' : ''}, ${where}${k.provider ? `; provider ${k.provider}` : ''}`);
  }
  for (const n of doc.notes) lines.push('', `  Note: ${n}`);
  return lines.join('\n') + '\n';
}

function certificateLines(c: CertificateModel, at: Date): string[] {
  // The core's words, the same the app and the report show for the same instant.
  const validity = validityWords(c.notBefore, c.notAfter, at);
  const row = (label: string, value: string) => `${label.padEnd(15)}${value}`;
  const out = [
    row('Subject', c.subject || '(empty)'),
    row('Issuer', c.issuer || '(empty)'),
  ];
  const san = sanText(c.subjectAltNames);
  if (san) out.push(row('SAN', san));
  out.push(
    row('Thumbprint', c.thumbprint),
    row('SHA-256', c.sha256),
    row('Serial', c.serialNumber),
    row('Valid', `${c.notBefore} → ${c.notAfter} (${validity})`),
    row('Key', `${c.keyAlgorithm} ${c.keySize}${c.publicKey.curve ? ' ' + c.publicKey.curve : ''}${c.hasPrivateKey ? ' · private key present' : ''}`),
    row('Signature', c.signatureAlgorithm),
  );
  if (c.keyUsage) out.push(row('Key usage', c.keyUsage.usages.join(', ')));
  if (c.extendedKeyUsage) out.push(row('EKU', c.extendedKeyUsage.names.join(', ')));
  if (c.template) out.push(row('Template', [c.template.name, c.template.oid].filter(Boolean).join(' / ')));
  if (c.friendlyName) out.push(row('Friendly name', c.friendlyName));
  if (c.crlDistributionPoints.length) out.push(row('CRL', c.crlDistributionPoints.join(', ')));
  if (c.authorityInfoAccess.caIssuers.length || c.authorityInfoAccess.ocsp.length) {
    out.push(row('AIA', [...c.authorityInfoAccess.caIssuers, ...c.authorityInfoAccess.ocsp.map((o) => `OCSP ${o}`)].join(', ')));
  }
  out.push(row('Self-signed', `${c.selfSigned ? 'yes' : 'no'} · CA: ${c.isCA ? 'yes' : 'no'}`));
  return out;
}

function requestLines(r: RequestModel): string[] {
  const row = (label: string, value: string) => `${label.padEnd(15)}${value}`;
  const out = [row('Subject', r.subject || '(empty)')];
  const san = sanText(r.subjectAltNames);
  if (san) out.push(row('SAN', san));
  out.push(row('Key', `${r.keyAlgorithm} ${r.keySize}${r.publicKey.curve ? ' ' + r.publicKey.curve : ''}`));
  out.push(row('Signature', `${r.signatureAlgorithm}${r.signatureValid === false ? ' (DOES NOT VERIFY)' : r.signatureValid ? ' (verified)' : ''}`));
  if (r.extendedKeyUsage) out.push(row('EKU', r.extendedKeyUsage.names.join(', ')));
  if (r.cryptographicProvider) out.push(row('Provider', r.cryptographicProvider));
  return out;
}

function sanText(s: CertificateModel['subjectAltNames']): string {
  return [
    ...s.dns.map((v) => `DNS:${v}`),
    ...s.ip.map((v) => `IP:${v}`),
    ...s.email.map((v) => `email:${v}`),
    ...s.uri.map((v) => `URI:${v}`),
    ...s.upn.map((v) => `UPN:${v}`),
  ].join(', ');
}
