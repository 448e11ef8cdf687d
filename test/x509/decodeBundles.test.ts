// Acceptance: files holding several things — a PEM bundle (certificate, key and chain), a P7B in
// PEM and DER, and a certreq-style `NEW CERTIFICATE REQUEST` — decode as OpenSSL reads them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../../shared/x509/keyStore.js';
import { expectCertMatchesOpenssl, expectRequestMatchesOpenssl } from '../support/certExpectations.js';
import { decodeFile } from '../support/decodeFile.js';
import {
  concatFiles,
  createCa,
  csr,
  issue,
  makeWorkDir,
  openssl,
  opensslFacts,
  opensslRequestFacts,
  opensslText,
  p7b,
  removeWorkDir,
  type Ca,
  type IssuedCert,
} from '../support/openssl.js';

const DATES = { startDate: '2024-01-15T00:00:00Z', endDate: '2027-01-15T00:00:00Z' } as const;

let dir: string;
let root: Ca;
let issuing: Ca;
let leaf: IssuedCert;

beforeAll(() => {
  dir = makeWorkDir('decode-bundles');
  root = createCa({ dir, cn: 'Bundle Root', key: 'ec-p384', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  issuing = createCa({ dir, cn: 'Bundle Issuing', key: 'rsa2048', parent: root, startDate: '2021-01-01T00:00:00Z', endDate: '2035-01-01T00:00:00Z' });
  leaf = issue(issuing, {
    subject: '/O=Contoso/CN=owa.contoso.com',
    san: ['DNS:owa.contoso.com', 'DNS:autodiscover.contoso.com'],
    eku: ['serverAuth'],
    ...DATES,
  });
});

afterAll(() => removeWorkDir(dir));

function sha1Of(pemFile: string): string {
  return opensslFacts(pemFile).sha1;
}

describe('a PEM bundle', () => {
  it('matches the key to the right certificate whatever the order', async () => {
    // Chain first, key in the middle, leaf last: the match must come from the key, not the order.
    const bundle = concatFiles(path.join(dir, 'bundle.pem'), [root.certPem, leaf.keyPem, issuing.certPem, leaf.certPem]);
    const store = new KeyStore();
    const doc = await decodeFile(bundle, { keyStore: store });
    expect(doc.kind).toBe('bundle');
    expect(doc.encoding).toBe('pem');
    expect(doc.certificates.map((c) => c.thumbprint)).toEqual([sha1Of(root.certPem), sha1Of(issuing.certPem), sha1Of(leaf.certPem)]);
    expect(doc.certificates.map((c) => c.hasPrivateKey)).toEqual([false, false, true]);
    expect(doc.hasPrivateKey).toBe(true);
    expect(doc.keys).toHaveLength(1);
    const key = doc.keys[0]!;
    expect(key.algorithm).toBe('RSA');
    expect(key.size).toBe(2048);
    expect(key.certificateIndex).toBe(2);
    // The key bytes went to the store, never into the document.
    expect(key.id).toBeDefined();
    const stored = store.get(key.id!);
    expect(stored).toBeDefined();
    const pkcs8Der = openssl(['pkcs8', '-topk8', '-nocrypt', '-in', leaf.keyPem, '-outform', 'DER']);
    expect(Buffer.from(stored!.pkcs8).equals(pkcs8Der)).toBe(true);
    const json = JSON.stringify(doc);
    const keyB64 = pkcs8Der.toString('base64');
    expect(json).not.toContain(keyB64.slice(40, 100));
    for (const [i, file] of [root.certPem, issuing.certPem, leaf.certPem].entries()) {
      expectCertMatchesOpenssl(doc.certificates[i]!, opensslFacts(file));
    }
  });

  it('matches an EC key given as a traditional EC PRIVATE KEY', async () => {
    const ecLeaf = issue(issuing, { subject: '/CN=ec.contoso.com', key: 'ec-p256', ...DATES });
    const traditional = path.join(dir, 'ec-traditional.key');
    openssl(['ec', '-in', ecLeaf.keyPem, '-out', traditional]);
    expect(fs.readFileSync(traditional, 'utf8')).toContain('BEGIN EC PRIVATE KEY');
    const bundle = concatFiles(path.join(dir, 'ec-bundle.pem'), [ecLeaf.certPem, traditional, issuing.certPem]);
    const doc = await decodeFile(bundle);
    expect(doc.certificates.map((c) => c.hasPrivateKey)).toEqual([true, false]);
    expect(doc.keys[0]).toMatchObject({ algorithm: 'EC', size: 256, certificateIndex: 0 });
  });

  it('matches an RSA PRIVATE KEY (PKCS#1) and reports an unmatched key', async () => {
    const pkcs1 = path.join(dir, 'rsa-pkcs1.key');
    openssl(['rsa', '-in', leaf.keyPem, '-traditional', '-out', pkcs1]);
    expect(fs.readFileSync(pkcs1, 'utf8')).toContain('BEGIN RSA PRIVATE KEY');
    const stray = issue(issuing, { subject: '/CN=stray.contoso.com', ...DATES });
    const bundle = concatFiles(path.join(dir, 'pkcs1-bundle.pem'), [leaf.certPem, pkcs1, stray.keyPem]);
    const doc = await decodeFile(bundle);
    expect(doc.certificates).toHaveLength(1);
    expect(doc.certificates[0]!.hasPrivateKey).toBe(true);
    expect(doc.keys.map((k) => k.certificateIndex)).toEqual([0, null]);
  });

  it('reads a key-only file as private-key', async () => {
    const doc = await decodeFile(leaf.keyPem);
    expect(doc.kind).toBe('private-key');
    expect(doc.certificates).toEqual([]);
    expect(doc.keys).toHaveLength(1);
    expect(doc.keys[0]).toMatchObject({ algorithm: 'RSA', size: 2048, certificateIndex: null });
  });

  it('lists an ENCRYPTED PRIVATE KEY it cannot open as locked', async () => {
    const encrypted = path.join(dir, 'encrypted.key');
    openssl(['pkcs8', '-topk8', '-in', leaf.keyPem, '-out', encrypted, '-passout', 'env:KEYPASS', '-v2', 'aes-256-cbc'], { env: { KEYPASS: 'secret' } });
    const bundle = concatFiles(path.join(dir, 'locked-bundle.pem'), [leaf.certPem, encrypted]);
    const doc = await decodeFile(bundle);
    expect(doc.certificates).toHaveLength(1);
    expect(doc.keys).toHaveLength(1);
    expect(doc.keys[0]!.locked).toBe(true);
    expect(doc.certificates[0]!.hasPrivateKey).toBe(false);
    const opened = await decodeFile(bundle, { password: 'secret' });
    expect(opened.keys[0]!.locked ?? false).toBe(false);
    expect(opened.certificates[0]!.hasPrivateKey).toBe(true);
  });
});

describe('P7B', () => {
  it('decodes the PEM and DER forms to the certificates openssl pkcs7 prints', async () => {
    const { pem, der } = p7b([leaf.certPem, issuing.certPem, root.certPem], path.join(dir, 'chain.p7b'));
    const printed = opensslText(['pkcs7', '-in', pem, '-print_certs']);
    const printedFile = path.join(dir, 'chain-printed.pem');
    fs.writeFileSync(printedFile, printed);
    const blocks = printed.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    expect(blocks).toHaveLength(3);
    const expected = blocks.map((b, i) => {
      const f = path.join(dir, `chain-printed-${i}.pem`);
      fs.writeFileSync(f, b + '\n');
      return opensslFacts(f);
    });
    for (const [file, encoding] of [[pem, 'pem'], [der, 'der']] as const) {
      const doc = await decodeFile(file);
      expect(doc.kind).toBe('pkcs7');
      expect(doc.encoding).toBe(encoding);
      expect(doc.hasPrivateKey).toBe(false);
      expect(doc.certificates.map((c) => c.thumbprint).sort()).toEqual(expected.map((f) => f.sha1).sort());
      for (const facts of expected) {
        expectCertMatchesOpenssl(doc.certificates.find((c) => c.thumbprint === facts.sha1)!, facts);
      }
    }
  });

  it('decodes a bare Base64 P7B', async () => {
    const { der } = p7b([leaf.certPem], path.join(dir, 'single.p7b'));
    const b64 = path.join(dir, 'single-b64.p7b');
    fs.writeFileSync(b64, fs.readFileSync(der).toString('base64'));
    const doc = await decodeFile(b64);
    expect(doc.kind).toBe('pkcs7');
    expect(doc.encoding).toBe('base64');
    expect(doc.certificates.map((c) => c.thumbprint)).toEqual([sha1Of(leaf.certPem)]);
  });
});

describe('a certreq-style request', () => {
  it('decodes NEW CERTIFICATE REQUEST with every field as openssl req reads it', async () => {
    const { csrPem } = csr({
      out: path.join(dir, 'ex1.req'),
      subject: '/C=US/ST=WA/L=Redmond/O=Contoso/OU=Messaging/CN=ex1.contoso.com',
      san: ['DNS:ex1.contoso.com', 'DNS:mail.contoso.com', 'DNS:autodiscover.contoso.com', 'IP:192.0.2.10'],
      eku: ['serverAuth', 'clientAuth'],
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      key: 'rsa2048',
      windowsLabel: true,
    });
    const doc = await decodeFile(csrPem);
    expect(doc.kind).toBe('request');
    expect(doc.encoding).toBe('pem');
    expect(doc.certificates).toEqual([]);
    const req = doc.request!;
    expect(req).toBeDefined();
    expectRequestMatchesOpenssl(req, opensslRequestFacts(csrPem));
    expect(req.subject).toBe('CN=ex1.contoso.com, OU=Messaging, O=Contoso, L=Redmond, S=WA, C=US');
    expect(req.commonName).toBe('ex1.contoso.com');
    expect(req.keyAlgorithm).toBe('RSA');
    expect(req.keySize).toBe(2048);
    expect(req.signatureValid).toBe(true);
    const der = openssl(['req', '-in', csrPem, '-outform', 'DER']);
    expect(req.sha256).toBe(createHash('sha256').update(der).digest('hex').toUpperCase());
    expect(Buffer.from(req.der, 'base64').equals(der)).toBe(true);
  });

  it('decodes an EC request in DER and in bare Base64', async () => {
    const { csrPem } = csr({ out: path.join(dir, 'ec.csr'), subject: '/CN=sip.contoso.com', san: ['DNS:sip.contoso.com'], key: 'ec-p384', md: 'sha384' });
    const derFile = path.join(dir, 'ec.csr.der');
    openssl(['req', '-in', csrPem, '-outform', 'DER', '-out', derFile]);
    const b64File = path.join(dir, 'ec.csr.b64');
    fs.writeFileSync(b64File, fs.readFileSync(derFile).toString('base64').replace(/(.{64})/g, '$1\r\n'));
    const facts = opensslRequestFacts(csrPem);
    for (const [file, encoding] of [[derFile, 'der'], [b64File, 'base64']] as const) {
      const doc = await decodeFile(file);
      expect(doc.kind).toBe('request');
      expect(doc.encoding).toBe(encoding);
      expectRequestMatchesOpenssl(doc.request!, facts);
      expect(doc.request!.publicKey.curve).toBe('P-384');
    }
  });

  it('reports a request whose signature does not verify', async () => {
    const { csrPem } = csr({ out: path.join(dir, 'tampered.csr'), subject: '/CN=tamper.contoso.com', key: 'rsa2048' });
    const der = openssl(['req', '-in', csrPem, '-outform', 'DER']);
    // Flip a byte inside the subject CN value: still well-formed, signature now wrong.
    const at = der.indexOf(Buffer.from('tamper'));
    der[at] = 'T'.charCodeAt(0);
    const file = path.join(dir, 'tampered.csr.der');
    fs.writeFileSync(file, der);
    expect(opensslRequestFacts(file).signatureValid).toBe(false);
    const doc = await decodeFile(file);
    expect(doc.request!.signatureValid).toBe(false);
  });
});
