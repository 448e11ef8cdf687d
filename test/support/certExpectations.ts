// Compare what the decoder says about a certificate / request with what OpenSSL says about the
// same bytes. Where the two tools legitimately spell a value differently (key-usage words, EKU
// names, IPv6 compression, a serial's leading zero byte) both sides are normalised first.
import { expect } from 'vitest';
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { RequestModel } from '../../shared/model/request.js';
import type { CertFacts, RequestFacts } from './opensslFacts.js';

/** OpenSSL's key-usage words → the RFC 5280 bit names the model uses. */
export const OPENSSL_KEY_USAGE: Record<string, string> = {
  'Digital Signature': 'digitalSignature',
  'Non Repudiation': 'nonRepudiation',
  'Key Encipherment': 'keyEncipherment',
  'Data Encipherment': 'dataEncipherment',
  'Key Agreement': 'keyAgreement',
  'Certificate Sign': 'keyCertSign',
  'CRL Sign': 'cRLSign',
  'Encipher Only': 'encipherOnly',
  'Decipher Only': 'decipherOnly',
};

/** OpenSSL's EKU names → OIDs (OpenSSL prints unnamed ones as dotted OIDs already). */
export const OPENSSL_EKU: Record<string, string> = {
  'TLS Web Server Authentication': '1.3.6.1.5.5.7.3.1',
  'TLS Web Client Authentication': '1.3.6.1.5.5.7.3.2',
  'Code Signing': '1.3.6.1.5.5.7.3.3',
  'E-mail Protection': '1.3.6.1.5.5.7.3.4',
  'IPSec End System': '1.3.6.1.5.5.7.3.5',
  'IPSec Tunnel': '1.3.6.1.5.5.7.3.6',
  'IPSec User': '1.3.6.1.5.5.7.3.7',
  'Time Stamping': '1.3.6.1.5.5.7.3.8',
  'OCSP Signing': '1.3.6.1.5.5.7.3.9',
  'Any Extended Key Usage': '2.5.29.37.0',
  'Microsoft Smartcard Login': '1.3.6.1.4.1.311.20.2.2',
  'Microsoft Encrypted File System': '1.3.6.1.4.1.311.10.3.4',
  'Microsoft Server Gated Crypto': '1.3.6.1.4.1.311.10.3.3',
  'Netscape Server Gated Crypto': '2.16.840.1.113730.4.1',
  'Microsoft Trust List Signing': '1.3.6.1.4.1.311.10.3.1',
  'Microsoft Commercial Code Signing': '1.3.6.1.4.1.311.2.1.22',
  'Microsoft Individual Code Signing': '1.3.6.1.4.1.311.2.1.21',
};

const KEY_ALGORITHMS: Record<string, string> = {
  rsaEncryption: 'RSA',
  'id-ecPublicKey': 'EC',
  dsaEncryption: 'DSA',
  ED25519: 'Ed25519',
  ED448: 'Ed448',
};

/** Drop leading zero bytes (the DER sign byte Windows shows and OpenSSL hides). */
export function serialModuloLeadingZeros(hex: string): string {
  let h = hex.replace(/[:\s]/g, '').toUpperCase();
  if (h.length % 2) h = '0' + h;
  while (h.length > 2 && h.startsWith('00')) h = h.slice(2);
  return h;
}

/** Hex in any spelling → upper hex without separators. */
export function plainHex(value: string | null): string | null {
  return value === null ? null : value.replace(/[:\s]/g, '').toUpperCase();
}

/** IPv6 in any spelling → eight 4-digit upper groups; IPv4 unchanged. */
export function canonicalIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => g.toUpperCase().padStart(4, '0')).join(':');
}

export function ekuOids(usages: string[]): string[] {
  return usages.map((u) => OPENSSL_EKU[u] ?? u);
}

export function isoEqual(actual: string, expected: string): boolean {
  return Date.parse(actual) === Date.parse(expected);
}

