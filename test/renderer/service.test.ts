// The worker's decoder service with the real core and OpenSSL-made PFX files: wrong password
// keeps the file waiting, the right one opens it, nothing key-like reaches the UI.
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
let pfx: Uint8Array;
let keyDer: Buffer;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'certbench-service-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-subj', '/CN=*.contoso.com', '-addext', 'subjectAltName=DNS:*.contoso.com']);
  run(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'w.pfx', '-passout', 'pass:right-password']);
  run(['pkcs8', '-topk8', '-nocrypt', '-in', 'k.pem', '-outform', 'DER', '-out', 'k.der']);
  pfx = new Uint8Array(readFileSync(path.join(dir, 'w.pfx')));
  keyDer = readFileSync(path.join(dir, 'k.der'));
  // A root and a leaf it issued, in two files, for the chain the inspector shows.
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Contoso Root']);
  run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=mail.contoso.com']);
  run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-days', '10', '-out', 'leaf.pem']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const service = () => new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });

describe('DecoderService', () => {
  it('asks for the password, says when it is wrong, opens with the right one', async () => {
    const s = service();
    const first = await s.open('um.pfx', pfx.slice());
    expect(first).toMatchObject({ status: 'needs-password', fileName: 'um.pfx', wrongPassword: false });
    if (first.status !== 'needs-password') return;
    const wrong = await s.unlock(first.pendingId, 'nope');
    expect(wrong).toMatchObject({ status: 'needs-password', wrongPassword: true, message: 'That password does not open um.pfx.' });
    const opened = await s.unlock(first.pendingId, 'right-password');
    expect(opened.status).toBe('opened');
    if (opened.status !== 'opened') return;
    expect(opened.summary.certificates[0]!.commonNames).toEqual(['*.contoso.com']);
    expect(opened.summary.hasPrivateKey).toBe(true);
    // The inspector's full model comes from details(), with the chain of the certificate asked for.
    const details = await s.details(opened.docId, 0);
    expect(details.document.certificates[0]!.commonName).toBe('*.contoso.com');
    expect(details.chain.map((l) => l.cert.thumbprint)).toEqual([details.document.certificates[0]!.thumbprint]);
    expect(JSON.stringify(details)).not.toContain(keyDer.subarray(600, 660).toString('base64').slice(4, 60));
    // What goes to the UI holds no key bytes: look for a run of the private part of the PKCS#8 (past the public modulus; Base64 aligned, or hex).
    const json = JSON.stringify(opened);
    const keyB64 = keyDer.subarray(600, 660).toString('base64').slice(4, 60);
    expect(json).not.toContain(keyB64);
    expect(json).not.toContain(Buffer.from(keyDer.subarray(600, 630)).toString('hex').toUpperCase());
    expect(s.keyStore.size).toBe(1);
    s.close(opened.docId);
    expect(s.keyStore.size).toBe(0);
  });

  it('a forgotten pending file cannot be unlocked later', async () => {
    const s = service();
    const first = await s.open('um.pfx', pfx.slice());
    if (first.status !== 'needs-password') throw new Error('expected a password prompt');
    s.forget(first.pendingId);
    expect(await s.unlock(first.pendingId, 'right-password')).toMatchObject({ status: 'failed' });
  });

  it('reports unusable input as a one-line failure naming the file', async () => {
    const outcome = await service().open('notes.txt', new TextEncoder().encode('hello, not a certificate'));
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toContain('notes.txt');
  });

  it('evaluates a wildcard for Exchange UM as a failure, the same way the engine does', async () => {
    const s = service();
    const first = await s.open('um.pfx', pfx.slice());
    if (first.status !== 'needs-password') throw new Error('expected a password prompt');
    const opened = await s.unlock(first.pendingId, 'right-password');
    if (opened.status !== 'opened') throw new Error('expected the file to open');
    const checked = await s.evaluate(opened.docId, 0, 'exchange-um', {}, new Date().toISOString());
    expect(checked.evaluation.verdict).toBe('fail');
    expect(checked.evaluation.findings.find((f) => f.ruleId === 'exchange-um.cn-is-server-fqdn')?.status).toBe('error');
    expect(checked.trust?.status).toBe('self-signed');
  });
  it('gives the inspector the full model and the chain through the other open files', async () => {
    const s = service();
    const leaf = await s.open('leaf.cer', new Uint8Array(readFileSync(path.join(dir, 'leaf.pem'))));
    if (leaf.status !== 'opened') throw new Error('the leaf did not open');
    expect((await s.details(leaf.docId, 0)).chain.map((l) => l.fileName)).toEqual(['leaf.cer']);
    const root = await s.open('root.cer', new Uint8Array(readFileSync(path.join(dir, 'ca.pem'))));
    if (root.status !== 'opened') throw new Error('the root did not open');
    const details = await s.details(leaf.docId, 0);
    expect(details.document.certificates[0]!.commonName).toBe('mail.contoso.com');
    expect(details.chain.map((l) => [l.cert.commonName, l.fileName])).toEqual([
      ['mail.contoso.com', 'leaf.cer'],
      ['Contoso Root', 'root.cer'],
    ]);
    // The list's summary names the file without the model.
    expect(leaf.summary).toMatchObject({ kind: 'certificate', headline: 'mail.contoso.com', primaryIndex: 0, request: null });
    expect(leaf.summary.certificates[0]!.thumbprint).toBe(details.document.certificates[0]!.thumbprint);
    // The thumbprint tool's SHA-256 lookup reads the models the list does not hold.
    expect(await s.findSha256(details.chain[1]!.cert.sha256)).toEqual([{ docId: root.docId, certIndex: 0 }]);
    expect(await s.findSha256('0'.repeat(64))).toEqual([]);
    s.close(root.docId);
    expect((await s.details(leaf.docId, 0)).chain).toHaveLength(1);
    await expect(s.details(root.docId, 0)).rejects.toThrow('no longer open');
  });
});
