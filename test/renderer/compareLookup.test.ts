// Compare in the worker (renderer/worker/renewalWorker.ts) with the real decoder service and
// OpenSSL-made certificates: each side is one look at the open document (its subjects carry the
// certificate), the certificate is the one chosen by thumbprint, and a CA certificate is refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renewalApi } from '../../renderer/worker/renewalWorker.js';
import { DecoderService } from '../../renderer/worker/service.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';

let dir: string;
const file = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'certbench-compare-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=Contoso Root']);
  for (const [name, days] of [['old', '30'], ['new', '400']]) {
    run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=mail.contoso.com']);
    run(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-days', days, '-out', `${name}.pem`]);
  }
  // The renewal with its root in one file: the root is not one of the file's server certificates.
  writeFileSync(path.join(dir, 'chain.pem'), readFileSync(path.join(dir, 'new.pem'), 'utf8') + readFileSync(path.join(dir, 'ca.pem'), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function opened(s: DecoderService, name: string): Promise<{ docId: string; thumbprint: string }> {
  const outcome = await s.open(name, file(name));
  if (outcome.status !== 'opened') throw new Error(`${name} did not open`);
  return { docId: outcome.docId, thumbprint: outcome.summary.certificates[0]!.thumbprint };
}

describe('compare', () => {
  it('looks at each open document once, through its subjects', async () => {
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    const older = await opened(s, 'old.pem');
    const newer = await opened(s, 'new.pem');
    await opened(s, 'ca.pem');
    const documents = vi.spyOn(s, 'documents');
    const subjects = vi.spyOn(s, 'subjects');
    const result = await renewalApi(s).compare(older, newer, 'auto', {}, new Date().toISOString());
    expect(result.differences.length).toBeGreaterThan(0);
    expect(documents).not.toHaveBeenCalled();
    expect(subjects.mock.calls.map((c) => c[0])).toEqual([older.docId, newer.docId]);
  });

  it('refuses a CA certificate and a closed file, naming which', async () => {
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    const leaf = await opened(s, 'old.pem');
    const chain = await opened(s, 'chain.pem');
    const rootThumbprint = (await s.documents([chain.docId]))[0]!.document.certificates.find((c) => c.isCA)!.thumbprint;
    await expect(renewalApi(s).compare(leaf, { docId: chain.docId, thumbprint: rootThumbprint }, 'auto', {}, new Date().toISOString())).rejects.toThrow('chain.pem: the certificate chosen is not one of its server certificates');
    s.close(chain.docId);
    await expect(renewalApi(s).compare(leaf, chain, 'auto', {}, new Date().toISOString())).rejects.toThrow('That file is no longer open.');
  });
});
