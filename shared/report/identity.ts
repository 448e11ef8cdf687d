// What a certificate or request *is*, for the report: names, thumbprint, validity, key and how
// its PFX was protected. Read from the models only — they hold no key bytes — so nothing secret
// can reach a report by this path.
import type { CertificateModel, SubjectAltNames } from '../model/certificate.js';
import type { DecodedDocument, DocumentKind, Encoding, Pkcs12Info } from '../model/document.js';
import type { RequestModel } from '../model/request.js';
import { daysUntil } from './dates.js';
import type { PfxProtectionSummary, ReportIdentity } from './model.js';

export function certificateIdentity(document: DecodedDocument, index: number, at: Date): ReportIdentity {
  const cert = document.certificates[index]!;
  const key = document.keys.find((k) => k.certificateIndex === index);
  return {
    subject: cert.subject,
    commonName: cert.commonName,
    subjectAltNames: sanList(cert.subjectAltNames),
    thumbprint: cert.thumbprint,
    sha256: cert.sha256,
    serialNumber: cert.serialNumber,
    issuer: cert.issuer,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    daysLeft: daysUntil(cert.notAfter, at),
    key: keyText(cert),
    signatureAlgorithm: cert.signatureAlgorithm,
    selfSigned: cert.selfSigned,
    isCA: cert.isCA,
    hasPrivateKey: cert.hasPrivateKey,
    ...(key?.provider ? { keyProvider: key.provider } : {}),
    ...(cert.friendlyName ? { friendlyName: cert.friendlyName } : {}),
    ...templateField(cert),
    extendedKeyUsage: cert.extendedKeyUsage?.names ?? [],
    container: containerText(document.kind, document.encoding),
    ...(document.container ? { pfx: pfxSummary(document.container) } : {}),
  };
}

export function requestIdentity(document: DecodedDocument, request: RequestModel): ReportIdentity {
  return {
    subject: request.subject,
    commonName: request.commonName,
    subjectAltNames: sanList(request.subjectAltNames),
    sha256: request.sha256,
    key: keyText(request),
    signatureAlgorithm: request.signatureAlgorithm,
    hasPrivateKey: document.hasPrivateKey,
    ...(request.cryptographicProvider ? { keyProvider: request.cryptographicProvider } : {}),
    ...templateField(request),
    extendedKeyUsage: request.extendedKeyUsage?.names ?? [],
    container: containerText(document.kind, document.encoding),
  };
}

export function sanList(san: SubjectAltNames): string[] {
  return [
    ...san.dns.map((v) => `DNS:${v}`),
    ...san.ip.map((v) => `IP:${v}`),
    ...san.email.map((v) => `email:${v}`),
    ...san.uri.map((v) => `URI:${v}`),
    ...san.upn.map((v) => `UPN:${v}`),
    ...san.directoryNames.map((v) => `DirName:${v}`),
    ...san.other,
  ];
}

function keyText(model: Pick<CertificateModel, 'keyAlgorithm' | 'keySize' | 'publicKey'>): string {
  if (model.keyAlgorithm === 'EC') return model.publicKey.curve ? `EC ${model.publicKey.curve}` : `EC ${model.keySize}`;
  if (model.keyAlgorithm === 'unknown') return 'unknown key type';
  return model.keySize > 0 ? `${model.keyAlgorithm} ${model.keySize}` : model.keyAlgorithm;
}

function templateField(model: Pick<CertificateModel, 'template'>): { template?: string } {
  const t = model.template;
  if (!t || (!t.name && !t.oid)) return {};
  const version = t.majorVersion !== undefined ? ` v${t.majorVersion}${t.minorVersion !== undefined ? `.${t.minorVersion}` : ''}` : '';
  return { template: `${t.name ?? t.oid}${version}` };
}

const CONTAINER: Record<DocumentKind, string> = {
  certificate: 'certificate',
  bundle: 'PEM bundle',
  pkcs7: 'PKCS#7 (P7B)',
  pkcs12: 'PFX / PKCS#12',
  request: 'certificate request (PKCS#10)',
  'private-key': 'private key',
  crl: 'certificate revocation list',
};

function containerText(kind: DocumentKind, encoding: Encoding): string {
  if (kind === 'pkcs12') return CONTAINER[kind];
  return `${CONTAINER[kind]} (${encoding === 'pem' ? 'PEM' : encoding === 'der' ? 'DER' : 'Base64'})`;
}

// What each profile means for the servers that must import it (domain-rules PFX-01).
const PROFILE_WORDS: Record<Pkcs12Info['profile'], string> = {
  aes: 'AES (PBES2) — imports on Windows Server 2019 / Windows 10 1709 or later only',
  '3des': '3DES — imports on every supported Windows version',
  'rc2-3des': 'RC2-40 + 3DES (the classic Windows export) — every Windows imports it; OpenSSL 3 needs -legacy to read it',
  mixed: 'mixed ciphers — check that the oldest server that must import it supports each one',
  none: 'not encrypted — anyone with the file has the key',
};

export function pfxSummary(info: Pkcs12Info): PfxProtectionSummary {
  const parts = info.protections.map((p) => ({ part: p.part, cipher: p.cipher, scheme: p.scheme, iterations: p.iterations }));
  const details = parts
    .map((p) => `${p.part}: ${p.cipher}${p.scheme && p.scheme !== 'none' ? `, ${p.scheme}` : ''}${p.iterations ? `, ${p.iterations} iterations` : ''}`)
    .join('; ');
  return {
    profile: info.profile,
    text: details ? `${PROFILE_WORDS[info.profile]} (${details})` : PROFILE_WORDS[info.profile],
    mac: info.mac,
    macIterations: info.macIterations,
    parts,
  };
}
