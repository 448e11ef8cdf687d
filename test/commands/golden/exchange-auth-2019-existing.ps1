# CertBench: Exchange OAuth (Auth) certificate (Exchange 2019) for ex2.contoso.com.
# Run in the Exchange Management Shell. Read each step first; each fact cites its source id from the CertBench rule reference.
# Every value below was validated (FQDN, thumbprint, path) and is single-quoted.
$ErrorActionPreference = 'Stop'

# --- Values ---
$server = 'ex2.contoso.com'
$thumbprint = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011'
# The environment records the current auth certificate as 0123456789ABCDEF0123456789ABCDEF01234567 (Get-AuthConfig).
# Routine renewal: leave $emergency = $false. Set it to $true only when the current auth certificate has expired or is missing on servers (OWA/ECP already fail).
$emergency = $false
$exchangeServers = @('ex1.contoso.com','ex2.contoso.com')

# --- Use the given certificate (OA-EX-01) ---
$authCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint
if (-not $authCert.HasPrivateKey) { throw 'OA-EX-03: the certificate has no private key on this server.' }

# --- Routine renewal: stage the next auth certificate 30 days ahead (OA-EX-04, S26) ---
# As CSS-Exchange MonitorExchangeAuthCertificate.ps1: the current certificate stays in use; on the effective date the AuthAdmin servicelet
# (MSExchangeServiceHost) makes the next one current. No restart, no interruption. 30 days leave time to copy it to every server (below).
if (-not $emergency) {
  $stageDays = 30
  try { $currentAuth = Get-ExchangeCertificate -Server $server -Thumbprint (Get-AuthConfig).CurrentCertificateThumbprint -ErrorAction Stop } catch { $currentAuth = $null }
  if ($currentAuth) {
    $daysLeft = ($currentAuth.NotAfter - (Get-Date)).Days
    # The current certificate expires before the 30 days are over: stage it 4 or 2 days ahead instead (as MonitorExchangeAuthCertificate does).
    if ($daysLeft -lt 32) { $stageDays = 0; if ($daysLeft -gt 4) { $stageDays = 4 } elseif ($daysLeft -gt 2) { $stageDays = 2 } }
  }
  if ($stageDays -eq 0) { throw 'The current auth certificate expires within 2 days: set $emergency = $true and run the script again.' }
  Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date).AddDays($stageDays)
  Get-AuthConfig | Format-List CurrentCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate
}
# Later, not now: after the effective date, check Get-AuthConfig shows the new certificate as current; once every partner
# (Exchange Online through the HCW, SharePoint, Skype for Business) uses it, clear the old one: Set-AuthConfig -ClearPreviousCertificate

# --- EMERGENCY ONLY: switch now ($emergency = $true) (OA-EX-04, S26) ---
# For an expired or missing current certificate: makes the new one current at once, as MonitorExchangeAuthCertificate -ReplaceExpiredAuthCertificate does.
# Tokens signed with the old certificate stop working at once; publishing can take about an hour to reach every server.
# WARNING: Restarting MSExchangeServiceHost and the OWA and ECP application pools ends the OWA and ECP sessions on each server (users sign in again): run this step in a maintenance window.
if ($emergency) {
  Write-Warning 'Restarting MSExchangeServiceHost and the OWA and ECP application pools ends the OWA and ECP sessions on each server (users sign in again): run this step in a maintenance window.'
  Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date)
  Set-AuthConfig -PublishCertificate
  Set-AuthConfig -ClearPreviousCertificate
  # On every Mailbox/CAS server: MSExchangeServiceHost, then the OWA and ECP application pools.
  foreach ($exchangeServer in $exchangeServers) {
    Invoke-Command -ComputerName $exchangeServer -ScriptBlock {
      Restart-Service -Name MSExchangeServiceHost
      Import-Module WebAdministration
      Restart-WebAppPool -Name 'MSExchangeOWAAppPool'
      Restart-WebAppPool -Name 'MSExchangeECPAppPool'
    }
  }
}

# --- Verify on every server (OA-EX-03, S24, S25) ---
# The new auth certificate, with its key, must be on every Mailbox/CAS server before it becomes current; otherwise OWA/ECP break (Event 1003, OA-EX-05).
foreach ($exchangeServer in $exchangeServers) {
  try { $held = Get-ExchangeCertificate -Server $exchangeServer -Thumbprint $thumbprint -ErrorAction Stop } catch { $held = $null }
  if (-not $held -or -not $held.HasPrivateKey) { Write-Warning ('OA-EX-03: ' + $exchangeServer + ' does not hold the new auth certificate with its private key; import it there before it becomes current.') }
}
Get-AuthConfig | Format-List CurrentCertificateThumbprint,PreviousCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate
# Hybrid with Exchange Online (OA-EX-04): once the new certificate is current, re-run the Hybrid Configuration Wizard so Exchange Online trusts it (OAuth: free/busy, mailbox moves, eDiscovery).
