// On a terminal, a PFX that needs a password none was given for is asked for, without echo
// (issue 18, item 11: a password that never appears in ps, the history or the environment).
// Driven through a real pseudo-terminal with util-linux `script`; skipped where it is missing.
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, requireBuiltCli } from '../support/cli.js';
import { makeWorkDir, pfx, removeWorkDir, selfSigned } from '../support/openssl.js';

const PASSWORD = 'Prompt-Pfx 7;x';
const HAVE_SCRIPT = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
let dir: string;

/** Run the CLI on a pseudo-terminal, typing `typed` once the prompt had time to appear. */
function onTerminal(args: string[], typed: string): Promise<string> {
  return new Promise((resolve) => {
    const command = [process.execPath, CLI_BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = execFile('script', ['-qec', command, '/dev/null'], { cwd: dir, timeout: 60_000 }, (_e, stdout) => resolve(stdout));
    setTimeout(() => child.stdin?.write(typed), 2500);
  });
}

beforeAll(() => {
  requireBuiltCli();
  dir = makeWorkDir('cli-prompt');
  const c = selfSigned({ dir, subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
  pfx({ out: path.join(dir, 'ask.pfx'), cert: c.certPem, key: c.keyPem, password: PASSWORD, profile: 'aes' });
});
afterAll(() => removeWorkDir(dir));

describe.skipIf(!HAVE_SCRIPT)('the password prompt on a terminal', () => {
  it('inspect asks, does not echo, and opens the PFX with the key', async () => {
    const screen = await onTerminal(['inspect', 'ask.pfx'], `${PASSWORD}\r`);
    expect(screen).toContain('Password for ask.pfx: ');
    expect(screen).toContain('private key present');
    expect(screen).not.toContain(PASSWORD);
  }, 70_000);

  it('check asks too; a wrong answer is the usual one line', async () => {
    const screen = await onTerminal(['check', 'ask.pfx', '--role', 'general'], 'not the password\r');
    expect(screen).toContain('Password for ask.pfx: ');
    expect(screen).toMatch(/ask\.pfx.*password/i);
    expect(screen).not.toContain('not the password');
  }, 70_000);
});
