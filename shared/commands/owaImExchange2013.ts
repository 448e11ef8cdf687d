// OWA IM on Exchange 2013 (IM-03, S11 "Integrating Lync Server 2013 and OWA 2013"): the front-end
// OWA virtual directory of every Client Access server and the OWA mailbox policies get IM type
// Ocs; the back-end web.config of every Mailbox server gets IMCertificateThumbprint and
// IMServerName, and its OWA application pool is recycled. Success is event 112 (MSExchange OWA)
// and the Logging\OWA\InstantMessaging folder on each Mailbox server; a missing event is a
// warning, never an error that stops the script (`-ErrorAction SilentlyContinue`: Get-WinEvent
// reports "no events found" as an error, which `$ErrorActionPreference = 'Stop'` would raise).
import { owaImMaintenanceNotice } from './owaImMaintenance.js';
import { assignOwaServers, owaImServers, reportUnlistedOwaServers } from './owaImServers.js';
import { cnCheck } from './cnCheck.js';
import type { ResolvedOptions } from './options.js';
import type { Script } from './script.js';
import { webConfigOnEveryServer } from './webConfig.js';

export function owaImExchange2013(o: ResolvedOptions, script: Script): void {
  script.section('PART 1, Exchange 2013: the OWA virtual directory of every Client Access server, and the OWA mailbox policies (IM-03, S11)');
  assignOwaServers(script, owaImServers(o.env, '2013', o.server, 'clientAccess'), 'owaServers', 'Exchange 2013 Client Access servers');
  reportUnlistedOwaServers(script);
  script.code(
    'foreach ($owaServer in $owaServers) {',
    '  Get-OwaVirtualDirectory -Server $owaServer | Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType OCS',
    '}',
    'Get-OwaVirtualDirectory | Format-Table Server,Name,InstantMessagingEnabled,InstantMessagingType -AutoSize',
  );
  script.comment('The OWA mailbox policy overrides the virtual directory (S9): IM on, type Ocs, on every policy. Leave a policy out only if its users must not have IM.');
  script.code(
    'Get-OwaMailboxPolicy | Set-OwaMailboxPolicy -InstantMessagingEnabled $true -InstantMessagingType OCS',
    'Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType -AutoSize',
  );

  script.section('PART 1b, Exchange 2013: web.config on every Mailbox server (IM-03, S11)');
  assignOwaServers(script, owaImServers(o.env, '2013', o.server, 'mailbox'), 'owaMailboxServers', 'Exchange 2013 Mailbox servers');
  script.comment('The certificate must be in LocalMachine\\My on each Mailbox server, with the trusted application pool FQDN as CN (IM-03, IM-06).');
  script.disruption(owaImMaintenanceNotice('2013'));
  script.comment('Runs on each server through PowerShell remoting (WinRM). Every Cumulative Update rewrites web.config: run this part again after each CU.');
  webConfigOnEveryServer(script, {
    block: 'owaImWebConfig',
    servers: 'owaMailboxServers',
    parameters: [
      ['Thumbprint', '$thumbprint'],
      ['ImServerName', '$imServerName'],
      ['PoolFqdn', '$owaPoolFqdn'],
    ],
    preamble: [
      "$imCert = Get-Item -LiteralPath ('Cert:\\LocalMachine\\My\\' + $Thumbprint) -ErrorAction SilentlyContinue",
      "if (-not $imCert) { throw ('IM-03: the certificate ' + $Thumbprint + ' is not in LocalMachine\\My on ' + $env:COMPUTERNAME + '.') }",
      cnCheck('$imCert', '$PoolFqdn', "('IM-06: on ' + $env:COMPUTERNAME + ' the certificate subject ' + $imCert.Subject + ' has no CN=' + $PoolFqdn)"),
    ],
    settings: [
      ['IMCertificateThumbprint', '$Thumbprint'],
      ['IMServerName', '$ImServerName'],
    ],
  });

  script.section('Verify on every Mailbox server, after someone opened OWA there (IM-03)');
  script.comment('Event 112 (MSExchange OWA) and the Logging\\OWA\\InstantMessaging folder mean IM started; without them it failed. No event is a warning, not an error.');
  script.code(
    '$owaImVerify = {',
    "  $imEvent = Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = 'MSExchange OWA'; Id = 112 } -MaxEvents 1 -ErrorAction SilentlyContinue",
    "  $imFolder = Test-Path -LiteralPath (Join-Path $env:ExchangeInstallPath 'Logging\\OWA\\InstantMessaging')",
    "  if ($imEvent) { Write-Host ($env:COMPUTERNAME + ': event 112 at ' + $imEvent.TimeCreated) } else { Write-Warning ($env:COMPUTERNAME + ': no event 112 (MSExchange OWA) yet: open OWA once and check again; if it stays absent, IM did not start (IM-03).') }",
    "  if (-not $imFolder) { Write-Warning ($env:COMPUTERNAME + ': no Logging\\OWA\\InstantMessaging folder: IM did not start (IM-03).') }",
    '}',
    'foreach ($owaServer in $owaMailboxServers) {',
    '  Invoke-Command -ComputerName $owaServer -ScriptBlock $owaImVerify',
    '}',
  );
}
