# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2016 with SfB2015) for ex1.contoso.com.
# Run in the Exchange Management Shell, then the Lync Server Management Shell for the Lync part. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$imServerName = 'pool01.contoso.com'
$owaPoolFqdn = 'ex1.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
if (-not ([string]$imServerName).Trim()) { throw 'Set $imServerName first (see the WARNING above).' }
if (-not ([string]$owaPoolFqdn).Trim()) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
if (-not ([string]$thumbprint).Trim()) { throw 'Set $thumbprint first (see the WARNING above).' }
if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }
# IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.

# --- PART 1, Exchange 2016: IM settings override on every server used for Outlook on the web (IM-04, S12, S13) ---
# web.config edits are ignored on Exchange 2016/2019; the setting lives in Active Directory.
# All Exchange servers used for Outlook on the web, from the environment. Add any server that is missing before you run this.
$owaServers = @('ex1.contoso.com')
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

# --- PART 2, Lync / Skype for Business (SfB2015): trusted application pool (IM-06, S11) ---
# Run this part in the Lync Server Management Shell (a new session: the values are set again). The pool FQDN must be the name in the certificate Subject and SAN.
$ErrorActionPreference = 'Stop'
$owaPoolFqdn = 'ex1.contoso.com'
if (-not ([string]$owaPoolFqdn).Trim()) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
# WARNING: ex1.contoso.com hosts a SipName UM dial plan, and the OWA trusted application pool would have the same name: do NOT create the pool. Lync already knows this server from the dial plan; a second entry for it logs event 14563 on the Front End and drops both, which stops UM and OWA IM (IM-06).
# Skipped: New-CsTrustedApplicationPool / New-CsTrustedApplication / Enable-CsTopology (IM-06 exception).
# Verify: no trusted application pool exists under this name. If one does (event 14563 on the Front End), remove it with
# Remove-CsTrustedApplicationPool -Identity <name> and Enable-CsTopology, and create it again only when the server stops hosting a SipName dial plan.
$conflictingPool = @(Get-CsTrustedApplicationPool | Where-Object { $_.PoolFqdn -eq $owaPoolFqdn })
if ($conflictingPool.Count -gt 0) { Write-Warning ('IM-06: a trusted application pool ' + $owaPoolFqdn + ' exists although the server hosts a SipName dial plan: expect event 14563.') } else { Write-Host 'No trusted application pool for this name: as it should be.' }
