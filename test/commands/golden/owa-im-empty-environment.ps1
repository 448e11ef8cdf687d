# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2016 with SfB2019).
# Run in the Exchange Management Shell, then the Lync Server Management Shell for the Lync part. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
# WARNING: the environment has no owaIm.imServerName or Lync pool; set $imServerName to the Lync/SfB pool FQDN.
$imServerName = $null
# WARNING: the environment has no owaIm.trustedApplicationPoolFqdn; set $owaPoolFqdn to the name in the OWA certificate Subject and SAN (IM-06).
$owaPoolFqdn = $null
# WARNING: no thumbprint given (nor owaIm.certificateThumbprint in the environment); set $thumbprint to the 40 hex characters of the certificate.
$thumbprint = $null
if (-not ([string]$imServerName).Trim()) { throw 'Set $imServerName first (see the WARNING above).' }
if (-not ([string]$owaPoolFqdn).Trim()) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
if (-not ([string]$thumbprint).Trim()) { throw 'Set $thumbprint first (see the WARNING above).' }
if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }
# IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.

# --- PART 1, Exchange 2016: IM settings override on every server used for Outlook on the web (IM-04, S12, S13) ---
# web.config edits are ignored on Exchange 2016/2019; the setting lives in Active Directory.
# WARNING: no Exchange server given or in the environment; list every one of the Exchange servers used for Outlook on the web in $owaServers.
$owaServers = @()
if (-not $owaServers) { throw 'Set $owaServers first: every server the setting must reach.' }
$owaServerNames = @($owaServers | ForEach-Object { ($_ -split '\.')[0] })
$unlistedOwa = @(Get-OwaVirtualDirectory | Where-Object { $owaServerNames -notcontains ([string]$_.Server) })
foreach ($vdir in $unlistedOwa) { Write-Warning ('OWA runs on ' + [string]$vdir.Server + ', which is not in $owaServers: add it, or users balanced to it get no IM.') }
# Before anything changes: the override names ONE thumbprint for every server, so the same certificate must be on each, assigned to IIS (IM-04), with the trusted application pool FQDN as CN (IM-06).
foreach ($owaServer in $owaServers) {
  $imCert = $null
  try { $imCert = Get-ExchangeCertificate -Server $owaServer -Thumbprint $thumbprint } catch { $imCert = $null }
  if (-not $imCert) { throw ('IM-04: the certificate ' + $thumbprint + ' is not on ' + $owaServer + '. Import it there first (or give that server its own override with -Server).') }
  if ($imCert.Services -notmatch 'IIS') { Write-Warning ('IM-04: on ' + $owaServer + ' the certificate is not assigned to IIS; Outlook on the web uses the IIS certificate.') }
  if ($imCert.Subject -notmatch ('(^|,\s*)CN=' + [regex]::Escape($owaPoolFqdn) + '\s*(,|$)')) { Write-Warning ('IM-06: on ' + $owaServer + ' the certificate subject ' + $imCert.Subject + ' has no CN=' + $owaPoolFqdn) }
  if (@($imCert.CertificateDomains | ForEach-Object { [string]$_ }) -notcontains $owaPoolFqdn) { Write-Warning ('IM-06: on ' + $owaServer + ' the certificate SAN does not list ' + $owaPoolFqdn) }
}
# One override for the whole organisation (no -Server), so every server gets the same IM server and thumbprint (S12).
$imParameters = @(('IMServerName=' + $imServerName), ('IMCertificateThumbprint=' + $thumbprint))
$imOverrides = @(Get-SettingOverride | Where-Object { $_.ComponentName -eq 'OwaServer' -and $_.SectionName -eq 'IMSettings' })
$imOverride = $imOverrides | Where-Object { -not $_.Server } | Select-Object -First 1
foreach ($perServer in @($imOverrides | Where-Object { $_.Server })) { Write-Warning ('IM-04: the override ' + $perServer.Name + ' applies to ' + [string]$perServer.Server + ' and wins there over the organisation one: update or remove it too.') }
if ($imOverride) {
  # Renewal: change the existing override (Set-SettingOverride, S12).
  Set-SettingOverride -Identity $imOverride.Identity -Parameters $imParameters -Reason 'CertBench: OWA IM certificate renewal'
} else {
  New-SettingOverride -Name 'IM Override' -Component OwaServer -Section IMSettings -Parameters $imParameters -Reason 'CertBench: OWA IM integration'
}

