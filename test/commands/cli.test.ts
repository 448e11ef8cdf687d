// certbench commands, in-process: scripts on stdout, hostile values refused with exit code 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/commands.js';
import { CONTOSO } from '../csr/environment.js';
import { removeDir, workDir } from '../csr/opensslHelpers.js';
import { fakeIo } from './fakeIo.js';

let dir: string;
beforeAll(() => {
  dir = workDir('commands');
  writeFileSync(join(dir, 'env.json'), JSON.stringify(CONTOSO));
  writeFileSync(join(dir, 'bad-env.json'), JSON.stringify({ exchangeServers: [{ fqdn: 42 }] }));
  writeFileSync(join(dir, 'broken.json'), '{ not json');
  writeFileSync(
    join(dir, 'hostile-env.json'),
    JSON.stringify({ ...CONTOSO, owaIm: { ...CONTOSO.owaIm, imServerName: "pool01.contoso.com'; Stop-Computer; '" } }),
  );
});
afterAll(() => removeDir(dir));

async function run(argv: string[]) {
  const io = fakeIo(dir);
  const code = await commands(argv, io);
  return { code, ...io };
}

describe('certbench commands', () => {
  it('prints the OWA IM script for Exchange 2016 with the cleaned thumbprint from the environment', async () => {
    const r = await run(['--role', 'owa-im', '--env', 'env.json', '--server', 'ex1.contoso.com', '--exchange-version', '2016']);
    expect(r.code).toBe(0);
    // Only the script's own warnings reach stderr (the restarts it carries out).
    expect(r.stderr).toMatch(/^(certbench commands: warning: [^\n]+\n)+$/);
    expect(r.stdout).toContain("$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'");
    expect(r.stdout).toContain('U+200E removed');
    expect(r.stdout).toContain('New-SettingOverride');
    expect(r.stdout).not.toContain('\u200E');
  });

  it('prints the warnings the script carries on stderr too, so a redirected script is not run blind', async () => {
    const r = await run(['--role', 'exchange-um', '--env', 'env.json', '--server', 'ex1.contoso.com', '--exchange-version', '2016', '--thumbprint', '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Restarting MSExchangeUM drops the voice mail');
    expect(r.stderr).toContain('certbench commands: warning: Restarting MSExchangeUM drops the voice mail');
    // One line per warning, each as the script says it.
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/^certbench commands: warning: \S/);
  });

  it.each([
    [['--role', 'exchange-um', '--server', "ex1.contoso.com'"], /--server .* is not a valid FQDN/],
    [['--role', 'exchange-um', '--server', 'ex1.contoso.com;calc'], /not a valid FQDN/],
    [['--role', 'exchange-um', '--server', 'ex1.contoso.com`'], /not a valid FQDN/],
    [['--role', 'exchange-um', '--server', '$(calc).contoso.com'], /not a valid FQDN/],
    [['--role', 'exchange-um', '--server', 'ex1.contoso.com\nStop-Computer'], /control character U\+000A/],
    [['--role', 'exchange-um', '--server', 'ex1\u2018.contoso.com'], /U\+2018/],
    [['--role', 'edge-internal', '--thumbprint', '12345678123412341234567812345678123126789'], /41 hex characters/],
    [['--role', 'edge-internal', '--thumbprint', ''], /--thumbprint is empty/],
    [['--role', 'edge-internal', '--pfx', "C:\\x\\it's.pfx"], /--pfx/],
    [['--role', 'owa-im', '--env', 'hostile-env.json', '--server', 'ex1.contoso.com'], /owaIm.imServerName/],
    [['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--exchange-version', '2019'], /Exchange 2019 has no Unified Messaging/],
    [['--role', 'nope'], /unknown role "nope"/],
    [['--role', 'owa-im', '--exchange-version', '2007'], /--exchange-version must be one of/],
    [['--role', 'owa-im', '--env', 'bad-env.json'], /exchangeServers\[0\]\.fqdn must be a string/],
    [['--role', 'owa-im', '--env', 'broken.json'], /not valid JSON/],
    [['--role', 'owa-im', '--env', 'missing.json'], /cannot be read/],
  ])('refuses %j with exit code 2 and one stderr line', async (argv, message) => {
    const io = fakeIo(dir);
    let code: number;
    try {
      code = await commands(argv as string[], io);
    } catch (e) {
      // ArgError is turned into exit 2 by the dispatcher (cli/certbench.ts); mirror that here.
      io.err(`${(e as Error).message}\n`);
      code = (e as Error).name === 'ArgError' ? 2 : 99;
    }
    expect(code).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(message);
    expect(io.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
