// Editing OWA's web.config appSettings from PowerShell through the XML DOM, so a value can
// never break the XML (Exchange 2010 RTM IM-01, Exchange 2013 IM-03). A backup is made first.
import type { Script } from './script.js';

export function webConfigFunction(script: Script): void {
  script.code(
    'function Set-OwaAppSetting([xml]$Document, [string]$Key, [string]$Value) {',
    '  $node = @($Document.configuration.appSettings.add) | Where-Object { $_.key -eq $Key } | Select-Object -First 1',
    '  if (-not $node) {',
    "    $node = $Document.CreateElement('add')",
    "    $node.SetAttribute('key', $Key)",
    '    [void]$Document.configuration.appSettings.AppendChild($node)',
    '  }',
    "  $node.SetAttribute('value', $Value)",
    '}',
  );
}

/** Sets the given appSettings (PowerShell expressions) in OWA's web.config on this server. */
export function editWebConfig(script: Script, settings: [key: string, expression: string][]): void {
  script.code(
    "$webConfig = Join-Path $env:ExchangeInstallPath 'ClientAccess\\Owa\\web.config'",
    "Copy-Item -LiteralPath $webConfig -Destination ($webConfig + '.certbench.bak') -Force",
    '[xml]$owaConfig = Get-Content -LiteralPath $webConfig -Raw',
    ...settings.map(([key, expr]) => `Set-OwaAppSetting $owaConfig '${key}' ${expr}`),
    '$owaConfig.Save($webConfig)',
    '# Verify: the keys are in the file.',
    `Select-String -LiteralPath $webConfig -Pattern '${settings.map(([k]) => k).join('|')}'`,
  );
}
