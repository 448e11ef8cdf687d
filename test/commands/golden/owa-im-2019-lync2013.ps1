# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2019 with Lync2013) for ex2.contoso.com.
# Run in the Exchange Management Shell, then the Lync Server Management Shell for the Lync part. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$server = 'ex2.contoso.com'
$imServerName = 'pool01.contoso.com'
$owaPoolFqdn = 'owa.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
if ([string]::IsNullOrWhiteSpace($server)) { throw 'Set $server first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($imServerName)) { throw 'Set $imServerName first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($owaPoolFqdn)) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($thumbprint)) { throw 'Set $thumbprint first (see the WARNING above).' }
if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }
# IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.
# WARNING: Lync Server 2013 with Exchange 2016/2019 OWA IM integration is unsupported (IM-04, S12).

# --- PART 1, Exchange 2019: IM settings override (IM-04, S12, S13) ---
# web.config edits are ignored on Exchange 2016/2019; the setting lives in Active Directory.
# The thumbprint must be the certificate assigned to IIS (IM-04).
if ((Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services -notmatch 'IIS') { Write-Warning 'IM-04: this certificate is not assigned to IIS on the server.' }
$imParameters = @(('IMServerName=' + $imServerName), ('IMCertificateThumbprint=' + $thumbprint))
$imOverride = Get-SettingOverride | Where-Object { $_.ComponentName -eq 'OwaServer' -and $_.SectionName -eq 'IMSettings' } | Select-Object -First 1
if ($imOverride) {
  # Renewal: change the existing override (Set-SettingOverride, IM-04).
  $imOverride | Set-SettingOverride -Parameters $imParameters -Reason 'CertBench: OWA IM certificate renewal'
} else {
  New-SettingOverride -Name 'IM Override' -Component OwaServer -Section IMSettings -Parameters $imParameters -Reason 'CertBench: OWA IM integration' -Server 'ex2'
}
Get-ExchangeDiagnosticInfo -Server $server -Process Microsoft.Exchange.Directory.TopologyService -Component VariantConfiguration -Argument Refresh
Import-Module WebAdministration
Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
# Verify
Get-SettingOverride | Where-Object { $_.SectionName -eq 'IMSettings' } | Format-List Name,Server,Parameters
# -Server takes the server name, not the FQDN (IM-04).
# Failure shows as "There's a problem with instant messaging"; HealthSet OWA.Protocol.Dep reports the thumbprint as null or empty (IM-04).

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