/** Every certificate field the model shares with `openssl x509 -text`, compared one by one. */
export function expectCertMatchesOpenssl(cert: CertificateModel, facts: CertFacts): void {
  const where = `certificate ${facts.subject}`;
  expect(cert.thumbprint, `${where}: thumbprint`).toBe(facts.sha1);
  expect(cert.sha256, `${where}: sha256`).toBe(facts.sha256);
  expect(cert.thumbprint).toMatch(/^[0-9A-F]{40}$/);
  expect(cert.sha256).toMatch(/^[0-9A-F]{64}$/);
  expect(cert.serialNumber).toMatch(/^[0-9A-F]+$/);
  expect(serialModuloLeadingZeros(cert.serialNumber), `${where}: serial`).toBe(serialModuloLeadingZeros(facts.serial));
  expect(cert.version, `${where}: version`).toBe(facts.version);
  expect(cert.subjectName.rfc4514, `${where}: subject`).toBe(facts.subject);
  expect(cert.issuerName.rfc4514, `${where}: issuer`).toBe(facts.issuer);
  expect(Date.parse(cert.notBefore), `${where}: notBefore ${cert.notBefore}`).toBe(Date.parse(facts.notBefore));
  expect(Date.parse(cert.notAfter), `${where}: notAfter ${cert.notAfter}`).toBe(Date.parse(facts.notAfter));
  expect(cert.notBefore.endsWith('Z'), `${where}: notBefore is UTC`).toBe(true);
  expect(cert.dnsNames, `${where}: SAN DNS`).toEqual(facts.dnsNames);
  expect(cert.subjectAltNames.dns).toEqual(facts.san.dns);
  expect(cert.subjectAltNames.ip.map(canonicalIp), `${where}: SAN IP`).toEqual(facts.san.ip.map(canonicalIp));
  expect(cert.subjectAltNames.email, `${where}: SAN email`).toEqual(facts.san.email);
  expect(cert.subjectAltNames.uri, `${where}: SAN URI`).toEqual(facts.san.uri);
  expect(cert.subjectAltNames.upn, `${where}: SAN UPN`).toEqual(facts.san.upn);
  expect(cert.keyAlgorithm, `${where}: key algorithm`).toBe(KEY_ALGORITHMS[facts.publicKeyAlgorithm] ?? 'unknown');
  expect(cert.keySize, `${where}: key size`).toBe(facts.keyBits);
  expect(cert.publicKey.size).toBe(facts.keyBits);
  if (facts.curve) expect(cert.publicKey.curve, `${where}: curve`).toBe(facts.curve);
  if (facts.exponent) expect(cert.publicKey.exponent, `${where}: exponent`).toBe(facts.exponent);
  expect(cert.publicKey.spkiSha256).toMatch(/^[0-9A-F]{64}$/);
  expect(cert.signatureAlgorithm, `${where}: signature algorithm`).toBe(facts.signatureAlgorithm);
  expect(cert.basicConstraints, `${where}: basic constraints`).toEqual(facts.basicConstraints);
  expect(cert.isCA, `${where}: isCA`).toBe(facts.basicConstraints?.ca ?? false);
  expect(cert.keyUsage, `${where}: key usage`).toEqual(
    facts.keyUsage && { critical: facts.keyUsage.critical, usages: facts.keyUsage.usages.map((u) => OPENSSL_KEY_USAGE[u] ?? u) },
  );
  if (facts.extendedKeyUsage) {
    expect(cert.extendedKeyUsage?.critical, `${where}: EKU critical`).toBe(facts.extendedKeyUsage.critical);
    expect(cert.extendedKeyUsage?.oids, `${where}: EKU`).toEqual(ekuOids(facts.extendedKeyUsage.usages));
  } else {
    expect(cert.extendedKeyUsage, `${where}: no EKU`).toBeNull();
  }
  expect(cert.crlDistributionPoints, `${where}: CDP`).toEqual(facts.crlDistributionPoints);
  expect(cert.authorityInfoAccess, `${where}: AIA`).toEqual({ ocsp: facts.ocsp, caIssuers: facts.caIssuers });
  expect(plainHex(cert.subjectKeyIdentifier), `${where}: SKI`).toBe(facts.subjectKeyIdentifier);
  expect(plainHex(cert.authorityKeyIdentifier), `${where}: AKI`).toBe(facts.authorityKeyIdentifier);
  expect(cert.extensions.length, `${where}: extension count`).toBe(facts.extensions.length);
  expect(cert.extensions.map((e) => e.critical), `${where}: extension criticality`).toEqual(facts.extensions.map((e) => e.critical));
  // Private key bytes never enter a model: the model is plain JSON and round-trips.
  expect(JSON.parse(JSON.stringify(cert))).toEqual(cert);
}

/** Every request field the model shares with `openssl req -text`. */
export function expectRequestMatchesOpenssl(req: RequestModel, facts: RequestFacts): void {
  expect(req.subjectName.rfc4514, 'request subject').toBe(facts.subject);
  expect(req.dnsNames, 'request SAN DNS').toEqual(facts.dnsNames);
  expect(req.subjectAltNames.ip.map(canonicalIp)).toEqual(facts.san.ip.map(canonicalIp));
  expect(req.subjectAltNames.email).toEqual(facts.san.email);
  expect(req.subjectAltNames.uri).toEqual(facts.san.uri);
  expect(req.keyAlgorithm, 'request key algorithm').toBe(KEY_ALGORITHMS[facts.publicKeyAlgorithm] ?? 'unknown');
  expect(req.keySize, 'request key size').toBe(facts.keyBits);
  if (facts.curve) expect(req.publicKey.curve).toBe(facts.curve);
  expect(req.signatureAlgorithm, 'request signature algorithm').toBe(facts.signatureAlgorithm);
  expect(req.keyUsage, 'request key usage').toEqual(
    facts.keyUsage && { critical: facts.keyUsage.critical, usages: facts.keyUsage.usages.map((u) => OPENSSL_KEY_USAGE[u] ?? u) },
  );
  if (facts.extendedKeyUsage) expect(req.extendedKeyUsage?.oids, 'request EKU').toEqual(ekuOids(facts.extendedKeyUsage.usages));
  else expect(req.extendedKeyUsage).toBeNull();
  expect(req.extensions.length, 'request extension count').toBe(facts.extensions.length);
  expect(req.signatureValid, 'request self-signature').toBe(facts.signatureValid);
  expect(JSON.parse(JSON.stringify(req))).toEqual(req);
}
