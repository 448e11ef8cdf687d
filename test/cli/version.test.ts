// `certbench --version` names the version package.json carries (the bundle cannot read it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../cli/version.js';
import { runCli } from '../support/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('certbench --version', () => {
  it('is the version in package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });
  it.each(['--version', '-V', 'version'])('prints it for %s and exits 0', async (flag) => {
    const r = await runCli([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`certbench ${pkg.version}\n`);
    expect(r.stderr).toBe('');
  });
});
