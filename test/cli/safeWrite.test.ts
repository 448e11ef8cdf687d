// Never lose a file (issue 18, items 9, 10, 12): report refuses to overwrite without --force and
// never overwrites an input; every write is atomic (temporary file, fsync, rename), so a size
// limit or a kill leaves the old file intact and no fragment or 0-byte file under the name;
// request never leaves a key without its CSR; a PFX or key replaced with --force is 0600;
// an unwritable --out is one handled sentence.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../cli/commands/report.js';
import { pfx as pfxCommand } from '../../cli/commands/pfx.js';
import { request } from '../../cli/commands/request.js';
import { writeFilesSafely, WriteError } from '../../cli/safeWrite.js';
import { fakeIo } from '../commands/fakeIo.js';
import { CLI_BIN, requireBuiltCli, runCli } from '../support/cli.js';
import { makeWorkDir, removeWorkDir, selfSigned, pfx, type IssuedCert } from '../support/openssl.js';

const PW = 'Safe-Write-Pfx-1!';
let dir: string;
let cert: IssuedCert;

beforeAll(() => {
  requireBuiltCli();
  dir = makeWorkDir('cli-safe-write');
  cert = selfSigned({ dir, subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
  fs.mkdirSync(path.join(dir, 'certs'));
  pfx({ out: path.join(dir, 'certs', 'ex1.pfx'), cert: cert.certPem, key: cert.keyPem, password: PW, profile: 'aes' });
  fs.copyFileSync(cert.certPem, path.join(dir, 'certs', 'ex1.cer'));
});
afterAll(() => removeWorkDir(dir));

async function run(fn: typeof report, argv: string[], env: Record<string, string> = {}) {
  const io = fakeIo(dir, { PFX_PW: PW, KEY_PASS: 'key passphrase 1', ...env });
  let code: number;
  try {
    code = await fn(argv, io);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    code = (e as Error).name === 'ArgError' ? 2 : 99;
  }
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Run the built CLI under `ulimit -f` (512-byte blocks) with SIGXFSZ ignored: writes fail with EFBIG. */
function runLimited(blocks: number, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    execFile('/bin/sh', ['-c', `trap '' XFSZ; ulimit -f ${blocks}; exec '${process.execPath}' '${CLI_BIN}' ${quoted}`], { cwd: dir, env: { ...process.env, PFX_PW: PW } }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 99) : 0, stderr });
    });
  });
}

const tempsIn = (folder: string) => fs.readdirSync(folder).filter((f) => f.includes('.certbench-') && f.endsWith('.tmp'));

describe('report --out', () => {
  it('refuses an existing file without --force, and leaves it as it was', async () => {
    fs.writeFileSync(path.join(dir, 'existing.html'), 'the report of last month');
    const r = await run(report, ['certs/ex1.cer', '--format', 'html', '--out', 'existing.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/existing\.html already exists; .*--force/);
    expect(fs.readFileSync(path.join(dir, 'existing.html'), 'utf8')).toBe('the report of last month');
  });

  it('replaces it with --force', async () => {
    fs.writeFileSync(path.join(dir, 'replace.html'), 'old');
    const r = await run(report, ['certs/ex1.cer', '--format', 'html', '--out', 'replace.html', '--force']);
    expect(r.code).toBeLessThan(2);
    expect(fs.readFileSync(path.join(dir, 'replace.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('never overwrites one of its inputs, even with --force, however the path is spelt', async () => {
    const before = fs.readFileSync(path.join(dir, 'certs', 'ex1.pfx'));
    fs.symlinkSync(path.join(dir, 'certs', 'ex1.pfx'), path.join(dir, 'link-to-input.html'));
    fs.linkSync(path.join(dir, 'certs', 'ex1.pfx'), path.join(dir, 'hardlink.html'));
    for (const out of ['certs/ex1.pfx', './certs/../certs/ex1.pfx', path.join(dir, 'certs', 'ex1.pfx'), 'link-to-input.html', 'hardlink.html']) {
      const r = await run(report, ['certs/ex1.pfx', '--password-env', 'PFX_PW', '--format', 'html', '--out', out, '--force']);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toMatch(/is one of the input files/);
    }
    // A file found inside a folder given as input counts too.
    const r = await run(report, ['certs', '--password-env', 'PFX_PW', '--format', 'html', '--out', 'certs/ex1.cer', '--force']);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'certs', 'ex1.pfx'))).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'certs', 'ex1.cer'), 'utf8')).toMatch(/BEGIN CERTIFICATE/);
  });

  it('a write that fails half-way (file size limit) keeps the old file whole and leaves no fragment', async () => {
    const old = 'x'.repeat(100) + ' the previous report';
    fs.writeFileSync(path.join(dir, 'limited.html'), old);
    const r = await runLimited(4, ['report', 'certs/ex1.cer', '--format', 'html', '--out', 'limited.html', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^certbench report: cannot write limited\.html: the file is larger than this process may write; nothing was written\.\n$/);
    expect(fs.readFileSync(path.join(dir, 'limited.html'), 'utf8')).toBe(old);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('without --force, a failed write leaves no file (nothing to block the rerun)', async () => {
    const r = await runLimited(4, ['report', 'certs/ex1.cer', '--format', 'html', '--out', 'fresh.html']);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'fresh.html'))).toBe(false);
    expect(tempsIn(dir)).toEqual([]);
  });
});

