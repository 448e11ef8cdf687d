# CertBench: Lync/SfB Edge external certificate (SfB2015).
# Run in the Lync Server Management Shell on each Edge server. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
$pfxPath = 'C:\Certs\edge-ext.pfx'
# EDGE-01: public CA; EDGE-02: CN = Access Edge FQDN, never a wildcard; EDGE-03: SAN = Access Edge + Web Conferencing Edge + sip.<domain> per SIP domain.
$accessEdgeFqdn = 'sip.contoso.com'
# EDGE-04: the key is exportable and every Edge server of the pool gets this same PFX (A/V authentication).
# EDGE-06: with XMPP federation (SfB 2015 only) the SAN also needs xmpp.<domain> and *.<domain>.

# --- Import the PFX (WIN-05, S35) ---
# Windows Server 2016 and older (2008 R2, 2012, 2012 R2) need a legacy-profile (3DES) PFX; AES needs Server 2019 or later (PFX-01).
$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'
# Import-CsCertificate takes the password as plain text; it stays in this session only.
$pfxPlainPassword = (New-Object System.Net.NetworkCredential('', $pfxPassword)).Password
$pfxCertificates = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2Collection
$pfxCertificates.Import($pfxPath, $pfxPlainPassword, [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::DefaultKeySet)
$pfxCertificate = @($pfxCertificates | Where-Object { $_.HasPrivateKey })[0]
if (-not $pfxCertificate) { throw 'The PFX holds no certificate with its private key.' }
if ($pfxCertificate.Thumbprint -ne $thumbprint) { throw 'The PFX holds a different certificate than the thumbprint given to CertBench.' }
Import-CsCertificate -Path $pfxPath -Password $pfxPlainPassword -PrivateKeyExportable $true
# Verify: the certificate is in LocalMachine\My with its private key.
Get-ChildItem -Path ('Cert:\LocalMachine\My\' + $thumbprint) | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey
if ($pfxCertificate.Subject -notmatch ('(^|,\s*)CN=' + [regex]::Escape($accessEdgeFqdn) + '\s*(,|$)')) { Write-Warning ('EDGE-02: the CN is not ' + $accessEdgeFqdn) }

# --- Assign Access and Web Conferencing now (EDGE-05, S20) ---
Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal -Thumbprint $thumbprint

# --- Stage A/V authentication (EDGE-05, S21) ---
# A/V authentication tokens live 8 h: the old certificate must stay valid at least 8 h after the roll.
# One effective date for the whole pool, in the servers' local time: the same value on every server, never recomputed per server.
$effectiveDate = [DateTime]::ParseExact('2026-12-05 02:00', 'yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)
if ($effectiveDate -le (Get-Date)) { throw 'The effective date has passed: choose a later one, the same for every server.' }
$currentCert = Get-CsCertificate -Type AudioVideoAuthentication | Sort-Object -Property NotAfter | Select-Object -First 1
if ($currentCert -and $currentCert.NotAfter -lt $effectiveDate.AddHours(8)) { throw 'The current AudioVideoAuthentication certificate expires within 8 h of the effective date: choose an earlier date, or assign the new one directly.' }
Set-CsCertificate -Type AudioVideoAuthentication -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate
# Verify: the new certificate is listed with its EffectiveDate next to the current one.
Get-CsCertificate -Type AudioVideoAuthentication | Format-Table Use,Thumbprint,NotAfter,EffectiveDate -AutoSize
# Run this on every Edge server of the pool with the same PFX and the same $effectiveDate.

# --- Restart the Edge services (EDGE-05) ---
# The services load the newly assigned certificates when they start.
# WARNING: Restarting the Edge services ends the remote, federated and anonymous sessions and the A/V calls relayed through that Edge server: run this step in a maintenance window, one Edge server of the pool at a time.
Write-Warning 'Restarting the Edge services ends the remote, federated and anonymous sessions and the A/V calls relayed through that Edge server: run this step in a maintenance window, one Edge server of the pool at a time.'
Stop-CsWindowsService
Start-CsWindowsService
Get-CsWindowsService | Format-Table Name,Status -AutoSize

# --- Later, not now: remove the previous A/V certificate ---
# Only after the OLD certificate has expired (it validates A/V tokens issued before the effective date until then):
# Remove-CsCertificate -Type AudioVideoAuthentication -Previous
