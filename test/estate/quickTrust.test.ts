// The estate's fast chain answer for "issuer nowhere to be found" must be exactly what
// shared/trust's buildTrust says for the same certificate — compared on real OpenSSL-made
// certificates: internal-CA leaves, a self-signed one, and with and without the CA as anchor.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EstateTrust, modelNameKey } from '../../shared/estate/quickTrust.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { buildTrust } from '../../shared/trust/buildTrust.js';
import { parseCertificate } from '../../shared/x509/certificate.js';
import { createCa, issue, makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

const AT = new Date('2026-12-01T00:00:00Z');
let dir: string;
let root: CertificateModel;
let leaves: CertificateModel[];

async function model(file: string): Promise<CertificateModel> {
  return (await parseCertificate(new Uint8Array(fs.readFileSync(file)))).model;
}

beforeAll(async () => {
  dir = makeWorkDir('estate-quick-trust');
  const ca = createCa({ dir, cn: 'Contoso Issuing CA', subject: '/DC=com/DC=contoso/CN=Contoso Issuing CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  root = await model(ca.certDer);
  const dates = { startDate: '2026-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' };
  leaves = [
    await model(issue(ca, { subject: '/O=Contoso/CN=mail.contoso.com', san: ['DNS:mail.contoso.com'], eku: ['serverAuth'], ...dates }).certDer),
    await model(issue(ca, { subject: '/C=US/O=Contoso  Ltd/CN=EX1.Contoso.com', ...dates }).certDer),
    await model(selfSigned({ dir, subject: '/CN=Microsoft Exchange Server Auth Certificate', ...dates }).certDer),
  ];
}, 60_000);
afterAll(() => removeWorkDir(dir));

describe('EstateTrust', () => {
  it('answers exactly as buildTrust when the issuer is nowhere', async () => {
    const trust = new EstateTrust({ pool: leaves, trustCertificates: [], at: AT });
    for (const leaf of leaves) expect(await trust.trustOf(leaf)).toEqual(await buildTrust(leaf, { at: AT }));
    expect((await trust.trustOf(leaves[0]!)).status).toBe('incomplete');
    expect((await trust.trustOf(leaves[2]!)).status).toBe('self-signed');
  });

  it('answers exactly as buildTrust when the CA is an anchor or in the estate', async () => {
    const anchored = new EstateTrust({ pool: leaves, trustCertificates: [root], at: AT });
    for (const leaf of leaves) expect(await anchored.trustOf(leaf)).toEqual(await buildTrust(leaf, { trustCertificates: [root], at: AT }));
    expect((await anchored.trustOf(leaves[0]!)).status).toBe('trusted');
    const inEstate = new EstateTrust({ pool: [...leaves, root], trustCertificates: [], at: AT });
    expect(await inEstate.trustOf(leaves[1]!)).toEqual(await buildTrust(leaves[1]!, { fileCertificates: [root], at: AT }));
    expect((await inEstate.trustOf(leaves[1]!)).status).toBe('untrusted-root');
  });

  it('keys names the way buildTrust does (case and blanks folded, DER order)', () => {
    expect(modelNameKey(leaves[1]!.subjectName)).toBe('2.5.4.6=us,2.5.4.10=contoso ltd,2.5.4.3=ex1.contoso.com');
    expect(modelNameKey(leaves[0]!.issuerName)).toBe(modelNameKey(root.subjectName));
  });
});
