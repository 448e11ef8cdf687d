// Issue 18 item 2 for the estate: the audit builds one chain index per snapshot from the models
// it has already decoded, so the CAs behind 20 servers × 10 certificates have their signatures
// checked once — not once per certificate, as when each certificate's chain had an index (and
// a signature cache) of its own. Counted in signature checks, never timed.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureChecks } from '../../shared/crypto/verifySignature.js';
import { auditEstate } from '../../shared/estate/audit.js';
import { SNAPSHOT_FORMAT, type ExchangeService, type Snapshot, type SnapshotExchangeCertificate } from '../../shared/estate/snapshot.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { parseCertificate } from '../../shared/x509/certificate.js';
import { createCa, generateKey, makeWorkDir, removeWorkDir } from '../support/openssl.js';

const SERVERS = 20;
const PER_SERVER = 10;
const LEAVES = SERVERS * PER_SERVER;
const AT = new Date('2026-06-01T00:00:00Z');
const SERVICES: ExchangeService[][] = [['IIS', 'SMTP'], ['IMAP', 'POP'], ['SMTP'], ['IIS']];
let dir: string;
let snapshot: Snapshot;
let root: CertificateModel;
let intermediate: CertificateModel;

async function model(file: string): Promise<CertificateModel> {
  return (await parseCertificate(new Uint8Array(fs.readFileSync(file)))).model;
}

beforeAll(async () => {
  dir = makeWorkDir('audit-chain-work');
  const dates = { startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' };
  const rootCa = createCa({ dir, cn: 'Estate Root CA', ...dates });
  const issuingCa = createCa({ dir, cn: 'Estate Issuing CA', parent: rootCa, ...dates });
  root = await model(rootCa.certDer);
  intermediate = await model(issuingCa.certDer);
  const key = generateKey(path.join(dir, 'leaf.key.pem'), 'ec-p256');
  const csr = path.join(dir, 'leaf.csr');
  execFileSync('openssl', ['req', '-new', '-key', key, '-subj', '/CN=ex.contoso.com', '-out', csr]);
  // One `openssl ca` run signs the request LEAVES times (a serial each).
  const issued = path.join(dir, 'issued');
  fs.mkdirSync(issued);
  execFileSync('openssl', ['ca', '-batch', '-notext', '-config', issuingCa.configFile, '-outdir', issued, '-startdate', '20260101000000Z', '-enddate', '20270101000000Z', '-out', path.join(dir, 'last.pem'), '-infiles', ...Array<string>(LEAVES).fill(csr)], { stdio: 'ignore' });
  const ders = fs
    .readdirSync(issued)
    .sort()
    .map((f) => Buffer.from(fs.readFileSync(path.join(issued, f), 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  expect(ders).toHaveLength(LEAVES);
  const servers = Array.from({ length: SERVERS }, (_, s) => ({ name: `EX${s + 1}`, fqdn: `ex${s + 1}.contoso.com`, version: '2016', roles: ['Mailbox'] }));
  const certificates: SnapshotExchangeCertificate[] = ders.map((der, i) => ({
    server: servers[Math.floor(i / PER_SERVER)]!.fqdn,
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    services: SERVICES[i % SERVICES.length]!,
    status: 'Valid',
    hasPrivateKey: true,
    der: der.toString('base64'),
  }));
  snapshot = { format: SNAPSHOT_FORMAT, version: 1, collectedAt: '2026-05-31T10:00:00Z', exchange: { servers, certificates } };
}, 300_000);
afterAll(() => removeWorkDir(dir));

describe('the estate audit builds its chains from one index', () => {
  it(`checks each CA signature once for ${SERVERS} servers × ${PER_SERVER} certificates`, async () => {
    const before = signatureChecks.count;
    // The issuing CA comes from an open file, the root is trusted (as `audit --trust` would give it).
    const audit = await auditEstate(snapshot, { at: AT, extraCertificates: [intermediate], trustCertificates: [root] });
    const checks = signatureChecks.count - before;
    const judged = audit.servers.flatMap((s) => s.certificates);
    expect(judged).toHaveLength(LEAVES);
    // Every chain is complete and trusted: leaf → issuing CA (open file) → root (trusted).
    const chain = judged.map((c) => c.findings.find((f) => f.ruleId === 'general.chain-trust')?.status);
    expect(new Set(chain)).toEqual(new Set(['pass']));
    // Each leaf's signature once, the issuing CA's and the root's own once each: not 3 per leaf.
    expect(checks).toBeGreaterThanOrEqual(LEAVES);
    expect(checks).toBeLessThanOrEqual(LEAVES + 2);
  });
});
