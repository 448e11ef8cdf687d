# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2013 with SfB2015) for ex1.contoso.com.
# Run in the Exchange Management Shell, then the Lync Server Management Shell for the Lync part. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$imServerName = 'pool01.contoso.com'
$owaPoolFqdn = 'owa.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
# thumbprint from environment owaIm.certificateThumbprint cleaned (U+200E removed, spaces/case normalised) (IM-07)
if (-not ([string]$imServerName).Trim()) { throw 'Set $imServerName first (see the WARNING above).' }
if (-not ([string]$owaPoolFqdn).Trim()) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
if (-not ([string]$thumbprint).Trim()) { throw 'Set $thumbprint first (see the WARNING above).' }
if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }
# IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.

# --- PART 1, Exchange 2013: the OWA virtual directory of every Client Access server, and the OWA mailbox policies (IM-03, S11) ---
# WARNING: the environment lists no Exchange 2013 Client Access servers; only the server given is configured. List every one in $owaServers.
$owaServers = @('ex1.contoso.com')
if (-not $owaServers) { throw 'Set $owaServers first: every server the setting must reach.' }
$owaServerNames = @($owaServers | ForEach-Object { ($_ -split '\.')[0] })
$unlistedOwa = @(Get-OwaVirtualDirectory | Where-Object { $owaServerNames -notcontains ([string]$_.Server) })
foreach ($vdir in $unlistedOwa) { Write-Warning ('OWA runs on ' + [string]$vdir.Server + ', which is not in $owaServers: add it, or users balanced to it get no IM.') }
foreach ($owaServer in $owaServers) {
  Get-OwaVirtualDirectory -Server $owaServer | Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType OCS
}
Get-OwaVirtualDirectory | Format-Table Server,Name,InstantMessagingEnabled,InstantMessagingType -AutoSize
# The OWA mailbox policy overrides the virtual directory (S9): IM on, type Ocs, on every policy. Leave a policy out only if its users must not have IM.
Get-OwaMailboxPolicy | Set-OwaMailboxPolicy -InstantMessagingEnabled $true -InstantMessagingType OCS
Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType -AutoSize

# --- PART 1b, Exchange 2013: web.config on every Mailbox server (IM-03, S11) ---
# WARNING: the environment lists no Exchange 2013 Mailbox servers; only the server given is configured. List every one in $owaMailboxServers.
$owaMailboxServers = @('ex1.contoso.com')
if (-not $owaMailboxServers) { throw 'Set $owaMailboxServers first: every server the setting must reach.' }
# The certificate must be in LocalMachine\My on each Mailbox server, with the trusted application pool FQDN as CN (IM-03, IM-06).
# WARNING: The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Mailbox server listed: that drops the Outlook Web App sessions it serves, so run it in a maintenance window.
Write-Warning 'The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Mailbox server listed: that drops the Outlook Web App sessions it serves, so run it in a maintenance window.'
# Runs on each server through PowerShell remoting (WinRM). Every Cumulative Update rewrites web.config: run this part again after each CU.
$owaImWebConfig = {
  param([string]$Thumbprint, [string]$ImServerName, [string]$PoolFqdn)
  $ErrorActionPreference = 'Stop'
  $imCert = Get-Item -LiteralPath ('Cert:\LocalMachine\My\' + $Thumbprint) -ErrorAction SilentlyContinue
  if (-not $imCert) { throw ('IM-03: the certificate ' + $Thumbprint + ' is not in LocalMachine\My on ' + $env:COMPUTERNAME + '.') }
  if ($imCert.Subject -notmatch ('(^|,\s*)CN=' + [regex]::Escape($PoolFqdn) + '\s*(,|$)')) { Write-Warning ('IM-06: on ' + $env:COMPUTERNAME + ' the certificate subject ' + $imCert.Subject + ' has no CN=' + $PoolFqdn) }
  function Set-OwaAppSetting([xml]$Document, [string]$Key, [string]$Value) {
    $node = @($Document.configuration.appSettings.add) | Where-Object { $_.key -eq $Key } | Select-Object -First 1
    if (-not $node) {
      $node = $Document.CreateElement('add')
      $node.SetAttribute('key', $Key)
      [void]$Document.configuration.appSettings.AppendChild($node)
    }
    $node.SetAttribute('value', $Value)
  }
  $webConfig = Join-Path $env:ExchangeInstallPath 'ClientAccess\Owa\web.config'
  Copy-Item -LiteralPath $webConfig -Destination ($webConfig + '.certbench.bak') -Force
  [xml]$owaConfig = [System.IO.File]::ReadAllText($webConfig)
  Set-OwaAppSetting $owaConfig 'IMCertificateThumbprint' $Thumbprint
  Set-OwaAppSetting $owaConfig 'IMServerName' $ImServerName
  $owaConfig.Save($webConfig)
  Import-Module WebAdministration
  Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
  # Verify: the keys are in the file.
  Select-String -LiteralPath $webConfig -Pattern 'IMCertificateThumbprint|IMServerName'
}
$notDone = @()
foreach ($owaServer in $owaMailboxServers) {
  try {
    Write-Host ('web.config on ' + $owaServer)
    Invoke-Command -ComputerName $owaServer -ScriptBlock $owaImWebConfig -ArgumentList $thumbprint, $imServerName, $owaPoolFqdn
  } catch {
    $notDone += $owaServer
    Write-Warning ('web.config change: failed on ' + $owaServer + ': ' + $_)
  }
}
if ($notDone.Count -gt 0) { throw ('web.config change: not done on ' + ($notDone -join ', ') + '. Fix the cause and run this part again for those servers.') }

# --- Verify on every Mailbox server, after someone opened OWA there (IM-03) ---
# Event 112 (MSExchange OWA) and the Logging\OWA\InstantMessaging folder mean IM started; without them it failed. No event is a warning, not an error.
$owaImVerify = {
  $imEvent = Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = 'MSExchange OWA'; Id = 112 } -MaxEvents 1 -ErrorAction SilentlyContinue
  $imFolder = Test-Path -LiteralPath (Join-Path $env:ExchangeInstallPath 'Logging\OWA\InstantMessaging')
  if ($imEvent) { Write-Host ($env:COMPUTERNAME + ': event 112 at ' + $imEvent.TimeCreated) } else { Write-Warning ($env:COMPUTERNAME + ': no event 112 (MSExchange OWA) yet: open OWA once and check again; if it stays absent, IM did not start (IM-03).') }
  if (-not $imFolder) { Write-Warning ($env:COMPUTERNAME + ': no Logging\OWA\InstantMessaging folder: IM did not start (IM-03).') }
}
foreach ($owaServer in $owaMailboxServers) {
  Invoke-Command -ComputerName $owaServer -ScriptBlock $owaImVerify
}

