// Chain building on real OpenSSL-made chains: where the chain ends decides "trusted",
// "untrusted root", "incomplete", "self-signed" or "invalid signature".
import fs from 'node:fs';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../shared/x509/decode.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { buildTrust } from '../../shared/trust/buildTrust.js';
import { modelNameKey } from '../../shared/trust/nameKey.js';
import { publicRootBySha256, publicRootCount, publicRootForIssuer } from '../../shared/trust/publicRoots.js';
import { decodeFile } from '../support/decodeFile.js';
import { createCa, issue, makeWorkDir, removeWorkDir, selfSigned, type Ca } from '../support/openssl.js';

const AT = new Date('2025-06-01T00:00:00Z');
let dir: string;
let root: Ca;
let sub: Ca;
let leaf: CertificateModel;
let rootModel: CertificateModel;
let subModel: CertificateModel;
const pem = (file: string) => fs.readFileSync(file, 'utf8');
const cert = async (file: string) => (await decodeFile(file)).certificates[0]!;

beforeAll(async () => {
  dir = makeWorkDir('trust');
  root = createCa({ dir, cn: 'Contoso Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  sub = createCa({ dir, cn: 'Contoso Issuing CA', parent: root, startDate: '2020-01-01T00:00:00Z', endDate: '2030-01-01T00:00:00Z' });
  const issued = issue(sub, { subject: '/O=Contoso/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' });
  leaf = await cert(issued.certPem);
  rootModel = await cert(root.certPem);
  subModel = await cert(sub.certPem);
});
afterAll(() => removeWorkDir(dir));

describe('buildTrust', () => {
  it('a chain whose root is in the environment is trusted, every signature verified', async () => {
    const t = await buildTrust(leaf, { fileCertificates: [subModel], environmentRoots: [pem(root.certPem)], at: AT });
    expect(t.status).toBe('trusted');
    expect(t.anchor).toBe('environment');
    expect(t.publicCa).toBe(false);
    expect(t.chain.map((l) => l.subject)).toEqual(['O=Contoso, CN=ex1.contoso.com'.split(', ').reverse().join(', '), 'CN=Contoso Issuing CA, O=CertBench Tests', 'CN=Contoso Root CA, O=CertBench Tests']);
    expect(t.chain.map((l) => l.signatureVerified)).toEqual([true, true, true]);
    expect(t.chain.map((l) => l.source)).toEqual(['file', 'file', 'environment']);
  });

  it('the same chain with the root only in the file ends in an untrusted root', async () => {
    const t = await buildTrust(leaf, { fileCertificates: [subModel, rootModel], at: AT });
    expect(t.status).toBe('untrusted-root');
    expect(t.anchor).toBeNull();
  });

  it('the intermediate given with --trust is an anchor', async () => {
    const t = await buildTrust(leaf, { trustCertificates: [subModel], at: AT });
    expect(t.status).toBe('trusted');
    expect(t.anchor).toBe('trust-file');
  });

  it('a leaf alone is incomplete', async () => {
    const t = await buildTrust(leaf, { at: AT });
    expect(t.status).toBe('incomplete');
    expect(t.chain).toHaveLength(1);
  });

  it('an expired intermediate is reported as a problem', async () => {
    const t = await buildTrust(leaf, { fileCertificates: [subModel], environmentRoots: [pem(root.certPem)], at: new Date('2031-01-01T00:00:00Z') });
    expect(t.problems.join(' ')).toMatch(/Contoso Issuing CA.*expired on 2030-01-01/);
  });

  it('a self-signed certificate is detected by verifying its own signature', async () => {
    const s = selfSigned({ dir, subject: '/CN=Microsoft Exchange Server Auth Certificate', startDate: '2025-01-01T00:00:00Z', endDate: '2030-01-01T00:00:00Z' });
    const t = await buildTrust(await cert(s.certPem), { at: AT });
    expect(t.status).toBe('self-signed');
    expect(t.selfSigned).toBe(true);
    expect(t.selfSignatureVerified).toBe(true);
  });

  it('a certificate whose signature was altered has an invalid signature', async () => {
    const der = Buffer.from(leaf.der, 'base64');
    der[der.length - 1] ^= 0x01; // the last byte of the signature value
    const t = await buildTrust({ ...leaf, der: der.toString('base64') }, { fileCertificates: [subModel], environmentRoots: [pem(root.certPem)], at: AT });
    expect(t.status).toBe('invalid-signature');
    expect(t.problems.join(' ')).toMatch(/does not verify/);
  });

  it('an RSASSA-PSS signature is verified by the one verifier (and an altered one is not)', async () => {
    const pss = await cert(issue(sub, { subject: '/CN=pss.contoso.com', san: ['DNS:pss.contoso.com'], pss: true, startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' }).certPem);
    expect(pss.signatureAlgorithmOid).toBe('1.2.840.113549.1.1.10');
    const t = await buildTrust(pss, { fileCertificates: [subModel], environmentRoots: [pem(root.certPem)], at: AT });
    expect(t.status).toBe('trusted');
    expect(t.chain[0]!.signatureVerified).toBe(true);
    const der = Buffer.from(pss.der, 'base64');
    der[der.length - 1] ^= 0x01;
    const bad = await buildTrust({ ...pss, der: der.toString('base64') }, { fileCertificates: [subModel], environmentRoots: [pem(root.certPem)], at: AT });
    expect(bad.status).toBe('invalid-signature');
  });

  it('a public root from Node\'s store is recognised as public', async () => {
    const doc = await decodeDocument(new TextEncoder().encode(rootCertificates[0]!), { fileName: 'root.pem' });
    const t = await buildTrust(doc.certificates[0]!, { at: AT });
    expect(t.publicCa).toBe(true);
    expect(t.anchor).toBe('public');
    expect(t.status).toBe('trusted');
  });
});

describe('the generated public root list', () => {
  const generated = fs.readFileSync(new URL('../../shared/trust/publicRoots.generated.ts', import.meta.url), 'utf8');
  const generatedWith = /\/\/ Node ([\d.]+),/.exec(generated)?.[1];

  it('agrees with Node\'s tls.rootCertificates: same fingerprints and name keys as the trust builder computes', async () => {
    let known = 0;
    for (const p of rootCertificates) {
      const doc = await decodeDocument(new TextEncoder().encode(p), { fileName: 'root.pem' });
      const root = publicRootBySha256(doc.certificates[0]!.sha256);
      if (!root) continue;
      known++;
      // The issuer-name lookup of a certificate issued by this root must find it.
      const t = await buildTrust(doc.certificates[0]!, { at: AT });
      expect(t.publicCa, root.subject).toBe(true);
      // The script's name key equals the trust builder's, so issuer-name lookups find the root.
      const key = modelNameKey(doc.certificates[0]!.subjectName);
      expect(key).toBe(root.nameKey);
      expect(publicRootForIssuer(key, root.ski)).toBeDefined();
    }
    // Node updates its store now and then: most roots are always shared.
    expect(known / rootCertificates.length).toBeGreaterThan(0.8);
  });

  it.runIf(generatedWith === process.versions.node)('is exactly Node\'s list for the Node version that generated it (else re-run scripts/gen-public-roots.js)', () => {
    expect(publicRootCount()).toBe(rootCertificates.length);
  });
});
