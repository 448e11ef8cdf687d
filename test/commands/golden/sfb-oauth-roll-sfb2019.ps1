# CertBench: Lync/SfB OAuthTokenIssuer certificate (SfB2019).
# Run in the Lync Server Management Shell on a Front End. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$thumbprint = $null
$pfxPath = 'C:\Certs\oauth.pfx'
# OA-LY-02: at least 2048 bits; OA-LY-04: the key must be exportable; OA-LY-03: any subject (a SIP-domain subject is allowed, not required).

# --- Import the PFX (WIN-05, S35) ---
# Windows Server 2016 and older (2008 R2, 2012, 2012 R2) need a legacy-profile (3DES) PFX; AES needs Server 2019 or later (PFX-01).
$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'
# Import-CsCertificate takes the password as plain text; it stays in this session only.
$pfxPlainPassword = (New-Object System.Net.NetworkCredential('', $pfxPassword)).Password
$pfxCertificates = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2Collection
$pfxCertificates.Import($pfxPath, $pfxPlainPassword, [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::DefaultKeySet)
$pfxCertificate = @($pfxCertificates | Where-Object { $_.HasPrivateKey })[0]
if (-not $pfxCertificate) { throw 'The PFX holds no certificate with its private key.' }
$thumbprint = $pfxCertificate.Thumbprint
Import-CsCertificate -Path $pfxPath -Password $pfxPlainPassword -PrivateKeyExportable $true
# Verify: the certificate is in LocalMachine\My with its private key.
Get-ChildItem -Path ('Cert:\LocalMachine\My\' + $thumbprint) | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey

# --- Stage the new certificate (OA-LY-04, S21) ---
# Exchange keeps OAuth tokens longer than Lync: the old certificate must stay valid at least 24 h after the effective date.
# One effective date for the whole pool, in the servers' local time: the same value on every server, never recomputed per server.
# WARNING: no effective date given; set $effectiveDate below once (YYYY-MM-DD HH:MM) and use the same value on every server.
$effectiveDate = $null  # e.g. [DateTime]::ParseExact('2026-12-03 02:00', 'yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)
if (-not $effectiveDate) { throw 'Set $effectiveDate first: one date and time, the same on every server.' }
if ($effectiveDate -le (Get-Date)) { throw 'The effective date has passed: choose a later one, the same for every server.' }
$currentCert = Get-CsCertificate -Identity Global -Type OAuthTokenIssuer | Sort-Object -Property NotAfter | Select-Object -First 1
if ($currentCert -and $currentCert.NotAfter -lt $effectiveDate.AddHours(24)) { throw 'The current OAuthTokenIssuer certificate expires within 24 h of the effective date: choose an earlier date, or assign the new one directly.' }
# Once, on one Front End: -Identity Global replicates it to every Front End, all with this one effective date.
Set-CsCertificate -Identity Global -Type OAuthTokenIssuer -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate
# Verify: the new certificate is listed with its EffectiveDate next to the current one.
Get-CsCertificate -Type OAuthTokenIssuer | Format-Table Use,Thumbprint,NotAfter,EffectiveDate -AutoSize

# --- Later, not now: remove the previous certificate ---
# Only after the OLD certificate has expired (it keeps validating tokens issued before the effective date until then):
# Remove-CsCertificate -Identity Global -Type OAuthTokenIssuer -Previous

# --- Verify replication to every Front End (OA-LY-01) ---
Get-CsManagementStoreReplicationStatus | Format-Table ReplicaFqdn,UpToDate,LastStatusReport -AutoSize
# On each Front End, Get-CsCertificate -Type OAuthTokenIssuer must show the same thumbprint.
