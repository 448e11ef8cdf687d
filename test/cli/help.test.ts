// `certbench <command> --help` and `-h`: every command prints its own usage and exits 0
// (before, every command answered "unknown option --help", exit 2). `help <command>` too.
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../cli/certbench.js';
import { fakeIo } from '../commands/fakeIo.js';
import { runCli } from '../support/cli.js';

describe('certbench <command> --help', () => {
  const names = Object.keys(COMMANDS);
  it('knows the commands', () => {
    expect(names).toEqual(expect.arrayContaining(['inspect', 'check', 'rules', 'request', 'pfx', 'commands', 'report']));
  });

  for (const name of names) {
    it.each(['--help', '-h'])(`${name} %s prints its usage, exit 0`, async (flag) => {
      const io = fakeIo(process.cwd());
      // Other arguments around the flag do not matter: help wins over a missing --role or file.
      expect(await main([name, flag], io)).toBe(0);
      expect(io.stderr).toBe('');
      expect(io.stdout.startsWith(`Usage: certbench ${name}`)).toBe(true);
      expect(io.stdout.endsWith('\n')).toBe(true);
    });
  }

  it('help wins over missing required options, and a value "-h" after an option is still help', async () => {
    const io = fakeIo(process.cwd());
    expect(await main(['report', 'x.pfx', '-h'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage: certbench report .*--force/s);
  });

  it('the commands with real options name them in their usage', async () => {
    for (const [name, option] of [['inspect', '--password-env'], ['check', '--role'], ['request', '--passphrase-env'], ['pfx', '--profile'], ['report', '--format'], ['commands', '--thumbprint']] as const) {
      const io = fakeIo(process.cwd());
      await main([name, '--help'], io);
      expect(io.stdout, name).toContain(option);
    }
  });

  it('certbench help <command> is the same as <command> --help', async () => {
    const a = fakeIo(process.cwd());
    const b = fakeIo(process.cwd());
    await main(['help', 'check'], a);
    await main(['check', '--help'], b);
    expect(a.stdout).toBe(b.stdout);
  });

  it('an unknown option points at the command\'s --help', async () => {
    const io = fakeIo(process.cwd());
    expect(await main(['inspect', '--bogus'], io)).toBe(2);
    expect(io.stderr).toContain('certbench inspect --help');
  });

  it('through the built CLI, exit 0', async () => {
    const r = await runCli(['pfx', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: certbench pfx/);
  });
});
