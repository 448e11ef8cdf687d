// Acceptance: single certificates and chains made by OpenSSL decode to models that agree with
// `openssl x509 -text / -fingerprint` field by field, whatever the encoding (PEM, DER, bare Base64).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCertMatchesOpenssl } from '../support/certExpectations.js';
import { decodeFile } from '../support/decodeFile.js';
import {
  bareBase64,
  createCa,
  issue,
  makeWorkDir,
  opensslFacts,
  removeWorkDir,
  selfSigned,
  type Ca,
  type IssuedCert,
} from '../support/openssl.js';

const LEAF_DATES = { startDate: '2024-03-01T12:00:00Z', endDate: '2026-03-01T12:00:00Z' } as const;

let dir: string;
let rsaRoot: Ca;
let rsaIssuing: Ca;
let ecRoot: Ca;
let exchange: IssuedCert;
let ecLeaf: IssuedCert;
let ec384Leaf: IssuedCert;

beforeAll(() => {
  dir = makeWorkDir('decode-certs');
  rsaRoot = createCa({
    dir,
    cn: 'Contoso Root CA',
    subject: '/DC=com/DC=contoso/CN=Contoso Root CA',
    key: 'rsa3072',
    startDate: '2015-01-01T00:00:00Z',
    endDate: '2045-01-01T00:00:00Z',
  });
  rsaIssuing = createCa({
    dir,
    cn: 'Contoso Issuing CA',
    key: 'rsa2048',
    parent: rsaRoot,
    pathLen: 0,
    cdp: ['http://pki.contoso.com/root.crl'],
    aiaCaIssuers: ['http://pki.contoso.com/root.crt'],
    startDate: '2016-01-01T00:00:00Z',
    endDate: '2036-01-01T00:00:00Z',
  });
  exchange = issue(rsaIssuing, {
    subject: '/C=US/ST=WA/L=Redmond/O=Contoso/OU=Messaging/CN=ex1.contoso.com',
    san: ['DNS:ex1.contoso.com', 'DNS:mail.contoso.com', 'DNS:autodiscover.contoso.com'],
    eku: ['serverAuth', 'clientAuth'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    cdp: ['http://pki.contoso.com/issuing.crl', 'ldap:///CN=Contoso%20Issuing%20CA?certificateRevocationList?base'],
    ocsp: ['http://ocsp.contoso.com'],
    aiaCaIssuers: ['http://pki.contoso.com/issuing.crt'],
    // High bit set: DER has a leading 00 that Windows shows and OpenSSL hides.
    serial: '8F0102030405060708',
    extraExtensions: ['1.3.6.1.4.1.311.21.7 = ASN1:SEQUENCE:template'],
    extraSections: '[ template ]\noid = OID:1.3.6.1.4.1.311.21.8.1234.5678.42\nmajor = INTEGER:100\nminor = INTEGER:4\n',
    ...LEAF_DATES,
  });
  ecRoot = createCa({ dir, cn: 'Fabrikam EC Root', key: 'ec-p384', md: 'sha384', startDate: '2018-01-01T00:00:00Z', endDate: '2038-01-01T00:00:00Z' });
  ecLeaf = issue(ecRoot, {
    subject: '/O=Fabrikam/CN=sip.fabrikam.com',
    san: ['DNS:sip.fabrikam.com', 'DNS:lyncdiscover.fabrikam.com'],
    eku: ['serverAuth'],
    keyUsage: ['digitalSignature'],
    key: 'ec-p256',
    ...LEAF_DATES,
  });
  ec384Leaf = issue(ecRoot, { subject: '/CN=edge.fabrikam.com', key: 'ec-p384', md: 'sha384', san: ['DNS:edge.fabrikam.com'], ...LEAF_DATES });
});

afterAll(() => removeWorkDir(dir));

async function decodeOne(file: string) {
  const doc = await decodeFile(file);
  expect(doc.certificates).toHaveLength(1);
  return { doc, cert: doc.certificates[0]! };
}

describe('a CA-issued RSA certificate', () => {
  it('decodes from PEM with every field as OpenSSL reads it', async () => {
    const { doc, cert } = await decodeOne(exchange.certPem);
    expect(doc.kind).toBe('certificate');
    expect(doc.encoding).toBe('pem');
    expect(doc.hasPrivateKey).toBe(false);
    expect(doc.keys).toEqual([]);
    expectCertMatchesOpenssl(cert, opensslFacts(exchange.certPem));
  });

  it('shows Windows-style names, CN and serial', async () => {
    const { cert } = await decodeOne(exchange.certPem);
    expect(cert.subject).toBe('CN=ex1.contoso.com, OU=Messaging, O=Contoso, L=Redmond, S=WA, C=US');
    expect(cert.subjectName.text).toBe(cert.subject);
    expect(cert.commonName).toBe('ex1.contoso.com');
    expect(cert.commonNames).toEqual(['ex1.contoso.com']);
    expect(cert.issuer).toBe('CN=Contoso Issuing CA, O=CertBench Tests');
    expect(cert.issuerCommonName).toBe('Contoso Issuing CA');
    expect(cert.subjectName.rdns.map((rdn) => rdn.map((a) => a.type))).toEqual([['C'], ['S'], ['L'], ['O'], ['OU'], ['CN']]);
    expect(cert.subjectName.rdns[5]![0]).toEqual({ type: 'CN', oid: '2.5.4.3', value: 'ex1.contoso.com' });
    // Windows shows the DER integer bytes, sign byte included.
    expect(['008F0102030405060708', '8F0102030405060708']).toContain(cert.serialNumber);
    expect(cert.signatureHash).toBe('SHA-256');
    expect(cert.signatureAlgorithmOid).toBe('1.2.840.113549.1.1.11');
    expect(cert.selfSigned).toBe(false);
    expect(cert.isCA).toBe(false);
    expect(cert.hasPrivateKey).toBe(false);
  });

  it('reads the Microsoft v2 template and keeps the DER', async () => {
    const { cert } = await decodeOne(exchange.certPem);
    expect(cert.template).toMatchObject({ oid: '1.3.6.1.4.1.311.21.8.1234.5678.42', majorVersion: 100, minorVersion: 4 });
    expect(Buffer.from(cert.der, 'base64').equals(fs.readFileSync(exchange.certDer))).toBe(true);
    expect(cert.extendedKeyUsage?.oids).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(cert.keyUsage).toEqual({ critical: true, usages: ['digitalSignature', 'keyEncipherment'] });
  });

  it('decodes the DER twin to the same model', async () => {
    const pem = await decodeOne(exchange.certPem);
    const der = await decodeOne(exchange.certDer);
    expect(der.doc.encoding).toBe('der');
    expect(der.doc.kind).toBe('certificate');
    expect(der.cert).toEqual(pem.cert);
  });

  it('decodes bare Base64 (one line and wrapped) to the same model', async () => {
    const pem = await decodeOne(exchange.certPem);
    for (const lineLength of [0, 64, 76]) {
      const file = bareBase64(exchange.certPem, { out: path.join(dir, `exchange-${lineLength}.cer`), lineLength });
      const b64 = await decodeOne(file);
      expect(b64.doc.encoding).toBe('base64');
      expect(b64.cert.thumbprint).toBe(pem.cert.thumbprint);
      expect(b64.cert).toEqual(pem.cert);
    }
  });

  it('reads a PEM with OpenSSL text above it and CRLF line ends', async () => {
    const facts = opensslFacts(exchange.certPem);
    const file = path.join(dir, 'exchange-with-text.crt');
    const pem = fs.readFileSync(exchange.certPem, 'utf8');
    fs.writeFileSync(file, (facts.text + pem).replace(/\r?\n/g, '\r\n'));
    const { cert } = await decodeOne(file);
    expect(cert.thumbprint).toBe(facts.sha1);
  });
});

describe('a chain', () => {
  it('decodes the root, the issuing CA and the leaf as OpenSSL reads them', async () => {
    for (const file of [rsaRoot.certPem, rsaIssuing.certPem, exchange.certPem]) {
      const { cert } = await decodeOne(file);
      expectCertMatchesOpenssl(cert, opensslFacts(file));
    }
  });

  it('marks the root self-signed and the CAs as CAs', async () => {
    const root = (await decodeOne(rsaRoot.certPem)).cert;
    const issuing = (await decodeOne(rsaIssuing.certPem)).cert;
    expect(root.selfSigned).toBe(true);
    expect(root.isCA).toBe(true);
    expect(root.subject).toBe('CN=Contoso Root CA, DC=contoso, DC=com');
    expect(issuing.selfSigned).toBe(false);
    expect(issuing.isCA).toBe(true);
    expect(issuing.basicConstraints).toEqual({ critical: true, ca: true, pathLength: 0 });
    expect(issuing.authorityKeyIdentifier?.replace(/:/g, '')).toBe(root.subjectKeyIdentifier?.replace(/:/g, ''));
    expect(issuing.crlDistributionPoints).toEqual(['http://pki.contoso.com/root.crl']);
    expect(issuing.authorityInfoAccess.caIssuers).toEqual(['http://pki.contoso.com/root.crt']);
  });
});

describe('EC certificates', () => {
  it('decodes a P-256 leaf under a P-384 root', async () => {
    const { cert } = await decodeOne(ecLeaf.certPem);
    expectCertMatchesOpenssl(cert, opensslFacts(ecLeaf.certPem));
    expect(cert.keyAlgorithm).toBe('EC');
    expect(cert.keySize).toBe(256);
    expect(cert.publicKey.curve).toBe('P-256');
    expect(cert.signatureAlgorithm).toBe('ecdsa-with-SHA256');
  });

  it('decodes a P-384 leaf and the EC root', async () => {
    for (const file of [ec384Leaf.certDer, ecRoot.certPem]) {
      const { cert } = await decodeOne(file);
      expectCertMatchesOpenssl(cert, opensslFacts(file));
      expect(cert.publicKey.curve).toBe('P-384');
      expect(cert.signatureAlgorithm).toBe('ecdsa-with-SHA384');
    }
  });
});

describe('other keys, signatures and names', () => {
  it('decodes RSA 1024 / 4096 keys, SHA-1 and RSASSA-PSS signatures', async () => {
    const cases = [
      issue(rsaIssuing, { subject: '/CN=old.contoso.com', key: 'rsa1024', md: 'sha1', ...LEAF_DATES }),
      issue(rsaIssuing, { subject: '/CN=big.contoso.com', key: 'rsa4096', md: 'sha384', ...LEAF_DATES }),
      issue(rsaIssuing, { subject: '/CN=pss.contoso.com', pss: true, san: ['DNS:pss.contoso.com'], ...LEAF_DATES }),
    ];
    const seen: string[] = [];
    for (const c of cases) {
      const { cert } = await decodeOne(c.certPem);
      expectCertMatchesOpenssl(cert, opensslFacts(c.certPem));
      seen.push(`${cert.keySize}/${cert.signatureAlgorithm}/${cert.signatureHash}`);
    }
    expect(seen).toEqual(['1024/sha1WithRSAEncryption/SHA-1', '4096/sha384WithRSAEncryption/SHA-384', '2048/rsassaPss/SHA-256']);
  });

  it('decodes UPN, IPv4/IPv6, e-mail and URI SAN entries and an e-mail RDN', async () => {
    const c = issue(rsaIssuing, {
      subject: '/O=Contoso, Ltd/CN=Jane Admin/emailAddress=jane@contoso.com',
      san: [
        'otherName:1.3.6.1.4.1.311.20.2.3;UTF8:jane@contoso.com',
        'email:jane@contoso.com',
        'IP:10.1.2.3',
        'IP:2001:db8::25',
        'URI:sip:jane@contoso.com',
        'DNS:jane.contoso.com',
      ],
      eku: ['clientAuth', 'emailProtection', '1.3.6.1.4.1.311.20.2.2'],
      key: 'ec-p256',
      ...LEAF_DATES,
    });
    const { cert } = await decodeOne(c.certPem);
    expectCertMatchesOpenssl(cert, opensslFacts(c.certPem));
    expect(cert.subjectAltNames.upn).toEqual(['jane@contoso.com']);
    expect(cert.commonName).toBe('Jane Admin');
    // Windows quotes a value holding a comma.
    expect(cert.subject).toBe('E=jane@contoso.com, CN=Jane Admin, O="Contoso, Ltd"');
  });

  it('decodes a self-signed end-entity certificate without SAN or EKU', async () => {
    const c = selfSigned({ dir, subject: '/CN=EX2019', key: 'rsa2048', ...LEAF_DATES });
    const { cert } = await decodeOne(c.certDer);
    expectCertMatchesOpenssl(cert, opensslFacts(c.certDer));
    expect(cert.selfSigned).toBe(true);
    expect(cert.isCA).toBe(false);
    expect(cert.dnsNames).toEqual([]);
    expect(cert.extendedKeyUsage).toBeNull();
  });

  it('keeps the exact validity second and post-2050 GeneralizedTime', async () => {
    const c = issue(rsaIssuing, { subject: '/CN=long.contoso.com', startDate: '2049-12-31T23:59:59Z', endDate: '2051-06-30T08:15:00Z' });
    const { cert } = await decodeOne(c.certPem);
    expect(Date.parse(cert.notBefore)).toBe(Date.parse('2049-12-31T23:59:59Z'));
    expect(Date.parse(cert.notAfter)).toBe(Date.parse('2051-06-30T08:15:00Z'));
    expectCertMatchesOpenssl(cert, opensslFacts(c.certPem));
  });
});
