// Issue 15 "what a check sees": the Chain tab showed, in green, a chain ending in a loaded root
// while the chain finding said the chain stopped at the leaf, and adding the root to the
// environment did not clear it. Now both come from one chain builder: the worker's details()
// (what the Chain tab shows) and evaluate() (what the rules judge) give the same TrustResult,
// and the tab's headline is the finding's title. Also: a CA certificate open twice is credited
// to the leaf's own file, and a saved certificate is named after itself (issue 16 item 12).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecoderService } from '../../renderer/worker/service.js';
import type { Environment } from '../../shared/environment/types.js';
import { checkDocuments } from '../../shared/rules/checkDocuments.js';
import { evaluate } from '../../shared/rules/index.js';
import { chainHeadline } from '../../shared/trust/describe.js';
import { certificateBaseName } from '../../shared/x509/fileName.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';
import { decodeFile } from '../support/decodeFile.js';
import { createCa, issue, makeWorkDir, removeWorkDir, type Ca } from '../support/openssl.js';

const AT = '2025-06-01T00:00:00.000Z';
let dir: string;
let root: Ca;
let sub: Ca;
let leafPem: string;
const bytes = (file: string) => new Uint8Array(fs.readFileSync(file));

beforeAll(() => {
  dir = makeWorkDir('chain-tab');
  root = createCa({ dir, cn: 'Tab Root CA', key: 'ec-p256', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  sub = createCa({ dir, cn: 'Tab Issuing CA', key: 'ec-p256', parent: root, startDate: '2020-01-01T00:00:00Z', endDate: '2035-01-01T00:00:00Z' });
  leafPem = issue(sub, { subject: '/CN=mail.contoso.com', san: ['DNS:mail.contoso.com'], key: 'ec-p256', startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' }).certPem;
  // The leaf with its issuing CA, as a PFX or chain.pem carries it.
  fs.writeFileSync(path.join(dir, 'leaf-and-sub.pem'), fs.readFileSync(leafPem, 'utf8') + fs.readFileSync(sub.certPem, 'utf8'));
});
afterAll(() => removeWorkDir(dir));

const service = () => new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });

async function open(s: DecoderService, name: string, file: string): Promise<string> {
  const outcome = await s.open(name, bytes(file));
  if (outcome.status !== 'opened') throw new Error(`${name} did not open`);
  return outcome.docId;
}

/** What the Chain tab gets and what the chain finding says, for one open certificate. */
async function both(s: DecoderService, docId: string, environment: Environment) {
  const details = await s.details(docId, 0, environment, AT);
  const checked = await s.evaluate(docId, 0, 'general', environment, AT);
  const finding = checked.evaluation.findings.find((f) => f.ruleId === 'general.chain-trust')!;
  return { details, checked, finding };
}

describe('the Chain tab and the chain rule', () => {
  it('agree on every step: leaf alone, intermediate opened, root opened, root in the environment', async () => {
    const s = service();
    const leaf = await open(s, 'leaf.cer', leafPem);
    const rootPem = fs.readFileSync(root.certPem, 'utf8');
    const steps: [string, () => Promise<unknown>, Environment, string][] = [
      ['leaf alone', async () => undefined, {}, 'incomplete'],
      ['issuing CA opened', () => open(s, 'sub.cer', sub.certPem), {}, 'incomplete'],
      ['root opened', () => open(s, 'root.cer', root.certPem), {}, 'untrusted-root'],
      ['root in the environment', async () => undefined, { trustedRoots: [rootPem] }, 'trusted'],
    ];
    for (const [, step, environment, status] of steps) {
      await step();
      const { details, checked, finding } = await both(s, leaf, environment);
      expect(details.trust).toEqual(checked.trust);
      expect(details.trust!.status).toBe(status);
      expect(finding.title).toBe(status === 'trusted' ? 'Chain reaches a trusted root' : chainHeadline(details.trust!).title);
      // The models the inspector shows are the chain's certificates, in order.
      expect(details.chain.map((l) => l.cert.thumbprint)).toEqual(details.trust!.chain.map((l) => l.thumbprint));
    }
    const { details } = await both(s, leaf, { trustedRoots: [rootPem] });
    expect(details.trust!.chain.map((l) => [l.source, l.fileName ?? null, l.signatureVerified])).toEqual([
      ['file', 'leaf.cer', true],
      ['other-file', 'sub.cer', true],
      ['environment', null, true],
    ]);
  });

  it('the app names its own way to add the missing certificate, the CLI its own', async () => {
    const s = service();
    const leaf = await open(s, 'leaf.cer', leafPem);
    const { finding } = await both(s, leaf, {});
    expect(finding.fix).toContain('open the issuing CA certificate alongside it');
    expect(finding.fix).not.toContain('--');
    const [cli] = await checkDocuments([{ file: 'leaf.cer', document: await decodeFile(leafPem) }], {
      role: 'general',
      environment: {},
      at: new Date(AT),
      chainAdvice: { addIssuer: 'give the issuing CA certificate with --trust FILE', trustRoot: 'give it with --trust FILE' },
    });
    const cliFix = cli!.findings.find((f) => f.ruleId === 'general.chain-trust')!.fix!;
    expect(cliFix).toContain('--trust FILE');
    expect(cliFix).not.toContain('open the issuing CA');
  });

  it('credits a CA certificate open twice to the leaf’s own file', async () => {
    const s = service();
    await open(s, 'sub.cer', sub.certPem);
    const leaf = await open(s, 'chain.pem', path.join(dir, 'leaf-and-sub.pem'));
    const { details } = await both(s, leaf, {});
    expect(details.chain.map((l) => l.fileName)).toEqual(['chain.pem', 'chain.pem']);
    expect(details.trust!.chain.map((l) => l.source)).toEqual(['file', 'file']);
  });

  it('names a certificate file after the certificate', () => {
    expect(certificateBaseName({ commonName: 'Contoso Root CA', dnsNames: [], thumbprint: 'AB' })).toBe('Contoso Root CA');
    expect(certificateBaseName({ commonName: '*.contoso.com', dnsNames: [], thumbprint: 'AB' })).toBe('wildcard.contoso.com');
    expect(certificateBaseName({ commonName: 'a/b:c', dnsNames: [], thumbprint: 'AB' })).toBe('a_b_c');
    expect(certificateBaseName({ commonName: null, dnsNames: [], thumbprint: 'AB12' })).toBe('AB12');
  });
});
