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
# Windows Server 2012 R2 / 2016 need a legacy-profile (3DES) PFX; AES needs Server 2019 or later (PFX-01).
$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'
# Import-CsCertificate takes the password as plain text; it stays in this session only.
$pfxPlainPassword = [System.Net.NetworkCredential]::new('', $pfxPassword).Password
$pfxCertificate = (Get-PfxData -FilePath $pfxPath -Password $pfxPassword).EndEntityCertificates[0]
if ($pfxCertificate.Thumbprint -ne $thumbprint) { throw 'The PFX holds a different certificate than the thumbprint given to CertBench.' }
Import-CsCertificate -Path $pfxPath -Password $pfxPlainPassword -PrivateKeyExportable $true
# Verify: the certificate is in LocalMachine\My with its private key.
Get-ChildItem -Path ('Cert:\LocalMachine\My\' + $thumbprint) | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey
if ($pfxCertificate.Subject -notmatch ('^CN=' + [regex]::Escape($accessEdgeFqdn) + '(,|$)')) { Write-Warning ('EDGE-02: the CN is not ' + $accessEdgeFqdn) }

# --- Assign Access and Web Conferencing now (EDGE-05, S20) ---
Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal -Thumbprint $thumbprint

# --- Stage A/V authentication (EDGE-05, S21) ---
# A/V authentication tokens live 8 h: the old certificate must stay valid at least 8 h after the roll.
$currentCert = Get-CsCertificate -Type AudioVideoAuthentication | Select-Object -First 1
$effectiveDate = (Get-Date).AddHours(1)
if ($currentCert -and $currentCert.NotAfter -lt $effectiveDate.AddHours(8)) { throw 'The current AudioVideoAuthentication certificate expires within 8 h of the roll: assign the new one directly instead of staging.' }
Set-CsCertificate -Type AudioVideoAuthentication -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate
# Verify: the new certificate is listed with its EffectiveDate next to the current one.
Get-CsCertificate -Type AudioVideoAuthentication | Format-Table Use,Thumbprint,NotAfter,EffectiveDate -AutoSize
# Later, after the effective date plus 8 h, remove the previous A/V certificate:
# Remove-CsCertificate -Type AudioVideoAuthentication -Previous
