// OWA IM on Exchange 2016 / 2019 / SE (IM-04), as Microsoft's "Configure instant messaging
// integration with Outlook on the web in Exchange" (S12) has it: one setting override for the
// whole organisation (no -Server: "to configure the same settings on all Exchange 2016 and
// Exchange 2019 servers ... don't use the Server parameter"), then on EVERY server used for
// Outlook on the web the VariantConfiguration refresh (run remotely with -Server <name>) and the
// MSExchangeOWAAppPool recycle (run on the server through Invoke-Command), and the effective
// value read back per server with `Get-ExchangeDiagnosticInfo -Process MSExchangeMailboxAssistants
// -Component VariantConfiguration -Argument "Config,Component=OwaServer"`.
import { owaImMaintenanceNotice } from './owaImMaintenance.js';
import { assignOwaServers, onEveryServer, owaImServers, reportUnlistedOwaServers } from './owaImServers.js';
import { cnCheck } from './cnCheck.js';
import type { ResolvedOptions } from './options.js';
import type { Script } from './script.js';

/** The checks on every server before anything changes: the certificate is there, on IIS, named for the pool. */
function certificateOnEveryServer(script: Script): void {
  script.comment('Before anything changes: the override names ONE thumbprint for every server, so the same certificate must be on each, assigned to IIS (IM-04), with the trusted application pool FQDN as CN (IM-06).');
  script.code(
    'foreach ($owaServer in $owaServers) {',
    '  $imCert = $null',
    '  try { $imCert = Get-ExchangeCertificate -Server $owaServer -Thumbprint $thumbprint } catch { $imCert = $null }',
    "  if (-not $imCert) { throw ('IM-04: the certificate ' + $thumbprint + ' is not on ' + $owaServer + '. Import it there first (or give that server its own override with -Server).') }",
    "  if ($imCert.Services -notmatch 'IIS') { Write-Warning ('IM-04: on ' + $owaServer + ' the certificate is not assigned to IIS; Outlook on the web uses the IIS certificate.') }",
    `  ${cnCheck('$imCert', '$owaPoolFqdn', "('IM-06: on ' + $owaServer + ' the certificate subject ' + $imCert.Subject + ' has no CN=' + $owaPoolFqdn)")}`,
    "  if (@($imCert.CertificateDomains | ForEach-Object { [string]$_ }) -notcontains $owaPoolFqdn) { Write-Warning ('IM-06: on ' + $owaServer + ' the certificate SAN does not list ' + $owaPoolFqdn) }",
    '}',
  );
}

export function owaImExchange2016(o: ResolvedOptions, script: Script): void {
  const v = o.exchangeVersion;
  script.section(`PART 1, Exchange ${v}: IM settings override on every server used for Outlook on the web (IM-04, S12, S13)`);
  script.comment('web.config edits are ignored on Exchange 2016/2019; the setting lives in Active Directory.');
  assignOwaServers(script, owaImServers(o.env, v, o.server));
  reportUnlistedOwaServers(script);
  certificateOnEveryServer(script);

  script.comment('One override for the whole organisation (no -Server), so every server gets the same IM server and thumbprint (S12).');
  script.code(
    "$imParameters = @(('IMServerName=' + $imServerName), ('IMCertificateThumbprint=' + $thumbprint))",
    "$imOverrides = @(Get-SettingOverride | Where-Object { $_.ComponentName -eq 'OwaServer' -and $_.SectionName -eq 'IMSettings' })",
    '$imOverride = $imOverrides | Where-Object { -not $_.Server } | Select-Object -First 1',
    "foreach ($perServer in @($imOverrides | Where-Object { $_.Server })) { Write-Warning ('IM-04: the override ' + $perServer.Name + ' applies to ' + [string]$perServer.Server + ' and wins there over the organisation one: update or remove it too.') }",
    'if ($imOverride) {',
    '  # Renewal: change the existing override (Set-SettingOverride, S12).',
    "  Set-SettingOverride -Identity $imOverride.Identity -Parameters $imParameters -Reason 'CertBench: OWA IM certificate renewal'",
    '} else {',
    "  New-SettingOverride -Name 'IM Override' -Component OwaServer -Section IMSettings -Parameters $imParameters -Reason 'CertBench: OWA IM integration'",
    '}',
  );

  script.section(`PART 1b, every server used for Outlook on the web: refresh the setting and recycle OWA (S12)`);
  script.disruption(owaImMaintenanceNotice(v));
  script.comment('The refresh runs from here with -Server and the server NAME (not the FQDN, S12); the recycle runs on each server through PowerShell remoting (WinRM, on by default on Windows Server 2012 and later).');
  onEveryServer(
    script,
    'owaServers',
    [
      "$owaServerName = ($owaServer -split '\\.')[0]",
      "Write-Host ('Refreshing the IM settings and recycling OWA on ' + $owaServerName)",
      'Get-ExchangeDiagnosticInfo -Server $owaServerName -Process Microsoft.Exchange.Directory.TopologyService -Component VariantConfiguration -Argument Refresh | Out-Null',
      "Invoke-Command -ComputerName $owaServer -ScriptBlock { Import-Module WebAdministration; Restart-WebAppPool -Name 'MSExchangeOWAAppPool' }",
    ],
    'Refresh and recycle',
  );

  script.section('Verify: the value each server uses (S12)');
  script.comment('Exchange 2016 CU3 or earlier: use -Process Microsoft.Exchange.Directory.TopologyService -Argument Config instead (S12).');
  script.code(
    'foreach ($owaServer in $owaServers) {',
    "  $owaServerName = ($owaServer -split '\\.')[0]",
    "  [xml]$diag = Get-ExchangeDiagnosticInfo -Server $owaServerName -Process MSExchangeMailboxAssistants -Component VariantConfiguration -Argument 'Config,Component=OwaServer'",
    '  $imSettings = $diag.Diagnostics.Components.VariantConfiguration.Configuration.OwaServer.IMSettings',
    "  Write-Host ('--- ' + $owaServerName)",
    '  $imSettings | Format-List | Out-String | Write-Host',
    '  $imText = if ($imSettings -is [System.Xml.XmlNode]) { $imSettings.OuterXml } else { [string]$imSettings }',
    "  if ($imText -notmatch $thumbprint -or $imText -notmatch [regex]::Escape($imServerName)) { Write-Warning ('IM-04: ' + $owaServerName + ' does not show the new IM server and thumbprint yet: wait a few minutes and check again; if it stays, run the refresh and the recycle there again.') }",
    '}',
    'Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType',
  );
  script.comment('Each OWA mailbox policy above must allow IM with type Ocs for its users to get IM (Set-OwaMailboxPolicy -InstantMessagingEnabled $true -InstantMessagingType Ocs).');
  script.comment('Failure shows as "There\'s a problem with instant messaging"; HealthSet OWA.Protocol.Dep reports the thumbprint as null or empty (IM-04).');
}
