// The PowerShell-version checker must find what each version lacks (bad snippets fail) and pass
// what it has; then every golden script — the generated commands and the collector — is parsed
// against the oldest shell of its product.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../shared/commands/options.js';
import { minimumPowerShell } from '../../shared/commands/powershellVersion.js';
import { REQUEST_ROLES, ROLE_PROFILES } from '../../shared/csr/roles.js';
import { draftFor } from '../../shared/csr/draft.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import { GOLDEN_CASES } from '../commands/cases.js';
import { CONTOSO } from '../csr/environment.js';
import { compatProblems, describeProblems, type PsVersion } from './versionCompat.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const COMMAND_GOLDEN = join(HERE, '..', 'commands', 'golden');
const COLLECTOR_GOLDEN = join(HERE, '..', 'collector', 'golden');

/** Snippet, the version that lacks it, the first version that has it. */
const BAD: [string, PsVersion, PsVersion][] = [
  ["$text = Get-Content -Path 'a.txt' -Raw", '2.0', '3.0'],
  ["if ([string]::IsNullOrWhiteSpace($x)) { 'empty' }", '2.0', '3.0'],
  ["$plain = [System.Net.NetworkCredential]::new('', $secure).Password", '4.0', '5.0'],
  ["$plain = (New-Object System.Net.NetworkCredential('', $secure)).Password", '2.0', '3.0'],
  ['$h = [ordered]@{ a = 1 }', '2.0', '3.0'],
  ['$o = [pscustomobject]@{ a = 1 }', '2.0', '3.0'],
  ["if ('a' -in $list) { 1 }", '2.0', '3.0'],
  ["if ('a' -notin $list) { 1 }", '2.0', '3.0'],
  ['$list | ForEach-Object { $PSItem }', '2.0', '3.0'],
  ["Invoke-WebRequest -Uri 'https://contoso.com' -UseBasicParsing", '2.0', '3.0'],
  ["Get-Service | Where-Object Status -eq 'Running'", '2.0', '3.0'],
  ["Invoke-Command -ComputerName 'ex1' -ScriptBlock { $using:x }", '2.0', '3.0'],
  ["$c = Get-PfxData -FilePath 'a.pfx' -Password $p", '2.0', '3.0'],
  ['[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12', '2.0', '3.0'],
  ['$running = (Get-Service).Where({ $_.Status -eq 1 })', '3.0', '4.0'],
  ["Get-FileHash -Path 'a.pfx'", '3.0', '4.0'],
  ['class Foo { [int]$a }', '4.0', '5.0'],
  ['using namespace System.Text', '4.0', '5.0'],
  ["'a' | Out-File -FilePath 'b.txt' -NoNewline", '4.0', '5.0'],
  ['Get-ComputerInfo', '5.0', '5.1'],
  ["Get-Item -Path 'a' -ErrorAction Ignore", '2.0', '3.0'],
  ["Get-Item -Path 'a' -ErrorAction:Ignore", '2.0', '3.0'],
  ['Get-Item a && Get-Item b', '5.1', '7.0'],
  ['#requires -Version 5\nGet-Item a', '4.0', '5.0'],
];

describe('versionCompat: what each PowerShell version lacks', () => {
  for (const [snippet, lacks, has] of BAD) {
    it(`${snippet.split('\n').pop()} fails on ${lacks}, passes on ${has}`, () => {
      expect(compatProblems(snippet, lacks).length, `not found on ${lacks}`).toBeGreaterThan(0);
      expect(describeProblems(compatProblems(snippet, has))).toBe('');
    });
  }

  it('a script that does not parse always fails (ternary is PowerShell 7 syntax)', () => {
    const problems = compatProblems('$b = $x ? 1 : 2', '7.0');
    expect(problems.some((p) => p.needs === 'parse')).toBe(true);
  });

  it('PowerShell 2.0 constructs pass on 2.0', () => {
    const script = [
      "$ErrorActionPreference = 'Stop'",
      "$bytes = [IO.File]::ReadAllBytes('C:\\a.pfx')",
      "$pfxPassword = Read-Host -AsSecureString -Prompt 'Password'",
      "$cert = Get-ChildItem -Path 'Cert:\\LocalMachine\\My' | Where-Object { $_.Subject -match 'CN=' } | Select-Object -First 1",
      "if ($cert.Subject -notmatch ('(^|,\\s*)CN=' + [regex]::Escape('ex1.contoso.com') + '(,|$)')) { Write-Warning 'CN' }",
      "$list = New-Object System.Collections.ArrayList",
      "Invoke-Command -ComputerName 'ex1' -ScriptBlock { Restart-Service -Name MSExchangeUM }",
      "$when = (Get-Date).AddDays(30)",
      'foreach ($s in @(1, 2)) { $s }',
      // A bare-word list without spaces is valid everywhere (the grammar's one known gap, tolerated).
      'Get-Service | Format-Table Name,Status -AutoSize',
      "Get-Item -Path 'a' -ErrorAction SilentlyContinue",
    ].join('\n');
    expect(describeProblems(compatProblems(script, '2.0'))).toBe('');
  });

  it('reports the line of each problem', () => {
    const problems = compatProblems("Get-Item a\n$t = Get-Content -Path 'a' -Raw", '2.0');
    expect(problems.map((p) => p.line)).toEqual([2]);
  });
});

describe('versionCompat: every golden command script runs on its oldest shell', () => {
  for (const [name, options] of Object.entries(GOLDEN_CASES)) {
    const version = minimumPowerShell(resolveOptions(options));
    it(`${name}.ps1 on Windows PowerShell ${version}`, () => {
      const text = readFileSync(join(COMMAND_GOLDEN, `${name}.ps1`), 'utf8');
      expect(describeProblems(compatProblems(text, version))).toBe('');
    });
  }

  it('every golden file is covered', () => {
    const files = readdirSync(COMMAND_GOLDEN).filter((f) => f.endsWith('.ps1')).map((f) => f.replace(/\.ps1$/, ''));
    expect(files.filter((f) => !(f in GOLDEN_CASES))).toEqual([]);
  });
});

describe('versionCompat: the collector goldens run on Windows PowerShell 3.0', () => {
  for (const file of readdirSync(COLLECTOR_GOLDEN).filter((f) => f.endsWith('.ps1'))) {
    it(file, () => {
      expect(describeProblems(compatProblems(readFileSync(join(COLLECTOR_GOLDEN, file), 'utf8'), '3.0'))).toBe('');
    });
  }
});

describe('versionCompat: the server-side request scripts run on the oldest shell of their product', () => {
  // An Exchange request may be made on Exchange 2010 (PowerShell 2.0); Lync 2013 / SfB 2015 need 3.0.
  for (const role of REQUEST_ROLES) {
    const version: PsVersion = ROLE_PROFILES[role].product === 'lync' ? '3.0' : '2.0';
    it(`${role} on Windows PowerShell ${version}`, () => {
      expect(describeProblems(compatProblems(serverSideRequestScript(draftFor(role, CONTOSO)), version))).toBe('');
    });
  }
});
