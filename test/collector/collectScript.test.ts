// The collector script, tested as code: parsed with tree-sitter-powershell, then judged from
// the commands, methods and types it uses. Each check is first shown to catch a bad script.
import { describe, expect, it } from 'vitest';
import { collectScript } from '../../shared/estate/collector/collectScript.js';
import { psFacts } from './psAst.js';
import { ps5OrLater } from './psVersion.js';
import {
  certutilWrites,
  disallowedCommands,
  disallowedMethods,
  disallowedNewObjects,
  disallowedTypes,
  forbiddenParameters,
  privateKeyAccess,
  unsafeInvokeCommands,
} from './readOnly.js';

const VARIANTS = {
  exchange: { exchange: true, skype: false },
  skype: { exchange: false, skype: true },
  both: { exchange: true, skype: true },
} as const;

const EXCHANGE_CMDLETS = ['Get-ExchangeServer', 'Get-ExchangeCertificate', 'Get-AuthConfig', 'Get-SettingOverride', 'Get-OwaVirtualDirectory', 'Get-TransportService', 'Get-SendConnector', 'Get-ReceiveConnector', 'Get-HybridConfiguration'];
const SKYPE_CMDLETS = ['Get-CsPool', 'Get-CsService', 'Get-CsSipDomain', 'Get-CsTrustedApplicationPool', 'Get-CsTrustedApplication', 'Get-CsCertificate'];

describe('the checks catch what they must (negative controls)', () => {
  it('a syntax error is reported', () => {
    expect(psFacts('if ($a { Write-Host 1 }\n').problems.length).toBeGreaterThan(0);
    expect(psFacts('$x = @{ a = 1\n').problems.length).toBeGreaterThan(0);
  });

  it('a writing command, a prompt, a key export and a dynamic call are reported', () => {
    const facts = psFacts(
      [
        'Set-AuthConfig -NewCertificateThumbprint $t',
        'Remove-Item C:\\x',
        '$p = Read-Host -AsSecureString',
        'Export-ExchangeCertificate -Thumbprint $t -BinaryEncoded -Password $p',
        'Get-Credential',
        'function Remove-Thing { }',
        '& $something',
        'Invoke-Command -ComputerName ex1 -FilePath C:\\evil.ps1',
      ].join('\n'),
    );
    const commands = disallowedCommands(facts).join('\n');
    for (const name of ['Set-AuthConfig', 'Remove-Item', 'Read-Host', 'Export-ExchangeCertificate', 'Get-Credential', 'function Remove-Thing']) expect(commands).toContain(name);
    expect(forbiddenParameters(facts).join('\n')).toMatch(/-Password[\s\S]*-FilePath/);
    expect(unsafeInvokeCommands(facts).join('\n')).toMatch(/Invoke-Command without[\s\S]*dynamic call &\$something/);
  });

  it('a command outside try is seen as such', () => {
    const facts = psFacts('Get-ExchangeServer -ErrorAction Stop\ntry { Get-AuthConfig -ErrorAction Stop } catch { Write-Host $_ }\n$b = { Get-CsCertificate }\n');
    expect(facts.commands.map((c) => [c.name, c.inTry, c.inScriptBlock])).toEqual([
      ['Get-ExchangeServer', false, false],
      ['Get-AuthConfig', true, false],
      ['Write-Host', true, false],
      ['Get-CsCertificate', false, true],
    ]);
  });

  it('a variable read but never set is reported', () => {
    const facts = psFacts('$list = 1\nforeach ($item in $list) { Write-Host $itme }\n');
    expect([...facts.variables].filter((v) => !facts.assigned.has(v))).toEqual(['itme']);
  });

  it('certutil is allowed only in its read forms', () => {
    expect(certutilWrites(psFacts('certutil -store my\ncertutil -dump x.cer\n'))).toEqual([]);
    expect(certutilWrites(psFacts('certutil -delstore my 1A2B\ncertutil -importpfx x.pfx\n'))).toHaveLength(2);
  });

  it('unknown types, objects, statics and methods are reported', () => {
    const facts = psFacts(
      ['$w = New-Object System.Net.WebClient', '[System.IO.File]::Delete($f)', '$cert.PrivateKey.ExportParameters($true)', '$c.Export(3)', '[Microsoft.Win32.Registry]::LocalMachine'].join('\n'),
    );
    expect(disallowedNewObjects(facts)).toHaveLength(1);
    expect(disallowedMethods(facts).join('\n')).toMatch(/Delete[\s\S]*ExportParameters[\s\S]*Export\(\)/);
    expect(disallowedTypes(facts)).toContain('Microsoft.Win32.Registry');
    expect(privateKeyAccess('$cert.PrivateKey.ExportParameters($true)\n$c.HasPrivateKey\n')).toHaveLength(1);
  });

  it('PowerShell 5 and 7 syntax and newer cmdlets are reported', () => {
    const text = [
      'class Foo { [string]$Name }',
      '$l = [System.Collections.Generic.List[string]]::new()',
      'Get-Date -AsUTC',
      'Get-X && Get-Y',
      '$a.Where({ $_ })',
      'Join-String -InputObject $x',
      "Out-File -FilePath x -Encoding utf8NoBOM",
      'using namespace System.Text',
      '#requires -Version 5.1',
    ].join('\n');
    const found = ps5OrLater(psFacts(text), text).join('\n');
    for (const what of ['class_statement', '::new()', '-AsUTC', 'operator &&', '.Where()', 'Join-String', 'utf8NoBOM', 'using statement', '#requires -Version 5']) expect(found).toContain(what);
  });
});

