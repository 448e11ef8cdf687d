# CertBench: Lync/SfB OAuthTokenIssuer certificate (SfB2015).
# Run in the Lync Server Management Shell on a Front End. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$thumbprint = $null
$pfxPath = 'C:\Certs\oauth.pfx'
# OA-LY-02: at least 2048 bits; OA-LY-04: the key must be exportable; OA-LY-03: any subject (a SIP-domain subject is allowed, not required).
# Recorded OAuthTokenIssuer on fe1.contoso.com: 1A31B79C2F440D5E6A778899AABBCCDDEEFF0011
# Recorded OAuthTokenIssuer on fe2.contoso.com: 0000000000000000000000000000000000000000
# WARNING: the Front Ends recorded in the environment use different OAuthTokenIssuer certificates; they must all use the same one (OA-LY-01).

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
Import-CsCertificate -Identity Global -Type OAuthTokenIssuer -Path $pfxPath -Password $pfxPlainPassword
# Verify: the Central Management Store holds it for the whole deployment.
Get-CsCertificate -Type OAuthTokenIssuer | Format-List Identity,Use,Thumbprint,Subject,NotAfter,EffectiveDate
# Run it once, on one Front End: the replication service deploys the certificate to every Front End; do not repeat it per Front End (OA-LY-01, S22).
# Renewing while the current certificate is still in use? Write the staged variant instead (-Roll -EffectiveDate, OA-LY-04, S21).

# --- Verify replication to every Front End (OA-LY-01) ---
Get-CsManagementStoreReplicationStatus | Format-Table ReplicaFqdn,UpToDate,LastStatusReport -AutoSize
# On each Front End, Get-CsCertificate -Type OAuthTokenIssuer must show the same thumbprint.
