# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2010 with Lync2013) for ex1.contoso.com.
# Run in the Exchange Management Shell, then the Lync Server Management Shell for the Lync part. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$server = 'ex1.contoso.com'
$imServerName = 'pool01.contoso.com'
$owaPoolFqdn = 'owa.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
# thumbprint from environment owaIm.certificateThumbprint cleaned (U+200E removed, spaces/case normalised) (IM-07)
if ([string]::IsNullOrWhiteSpace($server)) { throw 'Set $server first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($imServerName)) { throw 'Set $imServerName first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($owaPoolFqdn)) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($thumbprint)) { throw 'Set $thumbprint first (see the WARNING above).' }
if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }
# IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.

# --- PART 1, Exchange 2010 RTM: web.config keys on each Client Access server (IM-01, S9) ---
# Run this part on every Client Access server. The issuer DN must match the certificate exactly; the serial is written in spaced byte pairs.
$imCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint
$imIssuer = $imCert.Issuer
$imSerial = $imCert.SerialNumber -replace '(..)(?!$)', '$1 '
Write-Host ('Issuer: ' + $imIssuer + '  Serial: ' + $imSerial)
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
[xml]$owaConfig = Get-Content -LiteralPath $webConfig -Raw
Set-OwaAppSetting $owaConfig 'IMPoolName' $imServerName
Set-OwaAppSetting $owaConfig 'IMCertificateIssuer' $imIssuer
Set-OwaAppSetting $owaConfig 'IMCertificateSerialNumber' $imSerial
$owaConfig.Save($webConfig)
# Verify: the keys are in the file.
Select-String -LiteralPath $webConfig -Pattern 'IMPoolName|IMCertificateIssuer|IMCertificateSerialNumber'
Get-OwaVirtualDirectory -Server $server | Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true
Import-Module WebAdministration
Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
# Verify
Get-OwaVirtualDirectory -Server $server | Format-List Identity,InstantMessaging*
# Every Exchange update rewrites web.config: run this part again after each update (S9).

# --- PART 2, Lync / Skype for Business (Lync2013): trusted application pool (IM-06, S11) ---
# Run this part in the Lync Server Management Shell (a new session: the values are set again). The pool FQDN must be the name in the certificate Subject and SAN.
$ErrorActionPreference = 'Stop'
$owaPoolFqdn = 'owa.contoso.com'
$registrar = 'pool01.contoso.com'
if ([string]::IsNullOrWhiteSpace($owaPoolFqdn)) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($registrar)) { throw 'Set $registrar first (see the WARNING above).' }
# The site of the registrar pool (New-CsTrustedApplicationPool -Site).
$site = (Get-CsPool -Identity $registrar).Site
New-CsTrustedApplicationPool -Identity $owaPoolFqdn -Registrar $registrar -Site $site -RequiresReplication $false
New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn $owaPoolFqdn -Port 5199
Enable-CsTopology
# Verify
Get-CsTrustedApplicationPool -Identity $owaPoolFqdn | Format-List Identity,Registrar,Site,RequiresReplication
Get-CsTrustedApplication | Where-Object { $_.TrustedApplicationPoolFqdn -eq $owaPoolFqdn } | Format-List Identity,Port
# If IM still fails, trace SIPStack on the Front End (IM-06).
