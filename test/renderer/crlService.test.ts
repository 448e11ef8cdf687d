// Issue 16.16, the worker side: .crl files (and PEM "X509 CRL" under any name) are routed to the
// CRL reader and open as documents of kind crl; the others go on to the decoder in order; a
// broken CRL is one sentence naming the file; the details name the open certificate it revokes
// and check the signature against the open CA certificate. CRLs made with the OpenSSL CLI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CrlService } from '../../renderer/crl/crlService.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { decodeDocument } from '../../shared/x509/decode.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cb-crl-service-'));
const f = (n: string) => path.join(dir, n);
const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '30', '-subj', '/O=Contoso/CN=Contoso CA']);
ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('other.key'), '-out', f('other.pem'), '-days', '30', '-subj', '/O=Contoso/CN=Contoso CA']);
writeFileSync(f('index.txt'), '');
writeFileSync(f('crlnumber'), '01\n');
writeFileSync(f('ca.cnf'), ['[ca]', 'default_ca = c', '[c]', `database = ${f('index.txt')}`, `crlnumber = ${f('crlnumber')}`, 'default_md = sha256', 'default_crl_days = 7', `certificate = ${f('ca.pem')}`, `private_key = ${f('ca.key')}`].join('\n'));
for (const [name, serial] of [['revoked', '0x0A1B2C'], ['good', '0x0A1B2D']] as const) {
  ssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f(`${name}.key`), '-subj', `/CN=${name}.contoso.com`, '-out', f(`${name}.csr`)]);
  ssl(['x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-set_serial', serial, '-days', '10', '-out', f(`${name}.pem`)]);
}
ssl(['ca', '-config', f('ca.cnf'), '-revoke', f('revoked.pem')]);
ssl(['ca', '-config', f('ca.cnf'), '-gencrl', '-out', f('contoso.crl.pem')]);
ssl(['crl', '-in', f('contoso.crl.pem'), '-outform', 'DER', '-out', f('contoso.crl')]);

const bytes = (n: string) => new Uint8Array(readFileSync(f(n)));

async function serviceWith(files: string[]) {
  const docs = new Map<string, { file: string; document: DecodedDocument }>();
  for (const [i, file] of files.entries()) docs.set(`doc-${i}`, { file, document: await decodeDocument(bytes(file), { fileName: file }) });
  return new CrlService({ openIds: () => [...docs.keys()], documents: async (ids) => ids.map((id) => docs.get(id)!) });
}

describe('CrlService', () => {
  it('routes CRLs (by extension or PEM label) and passes the other files on, answers in order', async () => {
    const crls = await serviceWith([]);
    const passed: string[] = [];
    const out = await crls.routeBatch(
      [
        { fileName: 'good.pem', bytes: bytes('good.pem') },
        { fileName: 'contoso.crl', bytes: bytes('contoso.crl') },
        { fileName: 'list.pem', bytes: bytes('contoso.crl.pem') },
        { fileName: 'broken.crl', bytes: new TextEncoder().encode('not a list') },
      ],
      async (rest) => (passed.push(...rest.map((r) => r.fileName)), rest.map(() => ({ status: 'failed' as const, code: 'x', message: 'decoder' }))),
    );
    expect(passed).toEqual(['good.pem']);
    expect(out.map((o) => o.status)).toEqual(['failed', 'opened', 'opened', 'failed']);
    const opened = out[1]!;
    if (opened.status !== 'opened') throw new Error('not opened');
    expect(opened.summary.kind).toBe('crl');
    expect(opened.summary.headline).toBe('Revocation list of Contoso CA');
    expect(opened.summary.crl).toMatchObject({ issuer: 'CN=Contoso CA, O=Contoso', revokedCount: 1 });
    expect(out[3]).toMatchObject({ status: 'failed' });
    expect((out[3] as { message: string }).message).toMatch(/^broken\.crl /);
    expect(crls.inspectorModel(opened.docId).document.kind).toBe('crl');
  });

  it('details: the open certificate it revokes, and the signature against the open CA (not a look-alike)', async () => {
    const crls = await serviceWith(['other.pem', 'ca.pem', 'revoked.pem', 'good.pem']);
    const [o] = await crls.routeBatch([{ fileName: 'contoso.crl', bytes: bytes('contoso.crl') }], async () => []);
    const docId = (o as { docId: string }).docId;
    const d = await crls.details(docId);
    expect(d.revoked.map((r) => [r.fileName, r.name, r.serialNumber])).toEqual([['revoked.pem', 'revoked.contoso.com', '0A1B2C']]);
    expect(d.notRevoked).toBe(1);
    expect(d.signature).toEqual({ status: 'valid', caFileName: 'ca.pem' });
    const alone = await serviceWith(['other.pem']);
    const [o2] = await alone.routeBatch([{ fileName: 'contoso.crl', bytes: bytes('contoso.crl') }], async () => []);
    expect((await alone.details((o2 as { docId: string }).docId)).signature).toEqual({ status: 'invalid', caFileName: 'other.pem' });
    crls.close(docId);
    await expect(crls.details(docId)).rejects.toThrow('no longer open');
  });
});
