// The worker's estate service with the real core (snapshot reader, importer, audit) and an
// estate made with OpenSSL: opened files are routed (snapshot / server output to the estate,
// certificates to the decoder), pasted output is imported and merged, open certificate files
// supply the DER for pasted thumbprints, and nothing but public data reaches the UI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEstate } from '../../shared/estate/audit.js';
import { environmentFromSnapshot } from '../../shared/estate/environment.js';
import { detectServerOutput, importServerOutput } from '../../shared/estate/import/index.js';
import { mergeSnapshots } from '../../shared/estate/merge.js';
import { parseSnapshot } from '../../shared/estate/readSnapshot.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';
import { renderEstateReport } from '../../renderer/worker/estateReport.js';
import { EstateService, type EstateEngine } from '../../renderer/worker/estateService.js';
import { DecoderService } from '../../renderer/worker/service.js';
import type { OpenOutcome } from '../../renderer/worker/protocol.js';
import { ESTATE_AT, thumbprintOf, writeEstateSnapshot, type WrittenEstateSnapshot } from '../estate/estateFixture.js';

let dir: string;
let written: WrittenEstateSnapshot;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'certbench-estate-service-'));
  written = writeEstateSnapshot(dir, { faults: ['auth-missing'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const context = (openDocIds: string[] = []) => ({ atIso: ESTATE_AT.toISOString(), openDocIds });

function setup() {
  const decoder = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
  const engine: EstateEngine = {
    isSnapshot: (text) => /^\s*\{/.test(text) && text.includes('"certbench-snapshot"'),
    parseSnapshot,
    mergeSnapshots,
    environmentFromSnapshot,
    auditEstate,
    detectServerOutput,
    importServerOutput: (sources, options) => importServerOutput(sources, options),
    renderEstateReport,
    async trustCertificates(pems) {
      const out = [];
      for (const pem of pems) out.push(...(await decodeDocument(new TextEncoder().encode(pem), { fileName: 'root' })).certificates);
      return out;
    },
    async openCertificates(docIds) {
      return (await decoder.documents(docIds)).flatMap((d) => d.document.certificates);
    },
  };
  const estate = new EstateService(engine);
  const open = (files: { fileName: string; bytes: Uint8Array }[]) => estate.routeBatch(files, (rest) => decoder.openBatch(rest));
  return { decoder, estate, open };
}

const bytes = (text: string) => new TextEncoder().encode(text);

function exchangeTable(server: string, rows: string[]): string {
  return [`[PS] C:\\>Get-ExchangeCertificate -Server ${server}`, '', 'Thumbprint                                Services   Subject', '----------                                --------   -------', ...rows, ''].join('\n');
}

describe('EstateService', () => {
  it('routes a snapshot to the estate and a certificate to the decoder, in file order', async () => {
    const { estate, open } = setup();
    const derFile = new Uint8Array(readFileSync(written.certificates.mail.certDer));
    const outcomes = await open([
      { fileName: 'mail.pem', bytes: new Uint8Array(readFileSync(written.certificates.mail.certPem)) },
      { fileName: 'mail.cer', bytes: derFile },
      { fileName: 'contoso.json', bytes: new Uint8Array(readFileSync(written.file)) },
      { fileName: 'contoso-env.json', bytes: bytes('{ "name": "Contoso", "exchangeServers": [] }') },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['opened', 'opened', 'estate', 'failed']);
    expect(outcomes[2]).toMatchObject({ status: 'estate', fileName: 'contoso.json', kind: 'snapshot' });
    const state = await estate.state(context());
    expect(state.sources).toEqual([{ id: expect.any(String), name: 'contoso.json', kind: 'snapshot', format: null }]);
    expect(state.error).toBeNull();
    expect(state.audit?.servers.map((s) => s.name)).toEqual(expect.arrayContaining(['EX1', 'EX2']));
    expect(state.environment?.exchangeServers?.map((s) => s.fqdn)).toEqual(['ex1.contoso.com', 'ex2.contoso.com']);
    // No certificate bytes travel back to the UI.
    expect(JSON.stringify(state.snapshot)).not.toMatch(/"der"/);
    expect(state.snapshot?.exchange?.certificates.length).toBe(written.snapshot.exchange!.certificates.length);
  });

  it('reads a snapshot pasted as text, and exports the estate report from the full audit', async () => {
    const { estate } = setup();
    await expect(estate.report('html', {}, context())).rejects.toThrow(/Open a snapshot or paste server output first/);
    expect(estate.paste('Pasted text', JSON.stringify(written.snapshot), true)).toBe(true);
    const state = await estate.state(context());
    expect(state.sources[0]).toMatchObject({ kind: 'snapshot', name: 'Pasted text' });
    const report = await estate.report('html', { customer: 'Contoso Ltd' }, context());
    expect(report.fileName).toBe('estate-report-contoso-ltd.html');
    expect(report.mimeType).toBe('text/html');
    expect(report.text).toMatch(/^<!DOCTYPE html>/i);
    for (const name of ['EX1', 'EX2', 'Contoso Ltd']) expect(report.text).toContain(name);
    const json = JSON.parse((await estate.report('json', {}, context())).text) as { servers: { certificates: { findings: { status: string }[] }[] }[] };
    // The report is rendered from the full audit: passed checks are in it, though the window's copy leaves them out.
    expect(json.servers.some((s) => s.certificates.some((c) => c.findings.some((f) => f.status === 'pass')))).toBe(true);
    expect(state.audit!.servers.every((s) => s.certificates.every((c) => c.findings.every((f) => f.status !== 'pass' && f.status !== 'not_applicable')))).toBe(true);
  });

  it("trusts the environment's internal roots, as the workbench does", async () => {
    const { estate, open } = setup();
    await open([{ fileName: 'contoso.json', bytes: new Uint8Array(readFileSync(written.file)) }]);
    const mail = thumbprintOf(written.certificates.mail);
    const chainFindings = (s: Awaited<ReturnType<typeof estate.state>>) =>
      s.audit!.servers.find((x) => x.name === 'EX1')!.certificates.find((c) => c.thumbprint === mail)!.findings.filter((f) => f.ruleId === 'general.chain-trust');
    expect(chainFindings(await estate.state(context()))).not.toEqual([]);
    const trusted = await estate.state({ ...context(), trustedRoots: [readFileSync(written.rootPem, 'utf8')] });
    expect(chainFindings(trusted)).toEqual([]);
  });

  it('trusts an open root file marked "Trust this root" for the session, as the workbench does', async () => {
    const { estate, open } = setup();
    const [, root] = await open([
      { fileName: 'contoso.json', bytes: new Uint8Array(readFileSync(written.file)) },
      { fileName: 'root.pem', bytes: new Uint8Array(readFileSync(written.rootPem)) },
    ]);
    expect(root).toMatchObject({ status: 'opened' });
    const rootId = root!.status === 'opened' ? root!.docId : '';
    const mail = thumbprintOf(written.certificates.mail);
    const chainFindings = (s: Awaited<ReturnType<typeof estate.state>>) =>
      s.audit!.servers.find((x) => x.name === 'EX1')!.certificates.find((c) => c.thumbprint === mail)!.findings.filter((f) => f.ruleId === 'general.chain-trust');
    // Open but not trusted: the chain still ends in a root nobody said to trust.
    expect(chainFindings(await estate.state(context([rootId])))).not.toEqual([]);
    expect(chainFindings(await estate.state({ ...context([rootId]), trustedDocIds: [rootId] }))).toEqual([]);
  });

  it('refuses a snapshot from a newer CertBench with one sentence naming the file', async () => {
    const { estate, open } = setup();
    const newer = { ...written.snapshot, version: 2 };
    const [outcome] = (await open([{ fileName: 'future.json', bytes: bytes(JSON.stringify(newer)) }])) as OpenOutcome[];
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome!.status === 'failed' && outcome!.message).toMatch(/^future\.json .*newer CertBench.*update CertBench/);
    expect((await estate.state(context())).sources).toEqual([]);
  });

  it('reads Windows PowerShell output saved as UTF-16 with a byte-order mark', async () => {
    const { estate, open } = setup();
    const text = exchangeTable('EX1', [`${thumbprintOf(written.certificates.mail)}  IP.WS..    CN=mail.contoso.com, O=Contoso`]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const [outcome] = await open([{ fileName: 'ex1-certs.txt', bytes: utf16 }]);
    expect(outcome).toMatchObject({ status: 'estate', kind: 'output' });
    const state = await estate.state(context());
    expect(state.sources[0]).toMatchObject({ name: 'ex1-certs.txt', kind: 'output', format: 'exchange-certificate-table' });
    const ex1 = state.audit!.servers.find((s) => s.name.toUpperCase() === 'EX1');
    expect(ex1?.certificates.map((c) => c.thumbprint)).toEqual([thumbprintOf(written.certificates.mail)]);
  });

  it('reads Get-ExchangeCertificate | fl * that carries a pending request as PEM as server output, not as a request file', async () => {
    const { estate, open } = setup();
    const pending = [
      '[PS] C:\\>Get-ExchangeCertificate -Server EX1 | fl *',
      '',
      'CertificateDomains : {mail.contoso.com}',
      'CertificateRequest : -----BEGIN NEW CERTIFICATE REQUEST-----',
      '                     MIICvDCCAaQCAQAwGzEZMBcGA1UEAwwQbWFpbC5jb250b3NvLmNvbQ==',
      '                     -----END NEW CERTIFICATE REQUEST-----',
      'HasPrivateKey      : True',
      'Services           : None',
      'Status             : PendingRequest',
      'Subject            : CN=mail.contoso.com',
      `Thumbprint         : ${'D'.repeat(40)}`,
      '',
    ].join('\n');
    const [outcome] = await open([{ fileName: 'ex1-fl.txt', bytes: bytes(pending) }]);
    expect(outcome).toMatchObject({ status: 'estate', kind: 'output' });
    const state = await estate.state(context());
    expect(state.understood.some((u) => /EX1/.test(u.summary))).toBe(true);
  });

  it('takes pasted server output only when the core recognises it', async () => {
    const { estate } = setup();
    expect(estate.paste('Pasted text', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', true)).toBe(false);
    expect(estate.paste('Pasted text', 'hello, this is not what a server printed', true)).toBe(false);
    expect((await estate.state(context())).sources).toEqual([]);
  });

  it('merges pasted Get-ExchangeCertificate (two servers) and Get-AuthConfig into one estate, and names each paste', async () => {
    const { estate } = setup();
    const auth = thumbprintOf(written.certificates.auth);
    const mail = thumbprintOf(written.certificates.mail);
    const table =
      exchangeTable('EX1', [`${auth}  ....S..    CN=Microsoft Exchange Server Auth Certificate`, `${mail}  IP.WS..    CN=mail.contoso.com, O=Contoso`]) +
      '\n' +
      exchangeTable('EX2', [`${mail}  IP.WS..    CN=mail.contoso.com, O=Contoso`]);
    expect(estate.paste('Pasted text', table, true)).toBe(true);
    expect(estate.paste('Pasted text', ['[PS] C:\\>Get-AuthConfig | fl', '', `CurrentCertificateThumbprint  : ${auth}`, 'PreviousCertificateThumbprint :', ''].join('\n'), true)).toBe(true);
    const state = await estate.state(context());
    expect(state.sources.map((s) => s.name)).toEqual(['Pasted text', 'Pasted text (2)']);
    expect(state.understood.some((u) => u.source === 'Pasted text' && /EX1/.test(u.summary))).toBe(true);
    expect(state.understood.some((u) => u.source === 'Pasted text (2)')).toBe(true);
    expect(state.snapshot?.exchange?.authConfig?.currentCertificateThumbprint).toBe(auth);
    const ex1 = state.audit!.servers.find((s) => s.name.toUpperCase() === 'EX1')!;
    const authOnEx1 = ex1.certificates.find((c) => c.thumbprint === auth)!;
    expect(authOnEx1.bindings).toContainEqual({ kind: 'reference', name: 'AuthConfig current' });
    // The locale picker re-reads the pasted text; removing a paste takes its objects out.
    estate.setOptions({ locale: 'en-GB', server: null });
    expect((await estate.state(context())).options.locale).toBe('en-GB');
    estate.remove(state.sources[1]!.id);
    expect((await estate.state(context())).snapshot?.exchange?.authConfig?.currentCertificateThumbprint ?? null).toBeNull();
  });

  it('gives an open certificate file with a pasted thumbprint its bindings (its DER is used)', async () => {
    const { estate, open } = setup();
    const mail = thumbprintOf(written.certificates.mail);
    const [opened] = await open([{ fileName: 'mail.cer', bytes: new Uint8Array(readFileSync(written.certificates.mail.certDer)) }]);
    expect(opened?.status).toBe('opened');
    const docId = opened!.status === 'opened' ? opened!.docId : '';
    estate.paste('Pasted text', exchangeTable('EX1', [`${mail}  IP.WS..    CN=mail.contoso.com, O=Contoso`]), true);
    const without = (await estate.state(context())).audit!.servers[0]!.certificates[0]!;
    expect(without.hasDer).toBe(false);
    const withFile = (await estate.state(context([docId]))).audit!.servers[0]!.certificates[0]!;
    expect(withFile.thumbprint).toBe(mail);
    expect(withFile.hasDer).toBe(true);
    expect(withFile.roles).toContain('general');
  });
});
