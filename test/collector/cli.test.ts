// certbench collect-script, in process: the file it writes is the generated script (CRLF), the
// flags choose the parts, an existing file needs --force, and bad input is one line, exit 2.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/certbench.js';
import { collectScript } from '../../shared/estate/collector/collectScript.js';
import { fakeIo } from '../commands/fakeIo.js';
import { makeWorkDir, removeWorkDir } from '../support/openssl.js';

let dir = '';
beforeAll(() => {
  dir = makeWorkDir('collect-script-cli');
});
afterAll(() => removeWorkDir(dir));

describe('certbench collect-script', () => {
  it('with neither flag writes both parts and prints the two commands', async () => {
    const io = fakeIo(dir);
    expect(await main(['collect-script', '--out', 'collect.ps1'], io)).toBe(0);
    const written = readFileSync(join(dir, 'collect.ps1'), 'utf8');
    expect(written).toBe(collectScript({ exchange: true, skype: true }).replace(/\n/g, '\r\n'));
    expect(io.stdout).toContain('Wrote collect.ps1');
    expect(io.stdout).toContain('  Unblock-File -Path .\\collect.ps1\n  .\\collect.ps1\n');
    expect(io.stdout).toMatch(/Exchange Management Shell[\s\S]*Skype for Business Server \(or Lync Server\) Management Shell/);
    expect(io.stderr).toBe('');
  });

  it('--exchange and --skype choose the parts', async () => {
    const io = fakeIo(dir);
    expect(await main(['collect-script', '--exchange', '--out', 'ex.ps1'], io)).toBe(0);
    expect(readFileSync(join(dir, 'ex.ps1'), 'utf8')).toBe(collectScript({ exchange: true, skype: false }).replace(/\n/g, '\r\n'));
    expect(io.stdout).not.toContain('Front End');
    expect(await main(['collect-script', '--skype', '--out', 'sfb.ps1'], fakeIo(dir))).toBe(0);
    expect(readFileSync(join(dir, 'sfb.ps1'), 'utf8')).toBe(collectScript({ exchange: false, skype: true }).replace(/\n/g, '\r\n'));
  });

  it('refuses to replace a file without --force, and replaces it with --force', async () => {
    writeFileSync(join(dir, 'keep.ps1'), 'mine');
    const io = fakeIo(dir);
    expect(await main(['collect-script', '--out', 'keep.ps1'], io)).toBe(2);
    expect(io.stderr).toBe('certbench collect-script: keep.ps1 already exists; choose another --out or add --force.\n');
    expect(readFileSync(join(dir, 'keep.ps1'), 'utf8')).toBe('mine');
    expect(await main(['collect-script', '--out', 'keep.ps1', '--force'], fakeIo(dir))).toBe(0);
    expect(readFileSync(join(dir, 'keep.ps1'), 'utf8')).toContain('CertBench collector');
  });

  it('quotes a file name with spaces in the commands', async () => {
    const io = fakeIo(dir);
    expect(await main(['collect-script', '--out', 'my collector.ps1'], io)).toBe(0);
    expect(io.stdout).toContain("  Unblock-File -Path '.\\my collector.ps1'\n  & '.\\my collector.ps1'\n");
  });

  it('bad input is one line and exit 2, nothing written', async () => {
    const cases: [string[], RegExp][] = [
      [['collect-script'], /--out FILE\.ps1 is required/],
      [['collect-script', '--out', 'collect.txt'], /must end in \.ps1/],
      [['collect-script', '--out', 'missing/dir/collect.ps1'], /folder for missing\/dir\/collect\.ps1 does not exist/],
      [['collect-script', 'extra', '--out', 'x.ps1'], /unexpected argument "extra"/],
      [['collect-script', '--out', 'bad\u2019name.ps1'], /typographic character.*Nothing was written/],
    ];
    for (const [argv, message] of cases) {
      const io = fakeIo(dir);
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'x.ps1'))).toBe(false);
    expect(existsSync(join(dir, 'bad\u2019name.ps1'))).toBe(false);
  });

  it('answers --help', async () => {
    const io = fakeIo(dir);
    expect(await main(['collect-script', '--help'], io)).toBe(0);
    expect(io.stdout).toContain('Usage: certbench collect-script [--exchange] [--skype] --out FILE.ps1 [--force]');
  });
});
