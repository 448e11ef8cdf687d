// OWA IM on Exchange 2010 (RTM: web.config keys IM-01, S9; SP1 and later: Set-OwaVirtualDirectory
// IM-02, S10), on EVERY Client Access server: seed 003 calls setting each OWA virtual directory
// "critical if you are load balancing". PowerShell 2.0 only (Windows Server 2008 R2): no
// `-Raw`, no `::new(`, no [string]::IsNullOrWhiteSpace.
import { owaImMaintenanceNotice } from './owaImMaintenance.js';
import { assignOwaServers, onEveryServer, owaImServers, reportUnlistedOwaServers } from './owaImServers.js';
import { cnCheck } from './cnCheck.js';
import type { ResolvedOptions } from './options.js';
import type { Script } from './script.js';
import { webConfigOnEveryServer } from './webConfig.js';

/** The certificate on every Client Access server, with the trusted application pool FQDN as CN. */
function certificateOnEveryServer(script: Script): void {
  script.code(
    'foreach ($owaServer in $owaServers) {',
    '  $imCert = $null',
    '  try { $imCert = Get-ExchangeCertificate -Server $owaServer -Thumbprint $thumbprint } catch { $imCert = $null }',
    "  if (-not $imCert) { throw ('The certificate ' + $thumbprint + ' is not on ' + $owaServer + '. Import it there first: every Client Access server presents it to Lync.') }",
    `  ${cnCheck('$imCert', '$owaPoolFqdn', "('IM-06: on ' + $owaServer + ' the certificate subject ' + $imCert.Subject + ' has no CN=' + $owaPoolFqdn)")}`,
    "  if (@($imCert.CertificateDomains | ForEach-Object { [string]$_ }) -notcontains $owaPoolFqdn) { Write-Warning ('IM-06: on ' + $owaServer + ' the certificate SAN does not list ' + $owaPoolFqdn) }",
    '}',
  );
}

export function owaImExchange2010Rtm(o: ResolvedOptions, script: Script): void {
  script.section('PART 1, Exchange 2010 RTM: web.config keys on every Client Access server (IM-01, S9)');
  assignOwaServers(script, owaImServers(o.env, '2010', o.server, 'clientAccess'), 'owaServers', 'Exchange 2010 Client Access servers');
  reportUnlistedOwaServers(script);
  certificateOnEveryServer(script);
  script.comment('IM on in every OWA virtual directory; the web.config keys below say where and with which certificate.');
  script.code(
    'foreach ($owaServer in $owaServers) {',
    '  Get-OwaVirtualDirectory -Server $owaServer | Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true',
    '}',
  );
  script.comment('The issuer DN must match the certificate exactly; the serial is written in spaced byte pairs (IM-01).');
  script.code(
    '$imCert = Get-ExchangeCertificate -Server $owaServers[0] -Thumbprint $thumbprint',
    '$imIssuer = $imCert.Issuer',
    "$imSerial = $imCert.SerialNumber -replace '(..)(?!$)', '$1 '",
    "Write-Host ('Issuer: ' + $imIssuer + '  Serial: ' + $imSerial)",
  );
  script.disruption(owaImMaintenanceNotice('2010'));
  script.comment('Runs on each server through PowerShell remoting (Enable-PSRemoting on each, if it is off). Every Exchange update rewrites web.config: run this part again after each update (S9).');
  webConfigOnEveryServer(script, {
    block: 'owaImWebConfig',
    servers: 'owaServers',
    parameters: [
      ['ImServerName', '$imServerName'],
      ['Issuer', '$imIssuer'],
      ['Serial', '$imSerial'],
    ],
    settings: [
      ['IMPoolName', '$ImServerName'],
      ['IMCertificateIssuer', '$Issuer'],
      ['IMCertificateSerialNumber', '$Serial'],
    ],
  });
  script.code(
    '# Verify: every OWA virtual directory of the organisation.',
    'Get-OwaVirtualDirectory | Format-Table Server,Name,InstantMessagingEnabled,InstantMessagingType -AutoSize',
    'Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType',
  );
}

export function owaImExchange2010Sp1(o: ResolvedOptions, script: Script): void {
  script.section('PART 1, Exchange 2010 SP1: Set-OwaVirtualDirectory on every Client Access server (IM-02, S10)');
  script.comment('Every OWA virtual directory must carry the setting: "critical if you are load balancing" (seed 003).');
  assignOwaServers(script, owaImServers(o.env, '2010SP1', o.server, 'clientAccess'), 'owaServers', 'Exchange 2010 Client Access servers');
  reportUnlistedOwaServers(script);
  certificateOnEveryServer(script);
  script.comment('The thumbprint goes without spaces (IM-07); then iisreset /noforce on each server (S9).');
  script.disruption(owaImMaintenanceNotice('2010SP1'));
  onEveryServer(
    script,
    'owaServers',
    [
      'Get-OwaVirtualDirectory -Server $owaServer | Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true -InstantMessagingCertificateThumbprint $thumbprint -InstantMessagingServerName $imServerName',
      "Write-Host ('iisreset /noforce on ' + $owaServer)",
      'iisreset $owaServer /noforce',
      "if ($LASTEXITCODE -ne 0) { throw ('iisreset /noforce ended with exit code ' + $LASTEXITCODE + '; IIS kept running') }",
    ],
    'IM settings and iisreset',
  );
  script.code(
    '# Verify: every OWA virtual directory of the organisation, with the new thumbprint.',
    'Get-OwaVirtualDirectory | Format-Table Server,Name,InstantMessagingEnabled,InstantMessagingType,InstantMessagingServerName,InstantMessagingCertificateThumbprint -AutoSize',
    "foreach ($vdir in @(Get-OwaVirtualDirectory | Where-Object { $_.InstantMessagingCertificateThumbprint -ne $thumbprint })) { Write-Warning ('IM-02: ' + [string]$vdir.Server + ' still has another IM thumbprint.') }",
    '# The OWA mailbox policy overrides the virtual directory (S9): IM must be enabled there too.',
    'Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType',
  );
}
