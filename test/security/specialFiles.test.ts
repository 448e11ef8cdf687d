// Special files (issue 18, items 3 and 5): a device, a FIFO or a symlink to one is refused in one
// line, at once, whether named as a certificate, as --env or as --password-file; the bytes read
// are capped whatever stat says. A folder nested deeper than the walk goes is named on stderr.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../cli/readRegularFile.js';
import { requireBuiltCli, runCli, stderrLines } from '../support/cli.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

let dir: string;

beforeAll(() => {
  requireBuiltCli();
  dir = makeWorkDir('special-files');
  const cert = selfSigned({ dir, subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
  fs.copyFileSync(cert.certPem, path.join(dir, 'ex1.cer'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.cer'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.cer')]);
  let deep = path.join(dir, 'deep');
  for (let i = 0; i < 18; i++) deep = path.join(deep, `d${i}`);
  fs.mkdirSync(deep, { recursive: true });
  fs.copyFileSync(cert.certPem, path.join(deep, 'buried.cer'));
  fs.copyFileSync(cert.certPem, path.join(dir, 'deep', 'shallow.cer'));
});
afterAll(() => removeWorkDir(dir));

describe('special files', () => {
  it.each(['/dev/zero', 'zero.cer', 'pipe.cer', '/dev/stdin'])('inspect %s: one line, exit 2, at once', async (file) => {
    const started = Date.now();
    const r = await runCli(['inspect', file, 'ex1.cer'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/is not a regular file \(a device, pipe or socket\): name the certificate file itself\./);
    expect(r.stdout).toContain('ex1.cer');
  }, 20_000);

  it('--env /dev/zero and a FIFO as --env or --password-file: one line, exit 2', async () => {
    for (const args of [
      ['check', 'ex1.cer', '--role', 'general', '--env', '/dev/zero'],
      ['check', 'ex1.cer', '--role', 'general', '--env', 'pipe.cer'],
      ['inspect', 'ex1.cer', '--password-file', '/dev/zero'],
      ['inspect', 'ex1.cer', '--password-file', 'pipe.cer'],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(stderrLines(r), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(/not a regular file/);
    }
  }, 40_000);

  it('audit, why and plan refuse a device or FIFO as a snapshot at once (exit 2, no hang)', async () => {
    for (const args of [['audit', '/dev/zero'], ['audit', 'pipe.cer', '--json'], ['why', 'event 1344', '--snapshot', '/dev/zero'], ['plan', '/dev/zero']]) {
      const started = Date.now();
      const r = await runCli(args, { cwd: dir });
      expect(Date.now() - started, args.join(' ')).toBeLessThan(15_000);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/unexpected failure/);
    }
  }, 60_000);

  it('caps the bytes actually read, not what stat says', () => {
    // /proc files say size 0 and hold more; the cap stops the read.
    expect(readRegularFile('/proc/self/maps', 16)).toBe('too-large');
    expect(readRegularFile('/dev/zero', 1024)).toBe('not-regular');
    const small = readRegularFile(path.join(dir, 'ex1.cer'), 1 << 20);
    expect(small).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(small as Uint8Array).toString('latin1')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(readRegularFile(path.join(dir, 'no-such-file'), 10)).toBe('missing');
  });

  it('a folder nested deeper than the walk goes is named on stderr; the rest is read', async () => {
    const r = await runCli(['inspect', 'deep', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deep\/d0\/.*\/d16 was not searched: it is more than 16 folders deep; name it directly to read the files in it\.$/);
    expect((JSON.parse(r.stdout) as { documents: { file: string }[] }).documents.map((d) => d.file)).toEqual(['deep/shallow.cer']);
  });
});
