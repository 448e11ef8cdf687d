// The worker service's batch calls: many files per round trip (outcomes in file order, a bad
// file is a message, not a failed batch) and the list's verdicts for many documents at once.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecoderService } from '../../renderer/worker/service.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';

let dir: string;
let cer: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'certbench-batch-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-outform', 'DER', '-out', 'c.cer', '-days', '30', '-subj', '/CN=*.contoso.com', '-addext', 'subjectAltName=DNS:*.contoso.com'], { cwd: dir, stdio: 'ignore' });
  cer = new Uint8Array(readFileSync(path.join(dir, 'c.cer')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DecoderService batches', () => {
  it('opens a batch in order, reports a bad file in its place, and queues concurrent batches', async () => {
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    const [first, second] = await Promise.all([
      s.openBatch([
        { fileName: 'a.cer', bytes: cer.slice() },
        { fileName: 'junk.cer', bytes: new Uint8Array([1, 2, 3]) },
        { fileName: 'b.cer', bytes: cer.slice() },
      ]),
      s.openBatch([{ fileName: 'c.cer', bytes: cer.slice() }]),
    ]);
    expect(first!.map((o) => o.status)).toEqual(['opened', 'failed', 'opened']);
    expect(first![1]).toMatchObject({ status: 'failed', message: expect.stringContaining('junk.cer') });
    const ids = [...first!, ...second!].flatMap((o) => (o.status === 'opened' ? [o.docId] : []));
    // Batches are decoded in the order they were asked for.
    expect(ids.map((id) => Number(id.replace('doc-', '')))).toEqual([...ids.map((id) => Number(id.replace('doc-', '')))].sort((x, y) => x - y));

    const at = new Date().toISOString();
    const verdicts = await s.verdicts([...ids.map((docId) => ({ docId, certIndex: 0 })), { docId: 'doc-999', certIndex: 0 }], 'exchange-um', { name: 'test' }, at);
    expect(Object.keys(verdicts).sort()).toEqual([...ids].sort());
    // The same verdict as the full check of one document.
    const full = await s.evaluate(ids[0]!, 0, 'exchange-um', { name: 'test' }, at);
    expect(verdicts[ids[0]!]).toBe(full.evaluation.verdict);
    expect(full.evaluation.verdict).toBe('fail');
  });
  it('keeps only the bytes of a key-less file and decodes the same model again when asked', async () => {
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    // More files than the recently-used models, so the first one is decoded again.
    const outcomes = await s.openBatch(Array.from({ length: 300 }, (_, i) => ({ fileName: `c${i}.cer`, bytes: cer.slice() })));
    const first = outcomes[0]!;
    if (first.status !== 'opened') throw new Error('the certificate did not open');
    const expected = await decodeDocument(cer.slice(), { fileName: 'c0.cer' });
    const again = await s.details(first.docId, 0);
    expect(again.document).toEqual(expected);
    // The same certificate in 300 files: the chain is the certificate (self-signed), from its own file.
    expect(again.chain.map((l) => l.fileName)).toEqual(['c0.cer']);
    // …and checks it: a valid self-signed certificate passes general hygiene (the chain rule only
    // notes that it is its own root), and the list's verdict says the same.
    const at = new Date().toISOString();
    const checked = await s.evaluate(first.docId, 0, 'general', { name: 'test' }, at);
    expect(checked.evaluation.verdict).toBe('pass');
    expect(checked.evaluation.findings.find((f) => f.ruleId === 'general.expired')?.status).toBe('pass');
    expect(await s.verdicts([{ docId: first.docId, certIndex: 0 }], 'general', { name: 'test' }, at)).toEqual({ [first.docId]: 'pass' });
  });
  it('zeroes the bytes of a key file, not of its neighbours, when a batch shares one buffer', async () => {
    // A batch read as one Blob arrives as views into one buffer: the PEM key file in the middle is
    // zeroed (its key is in the KeyStore), the certificates beside it keep their bytes and decode again.
    const key = new Uint8Array(readFileSync(path.join(dir, 'k.pem')));
    const packed = new Uint8Array(cer.length * 2 + key.length);
    packed.set(cer, 0);
    packed.set(key, cer.length);
    packed.set(cer, cer.length + key.length);
    const views = [packed.subarray(0, cer.length), packed.subarray(cer.length, cer.length + key.length), packed.subarray(cer.length + key.length)];
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    const outcomes = await s.openBatch([
      { fileName: 'a.cer', bytes: views[0]! },
      { fileName: 'k.pem', bytes: views[1]! },
      { fileName: 'b.cer', bytes: views[2]! },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['opened', 'opened', 'opened']);
    expect(views[1]!.every((b) => b === 0)).toBe(true);
    expect(views[0]).toEqual(cer);
    expect(views[2]).toEqual(cer);
    const expected = await decodeDocument(cer.slice(), { fileName: 'b.cer' });
    const last = outcomes[2]!;
    if (last.status !== 'opened') throw new Error('b.cer did not open');
    // b.cer kept only its bytes (a view): its model is decoded from them when the inspector asks.
    expect((await s.details(last.docId, 0)).document).toEqual(expected);
  });
});
