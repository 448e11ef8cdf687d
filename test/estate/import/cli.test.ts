// certbench import: the "done when" through the CLI (in-process, and once through the
// built binary), --json, --out/--force, UTF-16 files, and unusable files (one line, exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/certbench.js';
import { fakeIo } from '../../commands/fakeIo.js';
import { runCli } from '../../support/cli.js';
import { SAMPLES } from './support.js';

async function run(args: string[], cwd = SAMPLES) {
  const io = fakeIo(cwd);
  const code = await main(['import', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function json(args: string[]) {
  const r = await run([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('certbench import', () => {
  it('fl paste of three certificates with en-GB dates: thumbprints, services, NotAfter, server', async () => {
    const out = await json(['ex1-fl-en-GB.txt', '--locale', 'en-GB']);
    expect(out.snapshot.exchange.certificates.map((c: { server: string; thumbprint: string; services: string[]; notAfter: string }) => [c.server, c.thumbprint, c.services, c.notAfter])).toEqual([
      ['EX1', '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901', ['IMAP', 'POP', 'IIS', 'SMTP'], '2027-02-03T11:59:59Z'],
      ['EX1', 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', ['SMTP'], '2029-10-09T08:15:30Z'],
      ['EX1', '0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F', [], '2034-01-07T10:20:00Z'],
    ]);
    expect(out.understood[0].summary).toMatch(/on EX1 \(server from the prompt line\): 3 certificates, services known; dates read as day\/month \(en-GB\)/);
  });

  it('default table: thumbprints and services', async () => {
    const out = await json(['table-7-en.txt']);
    expect(out.snapshot.exchange.certificates.map((c: { thumbprint: string; services: string[] }) => [c.thumbprint.slice(0, 4), c.services.join('+')])).toEqual([
      ['3F2A', 'IMAP+POP+IIS+SMTP'],
      ['A1B2', 'SMTP'],
      ['7E8F', 'UM+UMCallRouter'],
      ['9A8B', 'Federation'],
      ['0C1D', ''],
    ]);
  });

  it('masked paste: certificates with thumbprint null and a warning', async () => {
    const out = await json(['masked-messy.txt', '--server', 'EX1']);
    expect(out.snapshot.exchange.certificates.map((c: { thumbprint: null }) => c.thumbprint)).toEqual([null, null]);
    expect(out.notes.some((n: { level: string; message: string }) => n.level === 'warn' && /masked/.test(n.message))).toBe(true);
    const text = await run(['masked-messy.txt', '--server', 'EX1']);
    expect(text.stdout).toMatch(/warning: 2 thumbprints are masked/);
    expect(text.stdout).toMatch(/\(thumbprint masked\)  IIS, SMTP/);
  });

  it('certutil -store my: the key provider per thumbprint', async () => {
    const out = await json(['certutil-store-my.txt', '--server', 'ex1.fabrikam.example', '--locale', 'en-US']);
    const providers = Object.fromEntries(out.snapshot.exchange.certificates.map((c: { thumbprint: string; keyProvider?: string }) => [c.thumbprint, c.keyProvider ?? null]));
    expect(providers).toEqual({
      '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901': 'Microsoft Software Key Storage Provider',
      A1B2C3D4E5F60718293A4B5C6D7E8F9012345678: 'Microsoft RSA SChannel Cryptographic Provider',
      '0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F': null,
    });
  });

  it('text output: what was understood, file by file, then the snapshot; ambiguous dates ask for --locale', async () => {
    const r = await run(['ex1-fl-en-GB.txt', 'authconfig.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ex1-fl-en-GB\.txt\n  Get-ExchangeCertificate on EX1/);
    expect(r.stdout).toMatch(/warning: 6 dates .* to read them \(--locale TAG\)\./);
    expect(r.stdout).toMatch(/\nauthconfig\.txt\n  Get-AuthConfig: current A1B2C3D4…/);
    expect(r.stdout).toMatch(/Exchange server EX1\n  3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901  IMAP, POP, IIS, SMTP/);
    expect(r.stdout).toMatch(/AuthConfig: current A1B2C3D4E5F60718293A4B5C6D7E8F9012345678, next none/);
  });

  it('--out writes the snapshot, refuses to replace it without --force, never an input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certbench-import-'));
    writeFileSync(join(dir, 'p.txt'), readFileSync(join(SAMPLES, 'authconfig.txt')));
    let r = await run(['p.txt', '--out', 'snap.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Snapshot written to snap\.json\./);
    const snap = JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8'));
    expect(snap).toMatchObject({ format: 'certbench-snapshot', version: 1, exchange: { authConfig: { currentCertificateThumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678' } } });
    r = await run(['p.txt', '--out', 'snap.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^certbench import: snap\.json already exists; choose another name or add --force to replace it\.\n$/);
    r = await run(['p.txt', '--out', 'snap.json', '--force'], dir);
    expect(r.code).toBe(0);
    r = await run(['p.txt', '--out', 'p.txt', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is one of the input files/);
  });

  it('reads UTF-16LE files as Windows PowerShell 5.1 writes them (> file.txt)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certbench-import-'));
    const text = readFileSync(join(SAMPLES, 'table-7-en.txt'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await run(['utf16.txt', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).snapshot.exchange.certificates).toHaveLength(5);
  });

  it('a missing file and a file that is not server output: one line each naming it, exit 2, the others still read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certbench-import-'));
    writeFileSync(join(dir, 'letter.txt'), 'Dear admin,\nthe certificate expires soon.\n');
    writeFileSync(join(dir, 'ok.txt'), readFileSync(join(SAMPLES, 'authconfig.txt')));
    const r = await run(['missing.txt', 'letter.txt', 'ok.txt'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^missing\.txt does not exist or cannot be read: check the path\.$/);
    expect(lines[1]).toMatch(/^letter\.txt is not output CertBench can read: paste Get-ExchangeCertificate/);
    expect(r.stdout).toMatch(/Get-AuthConfig: current A1B2C3D4…/);
  });

  it('bad usage: no file, a locale that is not one', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['authconfig.txt', '--locale', 'xx_not a tag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--locale "xx_not a tag" is not a culture/);
  });

  it('the built binary runs it too', async () => {
    const r = await runCli(['import', join(SAMPLES, 'table-remote.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).snapshot.exchange.certificates.map((c: { services: null }) => c.services)).toEqual([null, null]);
  });
});

describe('certbench import with a certificate file beside the paste', () => {
  it("the file's dates settle day/month for its thumbprint (and so for the whole paste)", async () => {
    const xml = readFileSync(join(SAMPLES, '..', '..', '..', 'data', 'css-exchange', 'Diagnostics__HealthChecker__Tests__DataCollection__E19__Exchange__GetExchangeCertificate.xml'), 'utf8');
    const der = Buffer.from(/<BA N="RawData">([^<]+)<\/BA>/.exec(xml)![1]!, 'base64'); // the Auth certificate, 2019-12-03 → 2024-11-06
    const dir = mkdtempSync(join(tmpdir(), 'certbench-import-'));
    writeFileSync(join(dir, 'auth.cer'), der);
    writeFileSync(
      join(dir, 'paste.txt'),
      'NotAfter   : 06/11/2024 14:47:32\nNotBefore  : 03/12/2019 14:47:32\nServices   : SMTP\nThumbprint : C3EDCF181EF4F9B53D01768ECA99564014BCA6E7\n',
    );
    const without = await run(['paste.txt', '--server', 'EX1', '--json'], dir);
    expect(JSON.parse(without.stdout).snapshot.exchange.certificates[0].notAfter).toBeUndefined();
    const withFile = await run(['paste.txt', 'auth.cer', '--server', 'EX1', '--json'], dir);
    expect(withFile.code).toBe(0);
    const out = JSON.parse(withFile.stdout);
    expect(out.snapshot.exchange.certificates[0].notAfter).toBe('2024-11-06T14:47:32Z');
    expect(out.understood).toHaveLength(1); // the certificate file is not a source
    expect(out.understood[0].summary).toMatch(/day\/month \(it matches an open certificate with the same thumbprint\)/);
  });
});