# --- PART 2, Lync / Skype for Business (SfB2015): trusted application pool (IM-06, S11) ---
# Run this part in the Lync Server Management Shell (a new session: the values are set again). The pool FQDN must be the name in the certificate Subject and SAN.
$ErrorActionPreference = 'Stop'
$owaPoolFqdn = 'owa.contoso.com'
if (-not ([string]$owaPoolFqdn).Trim()) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
$registrar = 'pool01.contoso.com'
if (-not ([string]$registrar).Trim()) { throw 'Set $registrar first (see the WARNING above).' }
# -Site takes the SiteId of the registrar pool's site, not its Identity (New-CsTrustedApplicationPool).
$registrarSite = [string](Get-CsPool -Identity $registrar).Site
$site = @(Get-CsSite | Where-Object { [string]$_.Identity -eq $registrarSite })
if ($site.Count -ne 1) { throw ('No single Lync site ' + $registrarSite + ' for ' + $registrar + ' (Get-CsSite).') }
$siteId = $site[0].SiteId
Write-Host ('Site ' + $registrarSite + ', SiteId ' + $siteId)
# Renewal: the pool and the application stay; only a first setup creates them.
if (@(Get-CsTrustedApplicationPool | Where-Object { $_.PoolFqdn -eq $owaPoolFqdn }).Count -eq 0) {
  New-CsTrustedApplicationPool -Identity $owaPoolFqdn -Registrar $registrar -Site $siteId -RequiresReplication $false
}
if (@(Get-CsTrustedApplication | Where-Object { $_.TrustedApplicationPoolFqdn -eq $owaPoolFqdn -and $_.ApplicationId -match 'OutlookWebApp' }).Count -eq 0) {
  New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn $owaPoolFqdn -Port 5199
}
Enable-CsTopology
# Verify
Get-CsTrustedApplicationPool -Identity $owaPoolFqdn | Format-List Identity,PoolFqdn,Registrar,SiteId,RequiresReplication
Get-CsTrustedApplication | Where-Object { $_.TrustedApplicationPoolFqdn -eq $owaPoolFqdn } | Format-List Identity,Port
# If IM still fails, trace SIPStack on the Front End (IM-06).
