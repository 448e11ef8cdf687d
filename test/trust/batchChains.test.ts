// Issue 18 item 2: `check` / `report` were quadratic in the certificates of one file — every
// end-entity certificate re-parsed all the others with pkijs (400 in one P7B: 174 s). The
// chain index is built once per batch from the decoded models: counted in signature checks
// and pkijs parses, never timed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signatureChecks } from '../../shared/crypto/verifySignature.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { checkDocuments } from '../../shared/rules/checkDocuments.js';
import { decodeFile } from '../support/decodeFile.js';
import { createCa, generateKey, makeWorkDir, removeWorkDir, type Ca } from '../support/openssl.js';

const LEAVES = 399;
const AT = new Date('2025-06-01T00:00:00Z');
let dir: string;
let ca: Ca;
let p7b: DecodedDocument;

beforeAll(() => {
  dir = makeWorkDir('batch-chains');
  ca = createCa({ dir, cn: 'Batch Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  const key = generateKey(path.join(dir, 'leaf.key.pem'), 'ec-p256');
  const csr = path.join(dir, 'leaf.csr');
  execFileSync('openssl', ['req', '-new', '-key', key, '-subj', '/CN=host.contoso.com', '-out', csr]);
  // One `openssl ca` run signs the request 399 times (a serial each): a process per certificate
  // would dominate the test.
  const issued = path.join(dir, 'issued');
  fs.mkdirSync(issued);
  execFileSync('openssl', ['ca', '-batch', '-notext', '-config', ca.configFile, '-outdir', issued, '-startdate', '20250101000000Z', '-enddate', '20300101000000Z', '-out', path.join(dir, 'last.pem'), '-infiles', ...Array<string>(LEAVES).fill(csr)], { stdio: 'ignore' });
  const leaves = fs.readdirSync(issued).map((f) => fs.readFileSync(path.join(issued, f), 'utf8'));
  expect(leaves).toHaveLength(LEAVES);
  fs.writeFileSync(path.join(dir, 'all.pem'), leaves.join('') + fs.readFileSync(ca.certPem, 'utf8'));
  fs.writeFileSync(path.join(dir, 'leaf7.pem'), leaves[6]!);
  execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', path.join(dir, 'all.pem'), '-outform', 'DER', '-out', path.join(dir, 'big.p7b')]);
}, 300_000);
afterAll(() => removeWorkDir(dir));

describe('chains of a batch are built once', () => {
  it('a P7B of 400 certificates checks with one signature check per certificate, no pkijs parse', async () => {
    p7b = await decodeFile(path.join(dir, 'big.p7b'));
    expect(p7b.certificates).toHaveLength(LEAVES + 1);
    const parses = vi.spyOn(pkijs.Certificate, 'fromBER');
    const before = signatureChecks.count;
    const results = await checkDocuments([{ file: 'big.p7b', document: p7b }], {
      role: 'general',
      environment: { trustedRoots: [fs.readFileSync(ca.certPem, 'utf8')] },
      at: AT,
    });
    const checks = signatureChecks.count - before;
    parses.mockRestore();
    expect(results).toHaveLength(LEAVES);
    // Each leaf's signature once, the root's own signature once: not 399 × 400.
    expect(checks).toBeLessThanOrEqual(LEAVES + 2);
    expect(checks).toBeGreaterThanOrEqual(LEAVES);
    expect(parses).not.toHaveBeenCalled();
    const chain = results.map((r) => r.findings.find((f) => f.ruleId === 'general.chain-trust')!);
    expect(new Set(chain.map((f) => f.status))).toEqual(new Set(['pass']));
  });

  it('another file of the batch completes a chain, as an intermediate but never as an anchor', async () => {
    const leafOnly = await decodeFile(path.join(dir, 'leaf7.pem'));
    const root = await decodeFile(ca.certPem);
    const [alone] = await checkDocuments([{ file: 'leaf7.pem', document: leafOnly }], { role: 'general', environment: {}, at: AT });
    expect(alone!.findings.find((f) => f.ruleId === 'general.chain-trust')!.title).toBe('Chain is incomplete');
    const [beside] = await checkDocuments(
      [
        { file: 'leaf7.pem', document: leafOnly },
        { file: 'root.pem', document: root },
      ],
      { role: 'general', environment: {}, at: AT },
    );
    expect(beside!.findings.find((f) => f.ruleId === 'general.chain-trust')!.title).toBe('Chain ends in a root nobody said to trust');
  });
});
