// Hand-built models for rule unit tests: a complete, valid certificate (an internal-CA server
// certificate for ex1.contoso.com, RSA 2048, SHA-256, valid 2025-01-01 → 2026-01-01) whose
// fields can be overridden one by one. Golden tests on real OpenSSL certificates live beside.
import type { CertificateModel, DistinguishedName } from '../../shared/model/certificate.js';
import type { RequestModel } from '../../shared/model/request.js';
import type { CertificateSubject, RequestSubject } from '../../shared/rules/engine/types.js';
import type { TrustResult } from '../../shared/trust/types.js';

export function dn(cn: string | null, extra: { type: string; oid: string; value: string }[] = [{ type: 'O', oid: '2.5.4.10', value: 'Contoso' }]): DistinguishedName {
  const attrs = [...extra, ...(cn !== null ? [{ type: 'CN', oid: '2.5.4.3', value: cn }] : [])];
  return {
    text: attrs.slice().reverse().map((a) => `${a.type}=${a.value}`).join(', '),
    rfc4514: attrs.slice().reverse().map((a) => `${a.type}=${a.value}`).join(','),
    rdns: attrs.map((a) => [a]),
  };
}

export const THUMB_A = '1A31B7FE0C4D2A9E8F7B6C5D4E3F2A1B0C9D8E7F';
export const THUMB_B = 'A33E4C629AE9553E186F93474E796D598B1F7424';

export interface CertOverrides extends Partial<CertificateModel> {
  cn?: string | null;
  san?: string[];
}

export function makeCertificate(overrides: CertOverrides = {}): CertificateModel {
  const { cn = 'ex1.contoso.com', san = ['ex1.contoso.com'], ...rest } = overrides;
  const subjectName = dn(cn);
  const issuerName = dn('Contoso Issuing CA');
  const base: CertificateModel = {
    version: 3,
    subject: subjectName.text,
    subjectName,
    commonName: cn,
    commonNames: cn ? [cn] : [],
    issuer: issuerName.text,
    issuerName,
    issuerCommonName: 'Contoso Issuing CA',
    serialNumber: '1A2B3C4D5E6F',
    thumbprint: THUMB_A,
    sha256: 'AB'.repeat(32),
    notBefore: '2025-01-01T00:00:00.000Z',
    notAfter: '2026-01-01T00:00:00.000Z',
    dnsNames: san,
    subjectAltNames: { dns: san, ip: [], email: [], uri: [], upn: [], directoryNames: [], other: [] },
    keyAlgorithm: 'RSA',
    keySize: 2048,
    publicKey: { algorithm: 'RSA', size: 2048, exponent: '65537', spkiSha256: 'CD'.repeat(32) },
    signatureAlgorithm: 'sha256WithRSAEncryption',
    signatureAlgorithmOid: '1.2.840.113549.1.1.11',
    signatureHash: 'SHA-256',
    selfSigned: false,
    isCA: false,
    basicConstraints: { critical: true, ca: false, pathLength: null },
    keyUsage: { critical: true, usages: ['digitalSignature', 'keyEncipherment'] },
    extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], names: ['Server Authentication', 'Client Authentication'] },
    crlDistributionPoints: ['http://pki.contoso.com/contoso-issuing.crl'],
    authorityInfoAccess: { ocsp: [], caIssuers: [] },
    subjectKeyIdentifier: '01:02',
    authorityKeyIdentifier: '03:04',
    template: null,
    extensions: [],
    hasPrivateKey: true,
    der: '',
  };
  const merged = { ...base, ...rest };
  if (rest.dnsNames && !('subjectAltNames' in rest)) merged.subjectAltNames = { ...base.subjectAltNames, dns: rest.dnsNames };
  return merged;
}

/** A trust result: an internal chain anchored in the environment, unless overridden. */
export function makeTrust(overrides: Partial<TrustResult> = {}): TrustResult {
  return {
    status: 'trusted',
    anchor: 'environment',
    publicCa: false,
    chain: [],
    selfSigned: false,
    selfSignatureVerified: null,
    problems: [],
    ...overrides,
  };
}

export function certSubject(overrides: CertOverrides = {}, extra: Partial<CertificateSubject> = {}): CertificateSubject {
  return { kind: 'certificate', certificate: makeCertificate(overrides), trust: makeTrust(), documentKind: 'pkcs12', ...extra };
}

export function makeRequest(overrides: Partial<RequestModel> & { cn?: string | null; san?: string[] } = {}): RequestModel {
  const { cn = 'ex1.contoso.com', san = ['ex1.contoso.com'], ...rest } = overrides;
  const subjectName = dn(cn);
  return {
    subject: subjectName.text,
    subjectName,
    commonName: cn,
    commonNames: cn ? [cn] : [],
    dnsNames: san,
    subjectAltNames: { dns: san, ip: [], email: [], uri: [], upn: [], directoryNames: [], other: [] },
    keyAlgorithm: 'RSA',
    keySize: 2048,
    publicKey: { algorithm: 'RSA', size: 2048, exponent: '65537', spkiSha256: 'CD'.repeat(32) },
    signatureAlgorithm: 'sha256WithRSAEncryption',
    signatureAlgorithmOid: '1.2.840.113549.1.1.11',
    signatureHash: 'SHA-256',
    keyUsage: null,
    extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.1'], names: ['Server Authentication'] },
    template: null,
    extensions: [],
    sha256: 'EF'.repeat(32),
    signatureValid: true,
    der: '',
    ...rest,
  };
}

export function requestSubject(overrides: Parameters<typeof makeRequest>[0] = {}): RequestSubject {
  return { kind: 'request', request: makeRequest(overrides) };
}
