// Editing OWA's web.config appSettings from PowerShell through the XML DOM, so a value can
// never break the XML (Exchange 2010 RTM IM-01, Exchange 2013 IM-03). The file lives on each
// server, so the edit is a script block run on every server of a list through Invoke-Command:
// a backup first, then the keys, then the OWA application pool is recycled and the keys printed.
// PowerShell 2.0 syntax only (Exchange 2010 on Windows Server 2008 R2): the file is read with
// [System.IO.File]::ReadAllText, not `Get-Content -Raw` (PowerShell 3.0).
import { onEveryServer } from './owaImServers.js';
import type { Script } from './script.js';

export interface WebConfigEdit {
  /** Name of the script-block variable, e.g. `owaImWebConfig`. */
  block: string;
  /** Parameters of the block and the local expression passed for each: [['Thumbprint', '$thumbprint']]. */
  parameters: [name: string, localExpression: string][];
  /** appSettings to write: [key, expression over the block's parameters]. */
  settings: [key: string, expression: string][];
  /** Lines run on the server before the file is touched (checks that throw). */
  preamble?: string[];
  /** The variable holding the servers (`owaServers`). */
  servers: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

function indent(lines: string[]): string[] {
  return lines.map((l) => `  ${l}`);
}

/** Writes the script block and the loop that runs it on every server of `edit.servers`. */
export function webConfigOnEveryServer(script: Script, edit: WebConfigEdit): void {
  for (const name of [edit.block, edit.servers, ...edit.parameters.map(([n]) => n)]) {
    if (!NAME.test(name)) throw new Error(`bad PowerShell name ${name}`);
  }
  const keys = edit.settings.map(([k]) => k);
  if (keys.some((k) => !NAME.test(k))) throw new Error('bad appSettings key');
  script.code(
    `$${edit.block} = {`,
    ...indent([
      `param(${edit.parameters.map(([n]) => `[string]$${n}`).join(', ')})`,
      "$ErrorActionPreference = 'Stop'",
      ...(edit.preamble ?? []),
      'function Set-OwaAppSetting([xml]$Document, [string]$Key, [string]$Value) {',
      '  $node = @($Document.configuration.appSettings.add) | Where-Object { $_.key -eq $Key } | Select-Object -First 1',
      '  if (-not $node) {',
      "    $node = $Document.CreateElement('add')",
      "    $node.SetAttribute('key', $Key)",
      '    [void]$Document.configuration.appSettings.AppendChild($node)',
      '  }',
      "  $node.SetAttribute('value', $Value)",
      '}',
      "$webConfig = Join-Path $env:ExchangeInstallPath 'ClientAccess\\Owa\\web.config'",
      "Copy-Item -LiteralPath $webConfig -Destination ($webConfig + '.certbench.bak') -Force",
      '[xml]$owaConfig = [System.IO.File]::ReadAllText($webConfig)',
      ...edit.settings.map(([key, expr]) => `Set-OwaAppSetting $owaConfig '${key}' ${expr}`),
      '$owaConfig.Save($webConfig)',
      'Import-Module WebAdministration',
      "Restart-WebAppPool -Name 'MSExchangeOWAAppPool'",
      '# Verify: the keys are in the file.',
      `Select-String -LiteralPath $webConfig -Pattern '${keys.join('|')}'`,
    ]),
    '}',
  );
  onEveryServer(
    script,
    edit.servers,
    [
      "Write-Host ('web.config on ' + $owaServer)",
      `Invoke-Command -ComputerName $owaServer -ScriptBlock $${edit.block} -ArgumentList ${edit.parameters.map(([, e]) => e).join(', ')}`,
    ],
    'web.config change',
  );
}
