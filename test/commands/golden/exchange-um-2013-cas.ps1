# CertBench: Exchange UM / UM Call Router certificate for Lync/SfB (Exchange 2013) for cas1.contoso.com.
# Run in the Exchange Management Shell. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$server = 'cas1.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
$pfxPath = 'C:\CertBench\exchange-um.pfx'
# UM-01: the certificate CN must be this server FQDN (the server FQDN is used for the subject name); UM-02: no wildcard CN; UM-04: not self-signed.
# This certificate is enabled on $server only: every UM / UM Call Router server gets its own certificate with its own CN.
$exchangeServer = Get-ExchangeServer -Identity $server
if ($exchangeServer.AdminDisplayVersion.Major -ne 15 -or $exchangeServer.AdminDisplayVersion.Minor -ne 0) { throw ($server + ' runs ' + $exchangeServer.AdminDisplayVersion + ', not Exchange 2013: write the script for its version.') }

# --- Import the PFX (WIN-04, S34) ---
# WARNING: no PFX path given; copy the PFX to the path below or edit $pfxPath.
# The server runs Windows Server 2012R2: make the PFX in the legacy (3DES) profile (PFX-01, PFX-02; AES PFX files fail there with "requires either a different password").
# -FileData with the bytes of the file: recent CUs are reported to refuse UNC sources (WIN-04, unconfirmed).
$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'
$imported = Import-ExchangeCertificate -Server $server -FileData ([IO.File]::ReadAllBytes($pfxPath)) -Password $pfxPassword
if ($imported.Thumbprint -ne $thumbprint) { throw 'The PFX holds a different certificate than the thumbprint given to CertBench.' }
# Verify: the certificate is on the server with its private key.
Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint | Format-List Thumbprint,Subject,CertificateDomains,NotAfter,HasPrivateKey,Services
$umCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint
if ($umCert.Subject -notmatch ('(^|,\s*)CN=' + [regex]::Escape($server) + '\s*(,|$)')) { Write-Warning ('UM-01: the CN is not ' + $server + '; Lync will refuse the UM server (no MWI, no play-on-phone, no greeting for Edge users).') }
if ($umCert.Subject -eq $umCert.Issuer) { Write-Warning 'UM-04: the certificate is self-signed; Lync will not trust it.' }

# --- Which UM services this server runs (UM-05, S3) ---
# Exchange 2013: the Unified Messaging service runs on the Mailbox server, the UM Call Router on the Client Access server.
# A multi-role server runs both with this one certificate; a separate Client Access server needs its own certificate and script.
$serverRoles = [string]$exchangeServer.ServerRole
$umServices = @()
if ($serverRoles -match 'Mailbox') { $umServices += 'UM' }
if ($serverRoles -match 'ClientAccess') { $umServices += 'UMCallRouter' }
if ($umServices.Count -eq 0) { throw ($server + ' has neither the Mailbox nor the Client Access role: no UM service to assign.') }

# --- Precondition: UM startup mode (UM-06) ---
# UMStartupMode must be TLS or Dual before enabling, or Enable-ExchangeCertificate refuses the UM services (UM-06, S4, S3).
if ($umServices -contains 'UM') {
  Set-UMService -Identity $server -UMStartupMode Dual
  Get-UMService -Identity $server | Format-List Name,UMStartupMode
}
if ($umServices -contains 'UMCallRouter') {
  Set-UMCallRouterSettings -Server $server -UMStartupMode Dual
  Get-UMCallRouterSettings -Server $server | Format-List UMStartupMode
}

# --- Assign the certificate (UM-05, S3) ---
# -Services UM on a Mailbox server, UMCallRouter on a Client Access server, both on a multi-role server (add SMTP/IIS only if this certificate should serve them).
Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services ($umServices -join ',')
(Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services

# --- Restart (UM-05) ---
# On a Mailbox server: MSExchangeUM; on a Client Access server: MSExchangeUMCR.
# WARNING: Restarting MSExchangeUM drops the voice mail and Auto Attendant calls in progress on that server: run this step in a maintenance window.
# WARNING: Restarting MSExchangeUMCR drops the calls the UM Call Router is routing on that server and refuses new ones until it is up: run this step in a maintenance window.
if ($umServices -contains 'UM') {
  Write-Warning 'Restarting MSExchangeUM drops the voice mail and Auto Attendant calls in progress on that server: run this step in a maintenance window.'
  Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUM }
}
if ($umServices -contains 'UMCallRouter') {
  Write-Warning 'Restarting MSExchangeUMCR drops the calls the UM Call Router is routing on that server and refuses new ones until it is up: run this step in a maintenance window.'
  Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUMCR }
}
Get-Service -ComputerName $server -Name 'MSExchangeUM', 'MSExchangeUMCR' -ErrorAction SilentlyContinue | Format-Table Name,Status
