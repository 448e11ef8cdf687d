// certbench audit, run in-process: the --json shape of issue 12, exit codes as `check`
// (0 / 1 any fail / 2 unusable input), one-line messages for a bad or future snapshot, the
// estate report in every text format, no overwrite without --force, certificate files that
// supply the DER beside a text-only snapshot — and hostile values escaped in every format.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/certbench.js';
import { fakeIo } from '../commands/fakeIo.js';
import { makeWorkDir, removeWorkDir } from '../support/openssl.js';
import { ESTATE_FAULTS, writeEstateSnapshot, type WrittenEstateSnapshot } from './estateFixture.js';

const AT = ['--at', '2026-12-01T12:00:00Z'];
let dir: string;
let clean: WrittenEstateSnapshot;
let faulty: WrittenEstateSnapshot;

beforeAll(() => {
  dir = makeWorkDir('estate-cli');
  clean = writeEstateSnapshot(dir, { fileName: 'clean.json' });
  faulty = writeEstateSnapshot(dir, { faults: ESTATE_FAULTS, fileName: 'faulty.json' });
}, 120_000);
afterAll(() => removeWorkDir(dir));

async function audit(...args: string[]) {
  const io = fakeIo(dir);
  const code = await main(['audit', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('certbench audit', () => {
  it('--json has the shape of issue 12', async () => {
    const r = await audit('faulty.json', '--trust', clean.rootPem, '--json', ...AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('fail');
    expect(json.servers.map((s: { name: string }) => s.name)).toEqual(['EX1', 'EX2', 'fe1', 'fe2', 'edge1']);
    const server = json.servers[0];
    expect(Object.keys(server)).toEqual(expect.arrayContaining(['name', 'fqdn', 'product', 'certificates']));
    expect(server.product).toBe('exchange');
    expect(Object.keys(server.certificates[0])).toEqual(expect.arrayContaining(['thumbprint', 'bindings', 'roles', 'verdict', 'findings']));
    expect(server.certificates[0].bindings[0]).toEqual({ kind: 'service', name: 'IMAP' });
    const f = json.estateFindings[0];
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'status', 'title', 'detail', 'fix', 'citation', 'servers', 'thumbprints']));
    expect(json.estateFindings.filter((x: { status: string }) => x.status === 'error').map((x: { ruleId: string }) => x.ruleId).sort()).toEqual([
      'estate.auth-certificate-on-every-server',
      'estate.expired-bound',
      'estate.oauth-token-issuer-same',
      'estate.owa-im-thumbprint-is-iis',
      'estate.um-certificate-valid',
    ]);
  });

  it('exits 0 when nothing fails, and prints per server then the estate findings', async () => {
    const r = await audit('clean.json', '--trust', clean.rootPem, ...AT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^WARN {2}Estate Contoso/);
    expect(r.stdout.indexOf('EX1  ex1.contoso.com')).toBeLessThan(r.stdout.indexOf('Estate findings'));
    expect(r.stdout).toContain('IP.WS..');
    expect(r.stdout).toContain('✔ Pass    Auth certificate present with its key on all 2 Mailbox / CAS servers');
  });

  it('exits 2 with one line naming the file for a bad snapshot, and still audits the good one', async () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"format":"certbench-snapshot","version":1,"collectedAt":"yesterday"}');
    const r = await audit('bad.json', 'clean.json', '--json', ...AT);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bad.json: collectedAt must be an ISO 8601 date such as 2026-12-01T10:00:00Z (got "yesterday").\n');
    expect(JSON.parse(r.stdout).servers).toHaveLength(5);
    const only = await audit('bad.json', ...AT);
    expect(only.code).toBe(2);
    expect(only.stdout).toBe('');
  });

  it('refuses a snapshot from a newer CertBench', async () => {
    fs.writeFileSync(path.join(dir, 'future.json'), JSON.stringify({ ...clean.snapshot, version: 7 }));
    const r = await audit('future.json', ...AT);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('future.json was made by a newer CertBench (snapshot version 7; this one reads version 1): update CertBench to read it.\n');
  });

  it('says what is missing in one line', async () => {
    expect((await audit()).code).toBe(2);
    expect((await audit('nothere.json')).stderr).toBe('nothere.json does not exist or cannot be read: check the path.\n');
    expect((await audit('clean.json', '--format', 'html')).stderr).toMatch(/--format needs --out/);
  });

  it('writes the estate report, never over an existing file without --force', async () => {
    const r = await audit('faulty.json', '--format', 'html', '--out', 'estate.html', ...AT);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Wrote estate\.html \(HTML\): 5 servers, 12 bound certificates, 5 estate findings — verdict FAIL\.$/m);
    const html = fs.readFileSync(path.join(dir, 'estate.html'), 'utf8');
    expect(html).toContain('Auth certificate missing on EX2');
    expect(html.indexOf('id="estate-findings"')).toBeLessThan(html.indexOf('id="matrix"'));
    expect(html).toContain('<svg');
    const again = await audit('faulty.json', '--out', 'estate.html', ...AT);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/estate\.html.*--force/);
    expect((await audit('faulty.json', '--out', 'estate.html', '--force', ...AT)).code).toBe(1);
    for (const format of ['md', 'csv', 'json']) {
      const out = await audit('faulty.json', '--format', format, '--out', '-', ...AT);
      expect(out.code).toBe(1);
      expect(out.stdout).toContain(format === 'csv' ? 'estate-finding' : 'Auth certificate missing on EX2');
    }
  });

  it('takes the DER from a certificate file beside a snapshot that has only text', async () => {
    const text = JSON.parse(JSON.stringify(faulty.snapshot));
    for (const row of text.exchange.certificates) delete row.der;
    fs.writeFileSync(path.join(dir, 'text-only.json'), JSON.stringify(text));
    const smtpCer = path.join(dir, 'smtp.cer');
    fs.copyFileSync(faulty.certificates.expiredSmtp.certDer, smtpCer);
    const json = JSON.parse((await audit('text-only.json', 'smtp.cer', '--json', ...AT)).stdout);
    const rows = json.servers[0].certificates;
    const smtp = rows.find((c: { subject: string }) => c.subject?.includes('smtp.contoso.com'));
    expect(smtp.hasDer).toBe(true);
    expect(smtp.derSource).toBe('open-file');
    expect(rows.find((c: { subject: string }) => c.subject?.includes('mail.contoso.com')).hasDer).toBe(false);
  });
});

