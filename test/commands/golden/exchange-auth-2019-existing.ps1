# CertBench: Exchange OAuth (Auth) certificate (Exchange 2019) for ex2.contoso.com.
# Run in the Exchange Management Shell. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$server = 'ex2.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
# The environment records the current auth certificate as 0123456789ABCDEF0123456789ABCDEF01234567 (Get-AuthConfig).
$exchangeServers = @('ex1.contoso.com','ex2.contoso.com')

# --- Use the given certificate (OA-EX-01) ---
$authCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint
if (-not $authCert.HasPrivateKey) { throw 'OA-EX-03: the certificate has no private key on this server.' }

# --- Make it the auth certificate (OA-EX-04, S26) ---
# Effective now; publishing can take about an hour to reach every server.
Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date)
Set-AuthConfig -PublishCertificate
Set-AuthConfig -ClearPreviousCertificate
# Verify
Get-AuthConfig | Format-List CurrentCertificateThumbprint,PreviousCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate

# --- Restart (OA-EX-04) ---
# On every Mailbox/CAS server: MSExchangeServiceHost, then the OWA and ECP application pools (or IISReset).
foreach ($exchangeServer in $exchangeServers) {
  Invoke-Command -ComputerName $exchangeServer -ScriptBlock {
    Restart-Service -Name MSExchangeServiceHost
    Import-Module WebAdministration
    Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
    Restart-WebAppPool -Name 'MSExchangeECPAppPool'
  }
}

# --- Verify on every server (OA-EX-03, S24, S25) ---
# The current auth certificate, with its key, must be on every Mailbox/CAS server; otherwise OWA/ECP break (Event 1003, OA-EX-05).
foreach ($exchangeServer in $exchangeServers) {
  (Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate -Server $exchangeServer | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey
}
# Hybrid (OA-EX-04): re-run the Hybrid Configuration Wizard after changing the auth certificate.
