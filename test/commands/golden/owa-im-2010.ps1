# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2010 with Lync2013) for ex1.contoso.com.
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

# --- PART 1, Exchange 2010 RTM: web.config keys on every Client Access server (IM-01, S9) ---
# WARNING: the environment lists no Exchange 2010 Client Access servers; only the server given is configured. List every one in $owaServers.
$owaServers = @('ex1.contoso.com')
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
# IM on in every OWA virtual directory; the web.config keys below say where and with which certificate.
foreach ($owaServer in $owaServers) {
  Get-OwaVirtualDirectory -Server $owaServer | Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true
}
# The issuer DN must match the certificate exactly; the serial is written in spaced byte pairs (IM-01).
$imCert = Get-ExchangeCertificate -Server $owaServers[0] -Thumbprint $thumbprint
$imIssuer = $imCert.Issuer
$imSerial = $imCert.SerialNumber -replace '(..)(?!$)', '$1 '
Write-Host ('Issuer: ' + $imIssuer + '  Serial: ' + $imSerial)
# WARNING: The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Client Access server listed: that drops the Outlook Web App sessions on each one, so run it in a maintenance window.
Write-Warning 'The script recycles the OWA application pool (MSExchangeOWAAppPool) on every Client Access server listed: that drops the Outlook Web App sessions on each one, so run it in a maintenance window.'
# Runs on each server through PowerShell remoting (Enable-PSRemoting on each, if it is off). Every Exchange update rewrites web.config: run this part again after each update (S9).
$owaImWebConfig = {
  param([string]$ImServerName, [string]$Issuer, [string]$Serial)
  $ErrorActionPreference = 'Stop'
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
  Set-OwaAppSetting $owaConfig 'IMPoolName' $ImServerName
  Set-OwaAppSetting $owaConfig 'IMCertificateIssuer' $Issuer
  Set-OwaAppSetting $owaConfig 'IMCertificateSerialNumber' $Serial
  $owaConfig.Save($webConfig)
  Import-Module WebAdministration
  Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
  # Verify: the keys are in the file.
  Select-String -LiteralPath $webConfig -Pattern 'IMPoolName|IMCertificateIssuer|IMCertificateSerialNumber'
}
$notDone = @()
foreach ($owaServer in $owaServers) {
  try {
    Write-Host ('web.config on ' + $owaServer)
    Invoke-Command -ComputerName $owaServer -ScriptBlock $owaImWebConfig -ArgumentList $imServerName, $imIssuer, $imSerial
  } catch {
    $notDone += $owaServer
    Write-Warning ('web.config change: failed on ' + $owaServer + ': ' + $_)
  }
}
if ($notDone.Count -gt 0) { throw ('web.config change: not done on ' + ($notDone -join ', ') + '. Fix the cause and run this part again for those servers.') }
# Verify: every OWA virtual directory of the organisation.
Get-OwaVirtualDirectory | Format-Table Server,Name,InstantMessagingEnabled,InstantMessagingType -AutoSize
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
