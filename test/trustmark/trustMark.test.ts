// Issue 15 "what a check sees": a private root the user opened beside the leaf can be marked
// trusted for the session. The worker then passes its certificates as trust anchors where
// `certbench check --trust FILE` passes its files, so the chain rule and the Chain tab both move
// from "untrusted root" to a trusted chain — without touching the environment.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUST_ROOT_LABEL } from '../../renderer/inspector/TrustRootToggle.js';
import { DecoderService } from '../../renderer/worker/service.js';
import { checkDocuments } from '../../shared/rules/checkDocuments.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';
import { decodeFile } from '../support/decodeFile.js';
import { createCa, issue, makeWorkDir, removeWorkDir, type Ca } from '../support/openssl.js';

const AT = '2025-06-01T00:00:00.000Z';
let dir: string;
let root: Ca;
let leafPem: string;
const bytes = (file: string) => new Uint8Array(fs.readFileSync(file));

beforeAll(() => {
  dir = makeWorkDir('trust-mark');
  root = createCa({ dir, cn: 'Private Root CA', key: 'ec-p256', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  leafPem = issue(root, { subject: '/CN=mail.contoso.com', san: ['DNS:mail.contoso.com'], key: 'ec-p256', startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' }).certPem;
});
afterAll(() => removeWorkDir(dir));

async function open(s: DecoderService, name: string, file: string): Promise<string> {
  const outcome = await s.open(name, bytes(file));
  if (outcome.status !== 'opened') throw new Error(`${name} did not open`);
  return outcome.docId;
}

async function chainOf(s: DecoderService, leaf: string, trusted: string[]) {
  const details = await s.details(leaf, 0, {}, AT, trusted);
  const checked = await s.evaluate(leaf, 0, 'general', {}, AT, trusted);
  const finding = checked.evaluation.findings.find((f) => f.ruleId === 'general.chain-trust')!;
  const verdicts = await s.verdicts([{ docId: leaf, certIndex: 0 }], 'general', {}, AT, trusted);
  return { tab: details.trust!, links: details.chain, checked, finding, verdict: verdicts[leaf] };
}

describe('marking an open root trusted for the session', () => {
  it('turns the untrusted root into a trusted chain for the chain rule and the Chain tab, and back', async () => {
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    const leaf = await open(s, 'leaf.cer', leafPem);
    const rootId = await open(s, 'root.cer', root.certPem);

    const before = await chainOf(s, leaf, []);
    expect(before.tab.status).toBe('untrusted-root');
    expect(before.checked.trust).toEqual(before.tab);
    expect(before.finding.outcome).toBe('untrusted-root');
    expect(before.finding.status).toBe('warn');
    // The app's fix names the control, in the app's words (no CLI flag).
    expect(before.finding.fix).toContain(TRUST_ROOT_LABEL);
    // The Chain tab's links name the open file each came from, so the tab can offer the mark for the root.
    expect(before.links.map((l) => l.docId)).toEqual([leaf, rootId]);
    expect(before.finding.fix).not.toContain('--trust');

    const marked = await chainOf(s, leaf, [rootId]);
    expect(marked.tab.status).toBe('trusted');
    expect(marked.checked.trust).toEqual(marked.tab);
    expect(marked.finding.outcome).toBe('pass');
    expect(marked.tab.chain.map((l) => l.source)).toEqual(['file', 'trust-file']);
    expect(marked.links.map((l) => [l.docId, l.fileName])).toEqual([
      [leaf, 'leaf.cer'],
      [rootId, 'root.cer'],
    ]);
    expect(marked.verdict).not.toBe(before.verdict);

    // Unmarking (or closing the root) takes the trust away again: the cache follows the mark.
    expect((await chainOf(s, leaf, [])).tab.status).toBe('untrusted-root');
    s.close(rootId);
    expect((await chainOf(s, leaf, [rootId])).tab.status).toBe('incomplete');
  });

  it('gives the same chain as the CLI given the root with --trust', async () => {
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    const leaf = await open(s, 'leaf.cer', leafPem);
    const rootId = await open(s, 'root.cer', root.certPem);
    const app = await chainOf(s, leaf, [rootId]);
    const rootModel = (await decodeFile(root.certPem)).certificates;
    const [cli] = await checkDocuments([{ file: path.basename(leafPem), document: await decodeFile(leafPem) }], { role: 'general', environment: {}, at: new Date(AT), trustCertificates: rootModel });
    const cliFinding = cli!.findings.find((f) => f.ruleId === 'general.chain-trust')!;
    expect(cliFinding.outcome).toBe('pass');
    expect(cliFinding.outcome).toBe(app.finding.outcome);
    expect(cli!.verdict).toBe(app.verdict);
  });
});