describe('the estate report with hostile values', () => {
  it('escapes them in HTML, Markdown and CSV', async () => {
    const hostile = JSON.parse(JSON.stringify(clean.snapshot));
    hostile.organization = '<script>alert(1)</script>';
    hostile.exchange.certificates.push({ server: 'ex1.contoso.com', thumbprint: 'C'.repeat(40), services: ['SMTP'], subject: '=cmd|\' /C calc\'!A0 <img src=x onerror=alert(2)>', notAfter: '2027-01-01T00:00:00Z' });
    hostile.errors = [{ server: 'ex2.contoso.com', step: 'Get-UMService', message: '<b>| *boom* [x](http://evil)' }];
    fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify(hostile));
    const html = (await audit('hostile.json', '--format', 'html', '--out', '-', ...AT)).stdout;
    expect(html).not.toMatch(/<script>alert|<img src=x|<b>\|/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = (await audit('hostile.json', '--format', 'md', '--out', '-', ...AT)).stdout;
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('\\<img');
    expect(md).not.toContain('[x](http://evil)');
    const csv = (await audit('hostile.json', '--format', 'csv', '--out', '-', ...AT)).stdout;
    expect(csv).toContain(",'=cmd|' /C calc'!A0 <img src=x onerror=alert(2)>,");
    expect(csv).not.toMatch(/,=cmd/);
  });
});
