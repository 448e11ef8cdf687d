# CertBench: Lync/SfB OAuthTokenIssuer certificate (SfB2019).
# Run in the Lync Server Management Shell on a Front End. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$thumbprint = $null
$pfxPath = 'C:\Certs\oauth.pfx'
# OA-LY-02: at least 2048 bits; OA-LY-04: the key must be exportable; OA-LY-03: any subject (a SIP-domain subject is allowed, not required).

# --- Import the PFX (WIN-05, S35) ---
# Windows Server 2012 R2 / 2016 need a legacy-profile (3DES) PFX; AES needs Server 2019 or later (PFX-01).
$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'
# Import-CsCertificate takes the password as plain text; it stays in this session only.
$pfxPlainPassword = [System.Net.NetworkCredential]::new('', $pfxPassword).Password
$pfxCertificate = (Get-PfxData -FilePath $pfxPath -Password $pfxPassword).EndEntityCertificates[0]
$thumbprint = $pfxCertificate.Thumbprint
Import-CsCertificate -Path $pfxPath -Password $pfxPlainPassword -PrivateKeyExportable $true
# Verify: the certificate is in LocalMachine\My with its private key.
Get-ChildItem -Path ('Cert:\LocalMachine\My\' + $thumbprint) | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey

# --- Stage the new certificate (OA-LY-04, S21) ---
# Exchange keeps OAuth tokens longer than Lync: roll at least 24 h before the old certificate expires.
$currentCert = Get-CsCertificate -Identity Global -Type OAuthTokenIssuer | Select-Object -First 1
$effectiveDate = (Get-Date).AddHours(1)
if ($currentCert -and $currentCert.NotAfter -lt $effectiveDate.AddHours(24)) { throw 'The current OAuthTokenIssuer certificate expires within 24 h of the roll: assign the new one directly instead of staging.' }
Set-CsCertificate -Identity Global -Type OAuthTokenIssuer -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate
# Verify
Get-CsCertificate -Type OAuthTokenIssuer | Format-Table Use,Thumbprint,NotAfter,EffectiveDate -AutoSize
# Later, after the effective date has passed, remove the previous certificate:
# Remove-CsCertificate -Type OAuthTokenIssuer -Previous

# --- Verify replication to every Front End (OA-LY-01) ---
Get-CsManagementStoreReplicationStatus | Format-Table ReplicaFqdn,UpToDate,LastStatusReport -AutoSize
# On each Front End, Get-CsCertificate -Type OAuthTokenIssuer must show the same thumbprint.
