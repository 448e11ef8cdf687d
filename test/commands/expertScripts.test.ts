// What an Exchange / SfB expert required of the UM, Exchange Auth, SfB OAuth and Edge scripts
// (issue 14, "Scripts that would fail or hurt"), checked on the generated text and, for the CN
// pattern, on what the pattern matches.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../cli/commands/commands.js';
import { commandsFor, commandsWithNotices } from '../../shared/commands/commandsFor.js';
import { DISRUPTION } from '../../shared/commands/disruption.js';
import type { CommandOptions } from '../../shared/commands/options.js';
import type { Environment } from '../../shared/environment/types.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';
import { CONTOSO } from '../csr/environment.js';
import { removeDir, workDir } from '../csr/opensslHelpers.js';
import { fakeIo } from './fakeIo.js';

const T = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011';
const SPLIT_2013: Environment = {
  exchangeServers: [
    { fqdn: 'mbx1.contoso.com', version: '2013', roles: ['Mailbox', 'UM'] },
    { fqdn: 'cas1.contoso.com', version: '2013', roles: ['ClientAccess', 'UMCallRouter'] },
    { fqdn: 'cas2.contoso.com', version: '2013', roles: ['ClientAccess'] },
  ],
};

function refusal(options: CommandOptions): string {
  try {
    commandsFor(options);
  } catch (e) {
    if (isUnsafeValueError(e)) return e.message;
    throw e;
  }
  throw new Error('the script was written');
}