describe('collectScript', () => {
  for (const [name, parts] of Object.entries(VARIANTS)) {
    describe(name, () => {
      const script = collectScript(parts);
      const facts = psFacts(script);

      it('parses with no syntax error and no missing token', () => {
        expect(facts.problems).toEqual([]);
        expect(facts.commands.length).toBeGreaterThan(10);
      });

      it('calls only reading commands (Get/Select/Where/ForEach/Export/ConvertTo/Out/Write/Test/Join, New-Object, Invoke-Command, certutil reads)', () => {
        expect(disallowedCommands(facts)).toEqual([]);
        expect(certutilWrites(facts)).toEqual([]);
        expect(forbiddenParameters(facts)).toEqual([]);
        expect(unsafeInvokeCommands(facts)).toEqual([]);
      });

      it('never exports a certificate or touches a private key, never prompts', () => {
        const names = facts.commands.map((c) => c.name.toLowerCase());
        expect(names).not.toContain('export-exchangecertificate');
        expect(names).not.toContain('read-host');
        expect(names).not.toContain('get-credential');
        expect(privateKeyAccess(script)).toEqual([]);
      });

      it('names only known .NET types and calls only formatting and list methods', () => {
        expect(disallowedTypes(facts)).toEqual([]);
        expect(disallowedNewObjects(facts)).toEqual([]);
        expect(disallowedMethods(facts)).toEqual([]);
      });

      it('runs on Windows PowerShell 3.0 / 4.0 (no PowerShell 5+ syntax, cmdlet or parameter)', () => {
        expect(ps5OrLater(facts, script)).toEqual([]);
        // The script checks the version itself before anything else.
        expect(script).toMatch(/if \(\$PSVersionTable\.PSVersion\.Major -lt 3\) \{[^}]*return/);
      });

      it('reads no variable it never sets (a misspelt name would silently be $null)', () => {
        const automatic = ['_', 'null', 'true', 'false', 'matches', 'psversiontable', 'psscriptroot'];
        expect([...facts.variables].filter((v) => !facts.assigned.has(v) && !automatic.includes(v))).toEqual([]);
        expect(facts.assigned.size).toBeGreaterThan(40);
      });

      it('never wraps a list-returning helper in @() (that would make a one-element list of the list)', () => {
        expect(script).not.toMatch(/@\(Get-CBTextList/);
      });

      it('is ASCII only (Windows PowerShell reads a BOM-less script in the ANSI code page)', () => {
        expect([...script].filter((ch) => ch.charCodeAt(0) > 0x7e || (ch.charCodeAt(0) < 0x20 && ch !== '\n'))).toEqual([]);
      });

      it('wraps every cmdlet that can fail in try/catch with -ErrorAction Stop', () => {
        const product = facts.commands.filter((c) => /^Get-(Exchange|AuthConfig|SettingOverride|OwaVirtual|UM|Transport|SendConnector|ReceiveConnector|Hybrid|OrganizationConfig|Cs)/.test(c.name));
        expect(product.length).toBeGreaterThan(0);
        for (const c of product) {
          expect(c.elements, `${c.name} at line ${c.line}`).toContain('-ErrorAction');
          // Inside try, or inside a script block that only Invoke-Command runs (itself inside try).
          expect(c.inTry || c.inScriptBlock, `${c.name} at line ${c.line} outside try`).toBe(true);
        }
        for (const c of facts.commands.filter((x) => x.name === 'Invoke-Command')) expect(c.inTry, `Invoke-Command at line ${c.line}`).toBe(true);
      });

      it('calls the cmdlets of its products only', () => {
        const names = new Set(facts.commands.map((c) => c.name));
        for (const c of EXCHANGE_CMDLETS) expect(names.has(c), c).toBe(parts.exchange);
        for (const c of SKYPE_CMDLETS) expect(names.has(c), c).toBe(parts.skype);
      });

      it('writes the snapshot through ConvertTo-Json -InputObject, UTF-8 without BOM, and says where', () => {
        const json = facts.commands.find((c) => c.name === 'ConvertTo-Json');
        expect(json?.elements).toEqual(['-InputObject', '$snapshot', '-Depth', '8']);
        expect(facts.methods.some((m) => m.isStatic && m.method === 'WriteAllText')).toBe(true);
        expect(facts.commands.some((c) => c.name === 'New-Object' && c.elements.join(' ') === 'System.Text.UTF8Encoding -ArgumentList $false')).toBe(true);
        expect(script).toContain("Write-Host ('CertBench snapshot written to ' + $OutFile)");
      });
    });
  }

  it('reads each Exchange certificate field explicitly, the public DER as Base64, dates as ISO UTC', () => {
    const script = collectScript(VARIANTS.exchange);
    for (const field of ['Thumbprint', 'Services', 'Status', 'HasPrivateKey', 'PrivateKeyExportable', 'RootCAType', 'FriendlyName', 'Subject', 'Issuer', 'NotBefore', 'NotAfter', 'CertificateDomains', 'PublicKeySize', 'IsSelfSigned', 'RawData']) {
      expect(script).toContain(`$c.${field}`);
    }
    expect(script).toContain('[Convert]::ToBase64String([byte[]]$c.RawData)');
    expect(script).toContain(".ToUniversalTime().ToString('o')");
  });

  it('reads Get-CsCertificate on remote computers through Invoke-Command and on this one locally', () => {
    const facts = psFacts(collectScript(VARIANTS.skype));
    const invokes = facts.commands.filter((c) => c.name === 'Invoke-Command' && c.elements.includes('$csCertificateBlock'));
    expect(invokes.some((c) => c.elements.includes('-ComputerName'))).toBe(true);
    expect(invokes.some((c) => !c.elements.includes('-ComputerName'))).toBe(true);
  });

  it('refuses to generate a script with no part', () => {
    expect(() => collectScript({ exchange: false, skype: false })).toThrow(/choose/);
  });
});
