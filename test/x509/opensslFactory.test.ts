// Proves the fixture factory itself: what it asks OpenSSL for is what OpenSSL made. Every
// other x509 test trusts these fixtures, so they are checked here with independent openssl runs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bareBase64,
  concatFiles,
  createCa,
  csr,
  issue,
  makeWorkDir,
  opensslDate,
  openssl,
  OpenSslError,
  opensslFacts,
  opensslPfxCertificates,
  opensslPfxInfo,
  opensslRequestFacts,
  opensslText,
  p7b,
  pfx,
  removeWorkDir,
  selfSigned,
  type Ca,
  type IssuedCert,
} from '../support/openssl.js';

let dir: string;
let root: Ca;
let intermediate: Ca;
let leaf: IssuedCert;

beforeAll(() => {
  dir = makeWorkDir('factory');
  root = createCa({ dir, cn: 'Factory Root', key: 'ec-p384', md: 'sha384', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  intermediate = createCa({
    dir,
    cn: 'Factory Issuing CA',
    key: 'rsa2048',
    parent: root,
    pathLen: 0,
    startDate: '2021-01-01T00:00:00Z',
    endDate: '2035-01-01T00:00:00Z',
  });
  leaf = issue(intermediate, {
    subject: '/C=US/O=Contoso/CN=ex1.contoso.com',
    san: ['DNS:ex1.contoso.com', 'DNS:autodiscover.contoso.com', 'IP:10.0.0.1', 'email:admin@contoso.com', 'URI:sip:ex1@contoso.com'],
    eku: ['serverAuth', 'clientAuth'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    cdp: ['http://crl.contoso.com/issuing.crl'],
    ocsp: ['http://ocsp.contoso.com'],
    aiaCaIssuers: ['http://pki.contoso.com/issuing.crt'],
    startDate: '2024-03-01T12:00:00Z',
    endDate: '2026-03-01T12:00:00Z',
    serial: '8F0102',
  });
});

afterAll(() => removeWorkDir(dir));

describe('openssl runner', () => {
  it('formats dates for openssl ca', () => {
    expect(opensslDate('2024-03-01T12:00:00Z')).toBe('20240301120000Z');
    expect(opensslDate(new Date(Date.UTC(2051, 0, 2, 3, 4, 5)))).toBe('20510102030405Z');
  });

  it('throws OpenSslError with stderr on failure', () => {
    expect(() => openssl(['x509', '-noout', '-in', path.join(dir, 'does-not-exist.pem')])).toThrow(OpenSslError);
  });
});

describe('createCa / issue', () => {
  it('builds a chain OpenSSL verifies at the leaf time', () => {
    const at = String(Date.parse('2025-01-01T00:00:00Z') / 1000);
    const out = opensslText(['verify', '-attime', at, '-CAfile', root.certPem, '-untrusted', intermediate.certPem, leaf.certPem]);
    expect(out).toContain('OK');
  });

  it('gives the root exactly the requested dates, key and self-signature', () => {
    const facts = opensslFacts(root.certPem);
    expect(facts.notBefore).toBe('2020-01-01T00:00:00Z');
    expect(facts.notAfter).toBe('2040-01-01T00:00:00Z');
    expect(facts.subject).toBe('CN=Factory Root,O=CertBench Tests');
    expect(facts.issuer).toBe(facts.subject);
    expect(facts.publicKeyAlgorithm).toBe('id-ecPublicKey');
    expect(facts.curve).toBe('P-384');
    expect(facts.keyBits).toBe(384);
    expect(facts.signatureAlgorithm).toBe('ecdsa-with-SHA384');
    expect(facts.basicConstraints).toEqual({ critical: true, ca: true, pathLength: null });
    expect(facts.keyUsage).toEqual({ critical: true, usages: ['Certificate Sign', 'CRL Sign'] });
  });

  it('issues the intermediate from the root with a path length', () => {
    const facts = opensslFacts(intermediate.certPem);
    expect(facts.issuer).toBe('CN=Factory Root,O=CertBench Tests');
    expect(facts.basicConstraints).toEqual({ critical: true, ca: true, pathLength: 0 });
    expect(facts.authorityKeyIdentifier).toBe(opensslFacts(root.certPem).subjectKeyIdentifier);
    expect(intermediate.chain).toEqual([intermediate.certPem, root.certPem]);
  });

  it('puts every requested field into the leaf', () => {
    const facts = opensslFacts(leaf.certPem);
    expect(facts.subject).toBe('CN=ex1.contoso.com,O=Contoso,C=US');
    expect(facts.serial).toBe('8F0102');
    expect(facts.notBefore).toBe('2024-03-01T12:00:00Z');
    expect(facts.notAfter).toBe('2026-03-01T12:00:00Z');
    expect(facts.dnsNames).toEqual(['ex1.contoso.com', 'autodiscover.contoso.com']);
    expect(facts.san.ip).toEqual(['10.0.0.1']);
    expect(facts.san.email).toEqual(['admin@contoso.com']);
    expect(facts.san.uri).toEqual(['sip:ex1@contoso.com']);
    expect(facts.extendedKeyUsage?.usages).toEqual(['TLS Web Server Authentication', 'TLS Web Client Authentication']);
    expect(facts.keyUsage).toEqual({ critical: true, usages: ['Digital Signature', 'Key Encipherment'] });
    expect(facts.basicConstraints).toEqual({ critical: true, ca: false, pathLength: null });
    expect(facts.crlDistributionPoints).toEqual(['http://crl.contoso.com/issuing.crl']);
    expect(facts.ocsp).toEqual(['http://ocsp.contoso.com']);
    expect(facts.caIssuers).toEqual(['http://pki.contoso.com/issuing.crt']);
    expect(facts.keyBits).toBe(2048);
    expect(facts.exponent).toBe('65537');
    expect(facts.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(facts.authorityKeyIdentifier).toBe(opensslFacts(intermediate.certPem).subjectKeyIdentifier);
    expect(facts.subjectKeyIdentifier).toMatch(/^[0-9A-F]{40}$/);
  });

  it('writes a DER twin whose hashes are the fingerprints', () => {
    const der = fs.readFileSync(leaf.certDer);
    const facts = opensslFacts(leaf.certPem);
    expect(createHash('sha1').update(der).digest('hex').toUpperCase()).toBe(facts.sha1);
    expect(createHash('sha256').update(der).digest('hex').toUpperCase()).toBe(facts.sha256);
    expect(opensslFacts(leaf.certDer).sha1).toBe(facts.sha1);
  });

  it('signs with RSASSA-PSS and SHA-1 on request', () => {
    const pss = issue(intermediate, { subject: '/CN=pss.contoso.com', pss: true, startDate: '2024-01-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' });
    expect(opensslFacts(pss.certPem).signatureAlgorithm).toBe('rsassaPss');
    const sha1 = issue(intermediate, { subject: '/CN=sha1.contoso.com', md: 'sha1', startDate: '2024-01-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' });
    expect(opensslFacts(sha1.certPem).signatureAlgorithm).toBe('sha1WithRSAEncryption');
  });

  it('carries a UPN otherName', () => {
    const upn = issue(intermediate, {
      subject: '/CN=user',
      key: 'ec-p256',
      san: ['otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@contoso.com'],
      startDate: '2024-01-01T00:00:00Z',
      endDate: '2025-01-01T00:00:00Z',
    });
    const facts = opensslFacts(upn.certPem);
    expect(facts.san.upn).toEqual(['user@contoso.com']);
    expect(facts.curve).toBe('P-256');
  });

  it('reuses a given key file', () => {
    const again = issue(intermediate, { subject: '/CN=again', key: { file: leaf.keyPem }, startDate: '2024-01-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' });
    const pub = (f: string) => opensslText(['pkey', '-in', f, '-pubout']);
    expect(pub(again.keyPem)).toBe(pub(leaf.keyPem));
  });
});

describe('selfSigned', () => {
  it('makes a self-signed end-entity certificate with fixed dates', () => {
    const cert = selfSigned({
      dir,
      subject: '/CN=owa.contoso.com',
      san: ['DNS:owa.contoso.com'],
      key: 'ec-p256',
      startDate: '2023-06-01T00:00:00Z',
      endDate: '2028-06-01T00:00:00Z',
    });
    const facts = opensslFacts(cert.certPem);
    expect(facts.subject).toBe('CN=owa.contoso.com');
    expect(facts.issuer).toBe('CN=owa.contoso.com');
    expect(facts.notBefore).toBe('2023-06-01T00:00:00Z');
    expect(facts.notAfter).toBe('2028-06-01T00:00:00Z');
    expect(facts.basicConstraints?.ca).toBe(false);
    const at = String(Date.parse('2024-01-01T00:00:00Z') / 1000);
    expect(opensslText(['verify', '-attime', at, '-CAfile', cert.certPem, cert.certPem])).toContain('OK');
  });
});

describe('pfx', () => {
  it('writes the three protection profiles as requested', () => {
    const chain = intermediate.chain;
    const aes = pfx({ out: path.join(dir, 'aes.pfx'), cert: leaf.certPem, key: leaf.keyPem, chain, password: 'Pa$$w0rd', profile: 'aes', friendlyName: 'Exchange 2019' });
    const legacy = pfx({ out: path.join(dir, 'legacy.pfx'), cert: leaf.certPem, key: leaf.keyPem, password: 'Pa$$w0rd', profile: 'legacy' });
    const des = pfx({ out: path.join(dir, '3des.pfx'), cert: leaf.certPem, key: leaf.keyPem, password: 'Pa$$w0rd', profile: '3des-sha1mac' });

    const aesInfo = opensslPfxInfo(aes, 'Pa$$w0rd');
    expect(aesInfo.mac).toBe('sha256');
    expect(aesInfo.parts.map((p) => p.algorithm)).toEqual([
      'PBES2, PBKDF2, AES-256-CBC',
      'PBES2, PBKDF2, AES-256-CBC',
    ]);
    expect(opensslPfxCertificates(aes, 'Pa$$w0rd')).toHaveLength(3);

    const legacyInfo = opensslPfxInfo(legacy, 'Pa$$w0rd');
    expect(legacyInfo.mac).toBe('sha1');
    expect(legacyInfo.parts).toEqual([
      { part: 'certificates', algorithm: 'pbeWithSHA1And40BitRC2-CBC', iterations: 2048 },
      { part: 'key', algorithm: 'pbeWithSHA1And3-KeyTripleDES-CBC', iterations: 2048 },
    ]);

    const desInfo = opensslPfxInfo(des, 'Pa$$w0rd');
    expect(desInfo.mac).toBe('sha1');
    expect(desInfo.parts.map((p) => p.algorithm)).toEqual(['pbeWithSHA1And3-KeyTripleDES-CBC', 'pbeWithSHA1And3-KeyTripleDES-CBC']);
  });

  it('sets the iteration count and keeps the password out of argv', () => {
    const file = pfx({ out: path.join(dir, 'iter.pfx'), cert: leaf.certPem, key: leaf.keyPem, password: 'p', profile: 'aes', iter: 10000 });
    const info = opensslPfxInfo(file, 'p');
    expect(info.macIterations).toBe(10000);
    expect(info.parts.every((p) => p.iterations === 10000)).toBe(true);
    expect(() => opensslPfxInfo(file, 'wrong')).toThrow(OpenSslError);
  });
});

describe('p7b / csr / bareBase64', () => {
  it('writes PEM and DER P7B with every certificate', () => {
    const { pem, der } = p7b([leaf.certPem, ...intermediate.chain], path.join(dir, 'chain.p7b'));
    for (const [file, fmt] of [[pem, 'PEM'], [der, 'DER']] as const) {
      const out = opensslText(['pkcs7', '-inform', fmt, '-in', file, '-print_certs', '-noout']);
      expect(out.match(/^subject=/gm)).toHaveLength(3);
    }
    expect(fs.readFileSync(pem, 'utf8')).toContain('-----BEGIN PKCS7-----');
    expect(fs.readFileSync(der)[0]).toBe(0x30);
  });

  it('writes a certreq-style NEW CERTIFICATE REQUEST that OpenSSL still reads', () => {
    const { csrPem } = csr({
      out: path.join(dir, 'ex1.req'),
      subject: '/C=US/O=Contoso/CN=ex1.contoso.com',
      san: ['DNS:ex1.contoso.com', 'DNS:mail.contoso.com'],
      eku: ['serverAuth'],
      key: 'rsa2048',
      windowsLabel: true,
    });
    const text = fs.readFileSync(csrPem, 'utf8');
    expect(text.startsWith('-----BEGIN NEW CERTIFICATE REQUEST-----\r\n')).toBe(true);
    expect(text).toContain('-----END NEW CERTIFICATE REQUEST-----');
    const facts = opensslRequestFacts(csrPem);
    expect(facts.subject).toBe('CN=ex1.contoso.com,O=Contoso,C=US');
    expect(facts.dnsNames).toEqual(['ex1.contoso.com', 'mail.contoso.com']);
    expect(facts.extendedKeyUsage?.usages).toEqual(['TLS Web Server Authentication']);
    expect(facts.keyBits).toBe(2048);
    expect(facts.signatureValid).toBe(true);
  });

  it('strips PEM armour to bare Base64 of the DER', () => {
    const b64 = bareBase64(leaf.certPem, { out: path.join(dir, 'leaf.b64'), lineLength: 64 });
    const text = fs.readFileSync(b64, 'utf8');
    expect(text).not.toContain('-----');
    expect(Buffer.from(text.replace(/\s+/g, ''), 'base64').equals(fs.readFileSync(leaf.certDer))).toBe(true);
  });

  it('concatenates PEM bundles', () => {
    const bundle = concatFiles(path.join(dir, 'bundle.pem'), [leaf.certPem, leaf.keyPem]);
    const text = fs.readFileSync(bundle, 'utf8');
    expect(text).toContain('-----BEGIN CERTIFICATE-----');
    expect(text).toContain('-----BEGIN PRIVATE KEY-----');
  });
});