const codeLines = (script: string) => script.split('\n').filter((l) => !/^\s*#/.test(l));

describe('UM: one certificate per server, the version the server runs', () => {
  it('Exchange 2013 Mailbox: the certificate is enabled on $server only; each other Client Access server is named for its own script', () => {
    const { script, notices } = commandsWithNotices({ role: 'exchange-um', server: 'mbx1.contoso.com', exchangeVersion: '2013', environment: SPLIT_2013, thumbprint: T });
    const enables = codeLines(script).filter((l) => l.includes('Enable-ExchangeCertificate'));
    expect(enables).toEqual(["Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services ($umServices -join ',')"]);
    expect(script).not.toContain('$casServer');
    expect(codeLines(script).join('\n')).not.toContain('cas1.contoso.com');
    expect(notices.filter((n) => n.includes('needs its own certificate whose CN is'))).toHaveLength(2);
    expect(notices.some((n) => n.startsWith('cas2.contoso.com runs the UM Call Router'))).toBe(true);
    // The services come from the server's roles at run time, and the version is checked as numbers.
    expect(script).toContain("if ($serverRoles -match 'ClientAccess') { $umServices += 'UMCallRouter' }");
    expect(script).toContain('$exchangeServer.AdminDisplayVersion.Major -ne 15 -or $exchangeServer.AdminDisplayVersion.Minor -ne 0');
  });

  it('a server the environment lists with another version is refused in one sentence', () => {
    expect(refusal({ role: 'exchange-um', server: 'ex1.contoso.com', exchangeVersion: '2013', environment: CONTOSO })).toBe(
      'ex1.contoso.com runs Exchange 2016 according to the environment, not Exchange 2013: choose Exchange 2016 or another server.',
    );
    expect(refusal({ role: 'exchange-um', server: 'mbx1.contoso.com', exchangeVersion: '2010', environment: SPLIT_2013 })).toMatch(/^mbx1\.contoso\.com runs Exchange 2013 .* not Exchange 2010/);
    // 2010 and 2010 SP1 are one product here; a server the environment does not list is taken as given.
    expect(() => commandsFor({ role: 'exchange-um', server: 'ex9.contoso.com', exchangeVersion: '2010SP1', environment: { exchangeServers: [{ fqdn: 'ex9.contoso.com', version: '2010' }] } })).not.toThrow();
    expect(() => commandsFor({ role: 'exchange-um', server: 'other.contoso.com', exchangeVersion: '2013', environment: CONTOSO })).not.toThrow();
  });

  it('the CN check finds CN= anywhere in the subject, and only the whole name', () => {
    const script = commandsFor({ role: 'exchange-um', server: 'ex1.contoso.com', exchangeVersion: '2016', environment: CONTOSO, thumbprint: T });
    const line = script.split('\n').find((l) => l.startsWith('if ($umCert.Subject -notmatch'))!;
    const [, before, after] = line.match(/-notmatch \('(.+?)' \+ \[regex\]::Escape\(\$server\) \+ '(.+?)'\)/)!;
    // The same pattern in JavaScript (this subset means the same in .NET); -notmatch is case-insensitive.
    const cn = new RegExp(`${before}${'ex1.contoso.com'.replace(/\./g, '\\.')}${after}`, 'i');
    expect(cn.test('CN=ex1.contoso.com, O=Contoso')).toBe(true);
    expect(cn.test('O=Contoso, CN=ex1.contoso.com')).toBe(true);
    expect(cn.test('C=US, O=Contoso, cn=EX1.contoso.com, OU=IT')).toBe(true);
    expect(cn.test('CN=ex1.contoso.com.evil.net')).toBe(false);
    expect(cn.test('O=Contoso, CN=mail.contoso.com')).toBe(false);
    expect(cn.test('OU=xCN=ex1.contoso.com')).toBe(false);
  });

  it('UM restarts say they drop calls, in the script and as notices', () => {
    const { script, notices } = commandsWithNotices({ role: 'exchange-um', environment: CONTOSO, thumbprint: T });
    expect(notices).toEqual(expect.arrayContaining([DISRUPTION.um, DISRUPTION.umCallRouter]));
    for (const n of [DISRUPTION.um, DISRUPTION.umCallRouter]) expect(script).toContain(`Write-Warning '${n}'`);
    expect(script.indexOf(`Write-Warning '${DISRUPTION.um}'`)).toBeLessThan(script.indexOf('Restart-Service'));
  });

  it('SfB 2019 with UM warns (Microsoft pages disagree) instead of refusing', () => {
    const { notices } = commandsWithNotices({ role: 'exchange-um', environment: CONTOSO, sfbVersion: 'SfB2019', thumbprint: T });
    expect(notices.some((n) => n.includes('Microsoft pages disagree'))).toBe(true);
  });
});

describe('Exchange Auth', () => {
  it('Exchange 2010 is refused: there is no AuthConfig', () => {
    for (const v of ['2010', '2010SP1'] as const) expect(refusal({ role: 'exchange-auth', exchangeVersion: v })).toMatch(/^Exchange 2010 has no Auth certificate/);
  });

  it('routine: staged 30 days ahead, no restart; the immediate switch only inside the emergency block, with its warning', () => {
    const { script, notices } = commandsWithNotices({ role: 'exchange-auth', exchangeVersion: '2016', environment: CONTOSO });
    expect(script).toContain('$emergency = $false');
    expect(script).toContain('$stageDays = 30');
    expect(script).toContain('Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date).AddDays($stageDays)');
    const emergency = script.slice(script.indexOf('if ($emergency) {'));
    const block = emergency.slice(0, emergency.indexOf('\n}\n'));
    for (const line of ['Set-AuthConfig -PublishCertificate', 'Set-AuthConfig -ClearPreviousCertificate', 'Restart-Service -Name MSExchangeServiceHost', `Write-Warning '${DISRUPTION.owaEcp}'`]) {
      expect(block).toContain(line);
      expect(codeLines(script.replace(block, '')).join('\n')).not.toContain(line);
    }
    expect(script).toContain('# --- EMERGENCY ONLY');
    expect(script).toContain('Hybrid Configuration Wizard');
    expect(notices).toContain(DISRUPTION.owaEcp);
  });

  it('without servers in the environment, Exchange 2013+ is found by version number, not by comparing strings', () => {
    const script = commandsFor({ role: 'exchange-auth', exchangeVersion: '2016' });
    expect(script).toContain('$_.AdminDisplayVersion.Major -ge 15');
    expect(script).not.toMatch(/AdminDisplayVersion -(ge|gt|lt|le) '/);
  });

  it('the environment\'s Exchange 2010 and Edge Transport servers are left out of the auth servers', () => {
    const script = commandsFor({
      role: 'exchange-auth',
      exchangeVersion: '2016',
      environment: { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' }, { fqdn: 'old.contoso.com', version: '2010' }, { fqdn: 'edge.contoso.com', version: '2016', roles: ['EdgeTransport'] }] },
    });
    expect(script).toContain("$exchangeServers = @('ex1.contoso.com')");
  });
});

describe('SfB OAuth and Edge', () => {
  it('imports with the documented CMS parameter set, once', () => {
    const script = commandsFor({ role: 'sfb-oauth', environment: CONTOSO, pfxPath: 'C:\\Certs\\oauth.pfx' });
    const imports = codeLines(script).filter((l) => l.startsWith('Import-CsCertificate'));
    expect(imports).toEqual(['Import-CsCertificate -Identity Global -Type OAuthTokenIssuer -Path $pfxPath -Password $pfxPlainPassword']);
    expect(script).not.toContain('::new(');
    expect(script).toContain("$pfxPlainPassword = (New-Object System.Net.NetworkCredential('', $pfxPassword)).Password");
  });

  it('a roll has one effective date written as a literal; the previous certificate is removed only later, in a comment', () => {
    for (const options of [
      { role: 'sfb-oauth', roll: true, effectiveDate: '2026-12-05T02:00', thumbprint: T },
      { role: 'edge-external', roll: true, effectiveDate: '2026-12-05 02:00', environment: CONTOSO, thumbprint: T },
    ] as CommandOptions[]) {
      const script = commandsFor(options);
      const assignments = codeLines(script).filter((l) => l.startsWith('$effectiveDate ='));
      expect(assignments).toEqual(["$effectiveDate = [DateTime]::ParseExact('2026-12-05 02:00', 'yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)"]);
      expect(script).toMatch(/-Roll -EffectiveDate \$effectiveDate/);
      const removes = script.split('\n').filter((l) => l.includes('Remove-CsCertificate'));
      expect(removes.length).toBeGreaterThan(0);
      expect(removes.every((l) => l.startsWith('#'))).toBe(true);
      expect(script).toContain('Only after the OLD certificate has expired');
    }
  });

  it('without an effective date, the roll stops until one is set (never Get-Date per server)', () => {
    const script = commandsFor({ role: 'sfb-oauth', roll: true, thumbprint: T });
    expect(codeLines(script).filter((l) => /^\$effectiveDate = /.test(l))).toEqual([expect.stringMatching(/^\$effectiveDate = \$null/)]);
    expect(script).toContain("if (-not $effectiveDate) { throw");
    expect(script).not.toMatch(/\$effectiveDate = \(Get-Date\)/);
  });

  it.each(['2026-02-30 02:00', '2026-12-05', '2026-12-05 24:00', "2026-12-05 02:00'; Stop-Computer; '", '05.12.2026 02:00'])('refuses the effective date %j', (value) => {
    expect(refusal({ role: 'sfb-oauth', roll: true, effectiveDate: value })).toMatch(/^--effective-date must be a date and time as YYYY-MM-DD HH:MM/);
  });

  it('Edge: the CN is matched anywhere in the subject; the service restart says what it interrupts', () => {
    const { script, notices } = commandsWithNotices({ role: 'edge-internal', environment: CONTOSO, thumbprint: T });
    expect(script).toContain("if ($pfxCertificate.Subject -notmatch ('(^|,\\s*)CN=' + [regex]::Escape($edgeInternalFqdn)");
    expect(notices).toEqual([DISRUPTION.edgeServices]);
    expect(script.indexOf(`Write-Warning '${DISRUPTION.edgeServices}'`)).toBeLessThan(script.indexOf('Stop-CsWindowsService'));
  });
});

describe('certbench commands --effective-date', () => {
  let dir: string;
  beforeAll(() => {
    dir = workDir('expert-commands');
    writeFileSync(join(dir, 'env.json'), JSON.stringify(CONTOSO));
  });
  afterAll(() => removeDir(dir));

  it('writes the date into the roll; a bad one is exit 2 with one line', async () => {
    const ok = fakeIo(dir);
    expect(await commands(['--role', 'edge-external', '--env', 'env.json', '--roll', '--effective-date', '2026-12-05 02:00', '--thumbprint', T], ok)).toBe(0);
    expect(ok.stdout).toContain("ParseExact('2026-12-05 02:00'");
    const bad = fakeIo(dir);
    expect(await commands(['--role', 'edge-external', '--env', 'env.json', '--roll', '--effective-date', 'tomorrow'], bad)).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--effective-date must be a date and time');
  });

  it('Exchange Auth for Exchange 2010 is exit 2 with one line', async () => {
    const io = fakeIo(dir);
    expect(await commands(['--role', 'exchange-auth', '--exchange-version', '2010'], io)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toContain('Exchange 2010 has no Auth certificate');
  });
});