describe('pfx and request', () => {
  it('pfx --force over an existing world-readable file leaves it 0600', async () => {
    const out = path.join(dir, 'replaced.pfx');
    fs.writeFileSync(out, 'old', { mode: 0o644 });
    fs.chmodSync(out, 0o644);
    const r = await run(pfxCommand, ['--cert', cert.certPem, '--key', cert.keyPem, '--profile', 'modern', '--out', 'replaced.pfx', '--password-env', 'PFX_PW', '--force']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('pfx refuses to write over its own --key or --cert', async () => {
    const keyCopy = path.join(dir, 'key-copy.pem');
    fs.copyFileSync(cert.keyPem, keyCopy);
    const r = await run(pfxCommand, ['--cert', cert.certPem, '--key', keyCopy, '--profile', 'modern', '--out', keyCopy, '--password-env', 'PFX_PW', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one of the input files/);
    expect(fs.readFileSync(keyCopy, 'utf8')).toMatch(/PRIVATE KEY/);
  });

  it('request never leaves a key without its CSR: an existing CSR stops it before any file is written', async () => {
    const out = path.join(dir, 'req-exists');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'exchange-um-ex1.contoso.com.csr'), 'an earlier request');
    const r = await run(request, ['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--out', 'req-exists', '--passphrase-env', 'KEY_PASS']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists; choose another --out folder or add --force/);
    expect(fs.readdirSync(out)).toEqual(['exchange-um-ex1.contoso.com.csr']);
  });

  it('request --force over existing files: the key is 0600 and nothing temporary is left', async () => {
    const out = path.join(dir, 'req-force');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'exchange-um-ex1.contoso.com.key.pem'), 'old', { mode: 0o644 });
    fs.chmodSync(path.join(out, 'exchange-um-ex1.contoso.com.key.pem'), 0o644);
    const r = await run(request, ['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--out', 'req-force', '--passphrase-env', 'KEY_PASS', '--force']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.statSync(path.join(out, 'exchange-um-ex1.contoso.com.key.pem')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(out, 'exchange-um-ex1.contoso.com.key.pem'), 'utf8')).toMatch(/ENCRYPTED PRIVATE KEY/);
    expect(fs.readdirSync(out).sort()).toEqual(['exchange-um-ex1.contoso.com.csr', 'exchange-um-ex1.contoso.com.inf', 'exchange-um-ex1.contoso.com.key.pem', 'exchange-um-ex1.contoso.com.request.ps1']);
  });

  it('request --out where nothing can be written: one handled sentence, exit 2, no "unexpected failure"', async () => {
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    for (const out of ['/proc/certbench-request', 'a-file/sub', '/sys/certbench-request']) {
      const r = await runCli(['request', '--role', 'exchange-um', '--server', 'ex1.contoso.com', '--out', out, '--passphrase-env', 'KEY_PASS'], { cwd: dir, env: { KEY_PASS: 'key passphrase 1' } });
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).not.toMatch(/unexpected failure/);
      expect(r.stderr, out).toMatch(/^certbench request: cannot make the folder .*; choose a folder you can write to\. Nothing was written\.\n$/);
    }
  });
});

describe('writeFilesSafely', () => {
  it('when a later rename fails, the files it had already created are taken back', () => {
    const folder = path.join(dir, 'rollback');
    fs.mkdirSync(folder);
    // The checks pass (neither name exists); then, while the temporaries are written, a folder
    // appears at the second name, so its rename fails after the first file is in place.
    const first = path.join(folder, 'a.csr');
    const second = path.join(folder, 'b.key.pem');
    const files = [
      { path: first, data: 'csr' },
      {
        path: second,
        get data() {
          fs.mkdirSync(second, { recursive: true });
          return 'key';
        },
        secret: true,
      },
    ];
    expect(() => writeFilesSafely(files, { command: 'test', force: false })).toThrow(WriteError);
    expect(fs.existsSync(first)).toBe(false);
    expect(tempsIn(folder)).toEqual([]);
  });
});
