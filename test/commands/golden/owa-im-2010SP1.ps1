# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2010SP1 with Lync2013).
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

# --- PART 1, Exchange 2010 SP1: Set-OwaVirtualDirectory on every Client Access server (IM-02, S10) ---
# Every OWA virtual directory must carry the setting: "critical if you are load balancing" (seed 003).
# All Exchange 2010 Client Access servers, from the environment. Add any server that is missing before you run this.
$owaServers = @('cas1.contoso.com','cas2.contoso.com')
if (-not $owaServers) { throw 'Set $owaServers first: every server the setting must reach.' }
$owaServerNames = @($owaServers | ForEach-Object { ($_ -split '\.')[0] })
$unlistedOwa = @(Get-OwaVirtualDirectory | Where-Object { $owaServerNames -notcontains ([string]$_.Server) })
foreach ($vdir in $unlistedOwa) { Write-Warning ('OWA runs on ' + [string]$vdir.Server + ', which is not in $owaServers: add it, or users balanced to it get no IM.') }
foreach ($owaServer in $owaServers) {
  $imCert = $null
  try { $imCert = Get-ExchangeCertificate -Server $owaServer -Thumbprint $thumbprint } catch { $imCert = $null }
  if (-not $imCert) { throw ('The certificate ' + $thumbprint + ' is not on ' + $owaServer + '. Import it there first: every Client Access server presents it to Lync.') }
  if ($imCert.Subject -notmatch ('(^|,\s*)CN=' + [regex]::Escape($owaPoolFqdn) + '\s*(,|$)')) { Write-Warning ('IM-06: on ' + $owaServer + ' the certificate subject ' + $imCert.Subject + ' has no CN=' + $owaPoolFqdn) }
  if (@($imCert.CertificateDomains | ForEach-Object { [string]$_ }) -notcontains $owaPoolFqdn) { Write-Warning ('IM-06: on ' + $owaServer + ' the certificate SAN does not list ' + $owaPoolFqdn) }
}
# The thumbprint goes without spaces (IM-07); then iisreset /noforce on each server (S9).
# WARNING: The script runs iisreset /noforce on every Client Access server listed: that drops Outlook Web App, ECP, ActiveSync, EWS and Outlook Anywhere sessions on each one, so run it in a maintenance window.
Write-Warning 'The script runs iisreset /noforce on every Client Access server listed: that drops Outlook Web App, ECP, ActiveSync, EWS and Outlook Anywhere sessions on each one, so run it in a maintenance window.'
$notDone = @()
foreach ($owaServer in $owaServers) {
  try {
    Get-OwaVirtualDirectory -Server $owaServer | Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true -InstantMessagingCertificateThumbprint $thumbprint -InstantMessagingServerName $imServerName
    Write-Host ('iisreset /noforce on ' + $owaServer)
    iisreset $owaServer /noforce
    if ($LASTEXITCODE -ne 0) { throw ('iisreset /noforce ended with exit code ' + $LASTEXITCODE + '; IIS kept running') }
  } catch {
    $notDone += $owaServer
    Write-Warning ('IM settings and iisreset: failed on ' + $owaServer + ': ' + $_)
  }
}
if ($notDone.Count -gt 0) { throw ('IM settings and iisreset: not done on ' + ($notDone -join ', ') + '. Fix the cause and run this part again for those servers.') }
# Verify: every OWA virtual directory of the organisation, with the new thumbprint.
Get-OwaVirtualDirectory | Format-Table Server,Name,InstantMessagingEnabled,InstantMessagingType,InstantMessagingServerName,InstantMessagingCertificateThumbprint -AutoSize
foreach ($vdir in @(Get-OwaVirtualDirectory | Where-Object { $_.InstantMessagingCertificateThumbprint -ne $thumbprint })) { Write-Warning ('IM-02: ' + [string]$vdir.Server + ' still has another IM thumbprint.') }
# The OWA mailbox policy overrides the virtual directory (S9): IM must be enabled there too.
Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType

# --- PART 2, Lync / Skype for Business (Lync2013): trusted application pool (IM-06, S11) ---
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
