# CertBench: Lync/SfB Edge internal certificate (SfB2019).
# Run in the Lync Server Management Shell on each Edge server. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$thumbprint = $null
$pfxPath = 'C:\Certs\edge-int.pfx'
# EDGE-07: SN = the Edge internal FQDN (or VIP); no SAN needed; internal or public CA; Server Authentication EKU.
$edgeInternalFqdn = 'edge-int.contoso.com'

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
if ($pfxCertificate.Subject -notmatch ('(^|,\s*)CN=' + [regex]::Escape($edgeInternalFqdn) + '\s*(,|$)')) { Write-Warning ('EDGE-07: the CN is not ' + $edgeInternalFqdn) }

# --- Assign (EDGE-07, S20) ---
Set-CsCertificate -Type Internal -Thumbprint $thumbprint
# Verify
Get-CsCertificate -Type Internal | Format-List Use,Thumbprint,Subject,NotAfter

# --- Restart the Edge services (EDGE-05) ---
# The services load the newly assigned certificates when they start.
# WARNING: Restarting the Edge services ends the remote, federated and anonymous sessions and the A/V calls relayed through that Edge server: run this step in a maintenance window, one Edge server of the pool at a time.
Write-Warning 'Restarting the Edge services ends the remote, federated and anonymous sessions and the A/V calls relayed through that Edge server: run this step in a maintenance window, one Edge server of the pool at a time.'
Stop-CsWindowsService
Start-CsWindowsService
Get-CsWindowsService | Format-Table Name,Status -AutoSize
# Replication to the Edge runs over HTTPS 4443 with this certificate: on a Front End, check the Edge is up to date.
# On a Front End: Get-CsManagementStoreReplicationStatus | Format-Table ReplicaFqdn,UpToDate,LastStatusReport
