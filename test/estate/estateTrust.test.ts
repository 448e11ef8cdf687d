// The estate's chains come from one shared/trust ChainIndex of the whole snapshot: for each
// certificate they must be what buildTrust says with the same issuers at hand — compared on
// real OpenSSL-made certificates: internal-CA leaves, a self-signed one, with and without the CA
// as anchor, and a two-level CA whose intermediate and root are both in the estate.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EstateTrust } from '../../shared/estate/estateTrust.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { buildTrust } from '../../shared/trust/buildTrust.js';
import { parseCertificate } from '../../shared/x509/certificate.js';
import { createCa, issue, makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

const AT = new Date('2026-12-01T00:00:00Z');
let dir: string;
let root: CertificateModel;
let leaves: CertificateModel[];
let tierRoot: CertificateModel;
let tierIntermediate: CertificateModel;
let tierLeaf: CertificateModel;

async function model(file: string): Promise<CertificateModel> {
  return (await parseCertificate(new Uint8Array(fs.readFileSync(file)))).model;
}

beforeAll(async () => {
  dir = makeWorkDir('estate-trust');
  const ca = createCa({ dir, cn: 'Contoso Issuing CA', subject: '/DC=com/DC=contoso/CN=Contoso Issuing CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  root = await model(ca.certDer);
  const dates = { startDate: '2026-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' };
  leaves = [
    await model(issue(ca, { subject: '/O=Contoso/CN=mail.contoso.com', san: ['DNS:mail.contoso.com'], eku: ['serverAuth'], ...dates }).certDer),
    await model(issue(ca, { subject: '/C=US/O=Contoso  Ltd/CN=EX1.Contoso.com', ...dates }).certDer),
    await model(selfSigned({ dir, subject: '/CN=Microsoft Exchange Server Auth Certificate', ...dates }).certDer),
  ];
  const tierCa = createCa({ dir, cn: 'Fabrikam Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  const tierSub = createCa({ dir, cn: 'Fabrikam Issuing CA', parent: tierCa, startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  tierRoot = await model(tierCa.certDer);
  tierIntermediate = await model(tierSub.certDer);
  tierLeaf = await model(issue(tierSub, { subject: '/O=Fabrikam/CN=mail.fabrikam.com', san: ['DNS:mail.fabrikam.com'], eku: ['serverAuth'], ...dates }).certDer);
}, 60_000);
afterAll(() => removeWorkDir(dir));

describe('EstateTrust', () => {
  it('answers exactly as buildTrust when the issuer is nowhere', async () => {
    const trust = await EstateTrust.of({ pool: leaves, trustCertificates: [], at: AT });
    for (const leaf of leaves) expect(await trust.trustOf(leaf)).toEqual(await buildTrust(leaf, { at: AT }));
    expect((await trust.trustOf(leaves[0]!)).status).toBe('incomplete');
    expect((await trust.trustOf(leaves[2]!)).status).toBe('self-signed');
  });

  it('answers exactly as buildTrust when the CA is an anchor or in the estate', async () => {
    const anchored = await EstateTrust.of({ pool: leaves, trustCertificates: [root], at: AT });
    for (const leaf of leaves) expect(await anchored.trustOf(leaf)).toEqual(await buildTrust(leaf, { trustCertificates: [root], at: AT }));
    expect((await anchored.trustOf(leaves[0]!)).status).toBe('trusted');
    const inEstate = await EstateTrust.of({ pool: [...leaves, root], trustCertificates: [], at: AT });
    expect(await inEstate.trustOf(leaves[1]!)).toEqual(await buildTrust(leaves[1]!, { fileCertificates: [root], at: AT }));
    expect((await inEstate.trustOf(leaves[1]!)).status).toBe('untrusted-root');
  });

  it('follows an intermediate of the estate to a root of the estate, as check does for one batch', async () => {
    // Handing each certificate only its direct issuer (the old per-certificate chains) stopped at
    // the intermediate and called the chain incomplete.
    const estate = await EstateTrust.of({ pool: [tierLeaf, tierIntermediate, tierRoot], trustCertificates: [], at: AT });
    const chain = await estate.trustOf(tierLeaf);
    expect(chain).toEqual(await buildTrust(tierLeaf, { fileCertificates: [tierIntermediate, tierRoot], at: AT }));
    expect(chain.status).toBe('untrusted-root');
    expect(chain.chain.map((l) => l.thumbprint)).toEqual([tierLeaf.thumbprint, tierIntermediate.thumbprint, tierRoot.thumbprint]);
    const anchored = await EstateTrust.of({ pool: [tierLeaf, tierIntermediate], trustCertificates: [tierRoot], at: AT });
    expect((await anchored.trustOf(tierLeaf)).status).toBe('trusted');
  });

  it('builds a certificate once however often it is asked', async () => {
    const trust = await EstateTrust.of({ pool: leaves, trustCertificates: [root], at: AT });
    expect(trust.trustOf(leaves[0]!)).toBe(trust.trustOf(leaves[0]!));
  });
});
