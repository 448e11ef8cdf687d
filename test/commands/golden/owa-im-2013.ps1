# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2013 with SfB2015) for ex1.contoso.com.
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

# --- PART 1, Exchange 2013: front-end virtual directory (IM-03, S11) ---
Get-OwaVirtualDirectory -Server $server | Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType OCS
Get-OwaVirtualDirectory -Server $server | Format-List Identity,InstantMessaging*

# --- PART 1, Exchange 2013: Mailbox web.config keys (IM-03, S11) ---
# Run this part on every Mailbox server; the certificate must be in LocalMachine\My there.
if (-not (Test-Path -LiteralPath ('Cert:\LocalMachine\My\' + $thumbprint))) { throw 'IM-03: the certificate is not in LocalMachine\My on this server.' }
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
Set-OwaAppSetting $owaConfig 'IMCertificateThumbprint' $thumbprint
Set-OwaAppSetting $owaConfig 'IMServerName' $imServerName
$owaConfig.Save($webConfig)
# Verify: the keys are in the file.
Select-String -LiteralPath $webConfig -Pattern 'IMCertificateThumbprint|IMServerName'
Import-Module WebAdministration
Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
# Verify (IM-03): Event 112 (MSExchange OWA) appears and the Logging\OWA\InstantMessaging folder exists; if not, it failed.
Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = 'MSExchange OWA'; Id = 112 } -MaxEvents 1
Test-Path -LiteralPath (Join-Path $env:ExchangeInstallPath 'Logging\OWA\InstantMessaging')
# Every Cumulative Update rewrites web.config: run this part again after each CU.

# --- PART 2, Lync / Skype for Business (SfB2015): trusted application pool (IM-06, S11) ---
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