# --- PART 1b, every server used for Outlook on the web: refresh the setting and recycle OWA (S12) ---
# WARNING: The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Exchange server listed for Outlook on the web: that drops the Outlook on the web sessions on each one, so run it in a maintenance window.
Write-Warning 'The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Exchange server listed for Outlook on the web: that drops the Outlook on the web sessions on each one, so run it in a maintenance window.'
# The refresh runs from here with -Server and the server NAME (not the FQDN, S12); the recycle runs on each server through PowerShell remoting (WinRM, on by default on Windows Server 2012 and later).
$notDone = @()
foreach ($owaServer in $owaServers) {
  try {
    $owaServerName = ($owaServer -split '\.')[0]
    Write-Host ('Refreshing the IM settings and recycling OWA on ' + $owaServerName)
    Get-ExchangeDiagnosticInfo -Server $owaServerName -Process Microsoft.Exchange.Directory.TopologyService -Component VariantConfiguration -Argument Refresh | Out-Null
    Invoke-Command -ComputerName $owaServer -ScriptBlock { Import-Module WebAdministration; Restart-WebAppPool -Name 'MSExchangeOWAAppPool' }
  } catch {
    $notDone += $owaServer
    Write-Warning ('Refresh and recycle: failed on ' + $owaServer + ': ' + $_)
  }
}
if ($notDone.Count -gt 0) { throw ('Refresh and recycle: not done on ' + ($notDone -join ', ') + '. Fix the cause and run this part again for those servers.') }

# --- Verify: the value each server uses (S12) ---
# Exchange 2016 CU3 or earlier: use -Process Microsoft.Exchange.Directory.TopologyService -Argument Config instead (S12).
foreach ($owaServer in $owaServers) {
  $owaServerName = ($owaServer -split '\.')[0]
  [xml]$diag = Get-ExchangeDiagnosticInfo -Server $owaServerName -Process MSExchangeMailboxAssistants -Component VariantConfiguration -Argument 'Config,Component=OwaServer'
  $imSettings = $diag.Diagnostics.Components.VariantConfiguration.Configuration.OwaServer.IMSettings
  Write-Host ('--- ' + $owaServerName)
  $imSettings | Format-List | Out-String | Write-Host
  $imText = if ($imSettings -is [System.Xml.XmlNode]) { $imSettings.OuterXml } else { [string]$imSettings }
  if ($imText -notmatch $thumbprint -or $imText -notmatch [regex]::Escape($imServerName)) { Write-Warning ('IM-04: ' + $owaServerName + ' does not show the new IM server and thumbprint yet: wait a few minutes and check again; if it stays, run the refresh and the recycle there again.') }
}
Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType
# Each OWA mailbox policy above must allow IM with type Ocs for its users to get IM (Set-OwaMailboxPolicy -InstantMessagingEnabled $true -InstantMessagingType Ocs).
# Failure shows as "There's a problem with instant messaging"; HealthSet OWA.Protocol.Dep reports the thumbprint as null or empty (IM-04).

# --- PART 2, Lync / Skype for Business (SfB2019): trusted application pool (IM-06, S11) ---
# Run this part in the Lync Server Management Shell (a new session: the values are set again). The pool FQDN must be the name in the certificate Subject and SAN.
$ErrorActionPreference = 'Stop'
# WARNING: set $owaPoolFqdn to the OWA trusted application pool FQDN (IM-06).
$owaPoolFqdn = $null
if (-not ([string]$owaPoolFqdn).Trim()) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
# WARNING: the environment lists no Lync/SfB pool; set $registrar to the Front End pool FQDN.
$registrar = $null
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
