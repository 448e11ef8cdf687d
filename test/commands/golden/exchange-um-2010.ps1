# CertBench: Exchange UM / UM Call Router certificate for Lync/SfB (Exchange 2010) for ex1.contoso.com.
# Run in the Exchange Management Shell. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$server = 'ex1.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
$pfxPath = 'C:\Certs\um.pfx'
# UM-01: the certificate CN must be this server FQDN (the server FQDN is used for the subject name); UM-02: no wildcard CN; UM-04: not self-signed.
# This certificate is enabled on $server only: every UM / UM Call Router server gets its own certificate with its own CN.
$exchangeServer = Get-ExchangeServer -Identity $server
if ($exchangeServer.AdminDisplayVersion.Major -ne 14) { throw ($server + ' runs ' + $exchangeServer.AdminDisplayVersion + ', not Exchange 2010: write the script for its version.') }

# --- Import the PFX (WIN-04, S34) ---
# Windows Server 2016 and older (2008 R2, 2012, 2012 R2) need a legacy-profile (3DES) PFX; AES needs Server 2019 or later (PFX-01).
# -FileData with the bytes of the file: recent CUs are reported to refuse UNC sources (WIN-04, unconfirmed).
$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'
$imported = Import-ExchangeCertificate -Server $server -FileData ([IO.File]::ReadAllBytes($pfxPath)) -Password $pfxPassword
if ($imported.Thumbprint -ne $thumbprint) { throw 'The PFX holds a different certificate than the thumbprint given to CertBench.' }
# Verify: the certificate is on the server with its private key.
Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint | Format-List Thumbprint,Subject,CertificateDomains,NotAfter,HasPrivateKey,Services
$umCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint
if ($umCert.Subject -notmatch ('(^|,\s*)CN=' + [regex]::Escape($server) + '\s*(,|$)')) { Write-Warning ('UM-01: the CN is not ' + $server + '; Lync will refuse the UM server (no MWI, no play-on-phone, no greeting for Edge users).') }
if ($umCert.Subject -eq $umCert.Issuer) { Write-Warning 'UM-04: the certificate is self-signed; Lync will not trust it.' }

# --- Precondition: UM startup mode (UM-06) ---
# UMStartupMode must be TLS or Dual before the certificate can be enabled for UM (UM-06, S4).
# Exchange 2010 names the cmdlet Set-UMServer (product documentation for 2010; not in the CertBench reference).
Set-UMServer -Identity $server -UMStartupMode Dual
Get-UMServer -Identity $server | Format-List Name,UMStartupMode

# --- Assign the certificate to UM (UM-05) ---
Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services UM
(Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services

# --- Restart (UM-05) ---
# WARNING: Restarting MSExchangeUM drops the voice mail and Auto Attendant calls in progress on that server: run this step in a maintenance window.
Write-Warning 'Restarting MSExchangeUM drops the voice mail and Auto Attendant calls in progress on that server: run this step in a maintenance window.'
Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUM }
Get-Service -ComputerName $server -Name MSExchangeUM | Format-Table Name,Status
