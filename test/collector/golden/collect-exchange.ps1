# CertBench collector, version 1: writes a CertBench snapshot (certbench-snapshot, version 1)
# of Exchange Server: every server's certificates (public part only) and the settings that name
#   them.
#
# READ-ONLY.
# It only reads: Get-* cmdlets and the public part of certificates. It changes no setting and
#   restarts nothing.
# It never touches a private key, never exports a certificate and never asks for a password.
# It writes one file, the snapshot (JSON), next to the script; a server it cannot reach is listed in
#   that file, not a stop.
#
# Where to run it:
# Exchange: in the Exchange Management Shell on an Exchange 2013, 2016, 2019 or Subscription Edition
#   server (it reads every Exchange server of the organisation, 2010 ones where their cmdlets
#   answer).
#
# How: in the folder that holds this file (use the name you saved it under):
#   Unblock-File -Path .\certbench-collect.ps1
#   .\certbench-collect.ps1
# Optional: -OutFile C:\path\snapshot.json (default: certbench-snapshot-<computer>-<UTC time>.json
#   next to this file).
# Needs Windows PowerShell 3.0 or later; remote servers are read through PowerShell remoting
#   (Invoke-Command).

param(
  [string]$OutFile = ''
)

if ($PSVersionTable.PSVersion.Major -lt 3) {
  Write-Host 'CertBench collector: this script needs Windows PowerShell 3.0 or later. Nothing was collected.'
  return
}

$collectorVersion = 1
$collectedAt = (Get-Date).ToUniversalTime().ToString('o')
$snapshotErrors = New-Object System.Collections.ArrayList
$localFqdn = $env:COMPUTERNAME
try { $localFqdn = [System.Net.Dns]::GetHostEntry($env:COMPUTERNAME).HostName } catch { $localFqdn = $env:COMPUTERNAME }

# A failed step becomes an entry in the snapshot's "errors" list; the script goes on.
function Write-CBStepError {
  param([string]$Server, [string]$Step, $Problem)
  $message = ("$Problem" -split '\r?\n')[0].Trim()
  if ($message -eq '') { $message = 'The step failed without a message.' }
  $entry = [ordered]@{ server = $null; step = $Step; message = $message }
  if ($Server) { $entry.server = $Server }
  [void]$snapshotErrors.Add($entry)
  if ($Server) { Write-Host ('  could not read ' + $Step + ' on ' + $Server + ': ' + $message) -ForegroundColor Yellow }
  else { Write-Host ('  could not read ' + $Step + ': ' + $message) -ForegroundColor Yellow }
}

# Text as the shell prints it (enums and AD ids through their ToString), trimmed; $null when empty.
function Get-CBText {
  param($Value)
  if ($null -eq $Value) { return $null }
  $text = ("$Value").Trim()
  if ($text -eq '') { return $null }
  return $text
}

# A host name (ex1.contoso.com, EX1); $null for anything else.
function Get-CBHost {
  param($Value)
  $text = Get-CBText $Value
  if ($null -eq $text) { return $null }
  $text = $text.TrimEnd('.')
  if ($text -match '^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$') { return $text }
  return $null
}

# A thumbprint in upper case without spaces; $null when empty.
function Get-CBThumbprint {
  param($Value)
  $text = Get-CBText $Value
  if ($null -eq $text) { return $null }
  return ($text -replace '\s', '').ToUpperInvariant()
}

# A date as ISO 8601 UTC ('o' is culture-invariant); $null when it is not a date.
function Get-CBIsoDate {
  param($Value)
  if ($Value -is [DateTime]) { return $Value.ToUniversalTime().ToString('o') }
  return $null
}

# A list of non-empty texts, kept a list even with one element.
function Get-CBTextList {
  param($Values)
  $list = New-Object System.Collections.ArrayList
  foreach ($item in @($Values)) {
    $text = Get-CBText $item
    if ($null -ne $text) { [void]$list.Add($text) }
  }
  return ,$list
}

# ===== Exchange =====
$exchange = $null
$organization = $null
if (Get-Command -Name Get-ExchangeServer -ErrorAction SilentlyContinue) {
  Write-Host 'Exchange: reading the organisation...'
  $exServers = New-Object System.Collections.ArrayList
  $exCertificates = New-Object System.Collections.ArrayList
  $exOwaIm = New-Object System.Collections.ArrayList
  $exUm = New-Object System.Collections.ArrayList
  $exTransport = New-Object System.Collections.ArrayList
  $exConnectors = New-Object System.Collections.ArrayList
  $exAuthConfig = $null
  $exHybrid = $null
  $exTargets = New-Object System.Collections.ArrayList
  $fqdnByName = @{}

  # A server as an AD id, name or FQDN -> the FQDN Get-ExchangeServer gave for it.
  function Get-CBServerFqdn {
    param($Value)
    $text = Get-CBText $Value
    if ($null -eq $text) { return $null }
    $last = ($text -split '[/\\]')[-1]
    if ($fqdnByName.ContainsKey($last)) { return $fqdnByName[$last] }
    return (Get-CBHost $last)
  }

  try {
    $organization = Get-CBText (Get-OrganizationConfig -ErrorAction Stop).Name
  } catch { Write-CBStepError $null 'Get-OrganizationConfig' $_ }

  $allServers = @()
  try { $allServers = @(Get-ExchangeServer -ErrorAction Stop) } catch { Write-CBStepError $null 'Get-ExchangeServer' $_ }
  foreach ($s in $allServers) {
    $name = Get-CBHost $s.Name
    $fqdn = Get-CBHost $s.Fqdn
    if ($null -eq $fqdn) { $fqdn = $name }
    if ($null -eq $fqdn) { continue }
    $major = 0
    $minor = 0
    $build = $null
    $version = $null
    if ("$($s.AdminDisplayVersion)" -match 'Version (\d+)\.(\d+) \(Build (\d+)\.(\d+)\)') {
      $major = [int]$Matches[1]
      $minor = [int]$Matches[2]
      $build = $Matches[1] + '.' + $Matches[2] + '.' + $Matches[3] + '.' + $Matches[4]
      if ($major -eq 14) { $version = '2010' }
      elseif ($major -eq 15 -and $minor -eq 0) { $version = '2013' }
      elseif ($major -eq 15 -and $minor -eq 1) { $version = '2016' }
      elseif ($major -eq 15 -and $minor -eq 2 -and [int]$Matches[3] -ge 2562) { $version = 'SE' }
      elseif ($major -eq 15 -and $minor -eq 2) { $version = '2019' }
    }
    $roleText = "$($s.ServerRole)"
    [void]$exServers.Add([ordered]@{
      name = $name
      fqdn = $fqdn
      version = $version
      build = $build
      roles = (Get-CBTextList ($roleText -split ','))
      site = (Get-CBText (("$($s.Site)" -split '/')[-1]))
    })
    if ($name) { $fqdnByName[$name] = $fqdn }
    $fqdnByName[$fqdn] = $fqdn
    $identity = $name
    if ($null -eq $identity) { $identity = $fqdn }
    [void]$exTargets.Add([ordered]@{ identity = $identity; fqdn = $fqdn; major = $major; minor = $minor; roles = $roleText })
  }
  Write-Host ('  ' + $exTargets.Count + ' Exchange servers')

  # OWA IM on Exchange 2013 lives in OWA's web.config on each server (read only, never changed).
  $owaWebConfigBlock = {
    $installPath = $env:ExchangeInstallPath
    if (-not $installPath) { throw 'ExchangeInstallPath is not set on this server.' }
    $path = Join-Path $installPath 'ClientAccess\Owa\web.config'
    if (-not (Test-Path -LiteralPath $path)) { throw ('OWA web.config was not found at ' + $path) }
    $config = [xml](Get-Content -LiteralPath $path -ErrorAction Stop)
    $result = New-Object PSObject -Property @{ IMServerName = $null; IMCertificateThumbprint = $null }
    foreach ($setting in @($config.configuration.appSettings.add)) {
      if ($setting.key -eq 'IMServerName') { $result.IMServerName = [string]$setting.value }
      if ($setting.key -eq 'IMCertificateThumbprint') { $result.IMCertificateThumbprint = [string]$setting.value }
    }
    $result
  }

  foreach ($t in $exTargets) {
    if ($t.major -ne 0 -and $t.major -lt 14) {
      Write-CBStepError $t.fqdn 'Get-ExchangeCertificate' 'Exchange 2007 and earlier are not read by this script.'
      continue
    }
    Write-Host ('  ' + $t.fqdn + ': certificates and settings')
    try {
      foreach ($c in @(Get-ExchangeCertificate -Server $t.identity -ErrorAction Stop)) {
        $services = New-Object System.Collections.ArrayList
        foreach ($part in ("$($c.Services)" -split ',')) {
          $flag = $part.Trim()
          if ($flag -ne '' -and $flag -ne 'None') { [void]$services.Add($flag) }
        }
        $der = $null
        if ($null -ne $c.RawData) { $der = [Convert]::ToBase64String([byte[]]$c.RawData) }
        $keySize = $null
        if ($null -ne $c.PublicKeySize) { $keySize = [int]$c.PublicKeySize }
        [void]$exCertificates.Add([ordered]@{
          server = $t.fqdn
          thumbprint = (Get-CBThumbprint $c.Thumbprint)
          services = $services
          status = (Get-CBText $c.Status)
          hasPrivateKey = [bool]$c.HasPrivateKey
          privateKeyExportable = [bool]$c.PrivateKeyExportable
          rootCAType = (Get-CBText $c.RootCAType)
          friendlyName = (Get-CBText $c.FriendlyName)
          subject = (Get-CBText $c.Subject)
          issuer = (Get-CBText $c.Issuer)
          notBefore = (Get-CBIsoDate $c.NotBefore)
          notAfter = (Get-CBIsoDate $c.NotAfter)
          dnsNames = (Get-CBTextList $c.CertificateDomains)
          publicKeySize = $keySize
          isSelfSigned = [bool]$c.IsSelfSigned
          der = $der
        })
      }
    } catch {
      if ($t.roles -match 'Edge') { Write-CBStepError $t.fqdn 'Get-ExchangeCertificate' ("$_" + ' (an Edge Transport server answers only locally: run this script in the Exchange Management Shell on the Edge server too.)') }
      else { Write-CBStepError $t.fqdn 'Get-ExchangeCertificate' $_ }
    }

    if ($t.major -eq 15 -and $t.minor -eq 0 -and $t.roles -match 'Mailbox|ClientAccess') {
      try {
        if ($t.identity -eq $env:COMPUTERNAME) { $wc = @(Invoke-Command -ScriptBlock $owaWebConfigBlock -ErrorAction Stop) | Select-Object -First 1 }
        else { $wc = @(Invoke-Command -ComputerName $t.fqdn -ScriptBlock $owaWebConfigBlock -ErrorAction Stop) | Select-Object -First 1 }
        $imServerName = Get-CBText $wc.IMServerName
        $imThumbprint = $null
        if ("$($wc.IMCertificateThumbprint)" -ne '') { $imThumbprint = [string]$wc.IMCertificateThumbprint }
        if ($imServerName -or $imThumbprint) {
          [void]$exOwaIm.Add([ordered]@{ server = $t.fqdn; source = 'WebConfig'; imServerName = $imServerName; certificateThumbprint = $imThumbprint })
        }
      } catch { Write-CBStepError $t.fqdn 'OWA web.config (Exchange 2013)' $_ }
    }

    if ($t.major -eq 15 -and $t.minor -le 1) {
      $umMode = $null
      $routerMode = $null
      if ($t.roles -match 'Mailbox' -and (Get-Command -Name Get-UMService -ErrorAction SilentlyContinue)) {
        try { $umMode = Get-CBText (Get-UMService -Identity $t.identity -ErrorAction Stop).UMStartupMode } catch { Write-CBStepError $t.fqdn 'Get-UMService' $_ }
      }
      if (($t.roles -match 'ClientAccess' -or $t.minor -eq 1) -and (Get-Command -Name Get-UMCallRouterSettings -ErrorAction SilentlyContinue)) {
        try { $routerMode = Get-CBText (Get-UMCallRouterSettings -Server $t.identity -ErrorAction Stop).UMStartupMode } catch { Write-CBStepError $t.fqdn 'Get-UMCallRouterSettings' $_ }
      }
      if ($umMode -or $routerMode) {
        [void]$exUm.Add([ordered]@{ server = $t.fqdn; umStartupMode = $umMode; umCallRouterStartupMode = $routerMode })
      }
    } elseif ($t.major -eq 14 -and $t.roles -match 'UnifiedMessaging' -and (Get-Command -Name Get-UMServer -ErrorAction SilentlyContinue)) {
      try {
        $umMode = Get-CBText (Get-UMServer -Identity $t.identity -ErrorAction Stop).UMStartupMode
        if ($umMode) { [void]$exUm.Add([ordered]@{ server = $t.fqdn; umStartupMode = $umMode }) }
      } catch { Write-CBStepError $t.fqdn 'Get-UMServer' $_ }
    }

    if ($t.roles -match 'Mailbox|HubTransport') {
      $transportStep = 'Get-TransportService'
      if ($t.major -lt 15) { $transportStep = 'Get-TransportServer' }
      try {
        if ($t.major -ge 15) { $transport = Get-TransportService -Identity $t.identity -ErrorAction Stop }
        else { $transport = Get-TransportServer -Identity $t.identity -ErrorAction Stop }
        [void]$exTransport.Add([ordered]@{ server = $t.fqdn; internalTransportCertificateThumbprint = (Get-CBThumbprint $transport.InternalTransportCertificateThumbprint) })
      } catch { Write-CBStepError $t.fqdn $transportStep $_ }
      try {
        foreach ($rc in @(Get-ReceiveConnector -Server $t.identity -ErrorAction Stop)) {
          $connectorName = Get-CBText $rc.Name
          if ($null -eq $connectorName) { continue }
          [void]$exConnectors.Add([ordered]@{
            name = $connectorName
            kind = 'receive'
            servers = (Get-CBTextList $t.fqdn)
            fqdn = (Get-CBText $rc.Fqdn)
            tlsCertificateName = (Get-CBText $rc.TlsCertificateName)
            identity = (Get-CBText $rc.Identity)
          })
        }
      } catch { Write-CBStepError $t.fqdn 'Get-ReceiveConnector' $_ }
    }
  }

  if (Get-Command -Name Get-AuthConfig -ErrorAction SilentlyContinue) {
    try {
      $auth = Get-AuthConfig -ErrorAction Stop
      $exAuthConfig = [ordered]@{
        currentCertificateThumbprint = (Get-CBThumbprint $auth.CurrentCertificateThumbprint)
        previousCertificateThumbprint = (Get-CBThumbprint $auth.PreviousCertificateThumbprint)
        nextCertificateThumbprint = (Get-CBThumbprint $auth.NextCertificateThumbprint)
        nextCertificateEffectiveDate = (Get-CBIsoDate $auth.NextCertificateEffectiveDate)
      }
    } catch { Write-CBStepError $null 'Get-AuthConfig' $_ }
  }

  # OWA IM on Exchange 2016 and later: a SettingOverride (component OwaServer, section IMSettings).
  if (Get-Command -Name Get-SettingOverride -ErrorAction SilentlyContinue) {
    try {
      foreach ($o in @(Get-SettingOverride -ErrorAction Stop | Where-Object { "$($_.ComponentName)" -eq 'OwaServer' -and "$($_.SectionName)" -eq 'IMSettings' })) {
        $imServerName = $null
        $imThumbprint = $null
        foreach ($parameter in @($o.Parameters)) {
          # The thumbprint is kept exactly as configured: an invisible character in it is a finding.
          if ("$parameter" -match '^\s*IMServerName\s*=(.*)$') { $imServerName = Get-CBText $Matches[1] }
          if ("$parameter" -match '^\s*IMCertificateThumbprint\s*=(.*)$') { $imThumbprint = [string]$Matches[1] }
        }
        # An override without a server applies to the whole organisation ('' below).
        $overrideServers = Get-CBTextList $o.Server
        if ($overrideServers.Count -eq 0) { [void]$overrideServers.Add('') }
        foreach ($serverName in $overrideServers) {
          $server = $null
          if ($serverName -ne '') { $server = Get-CBServerFqdn $serverName }
          [void]$exOwaIm.Add([ordered]@{
            server = $server
            source = 'SettingOverride'
            imServerName = $imServerName
            certificateThumbprint = $imThumbprint
            name = (Get-CBText $o.Name)
            serverFilter = (Get-CBText $serverName)
          })
        }
      }
    } catch { Write-CBStepError $null 'Get-SettingOverride' $_ }
  }

  # The OWA virtual directories' IM properties (honoured on Exchange 2010; -ADPropertiesOnly
  # reads Active Directory only, without contacting each server's IIS).
  if (Get-Command -Name Get-OwaVirtualDirectory -ErrorAction SilentlyContinue) {
    try {
      foreach ($v in @(Get-OwaVirtualDirectory -ADPropertiesOnly -ErrorAction Stop)) {
        $imType = Get-CBText $v.InstantMessagingType
        $imServerName = Get-CBText $v.InstantMessagingServerName
        $imThumbprint = $null
        if ("$($v.InstantMessagingCertificateThumbprint)" -ne '') { $imThumbprint = [string]$v.InstantMessagingCertificateThumbprint }
        if (($imType -and $imType -ne 'None') -or $imServerName -or $imThumbprint) {
          [void]$exOwaIm.Add([ordered]@{
            server = (Get-CBServerFqdn $v.Server)
            source = 'OwaVirtualDirectory'
            imServerName = $imServerName
            certificateThumbprint = $imThumbprint
            instantMessagingType = $imType
            instantMessagingEnabled = (Get-CBText $v.InstantMessagingEnabled)
            identity = (Get-CBText $v.Identity)
          })
        }
      }
    } catch { Write-CBStepError $null 'Get-OwaVirtualDirectory' $_ }
  }

  try {
    foreach ($sc in @(Get-SendConnector -ErrorAction Stop)) {
      $connectorName = Get-CBText $sc.Name
      if ($null -eq $connectorName) { continue }
      $sourceServers = New-Object System.Collections.ArrayList
      foreach ($source in @($sc.SourceTransportServers)) {
        $sourceFqdn = Get-CBServerFqdn $source
        if ($sourceFqdn) { [void]$sourceServers.Add($sourceFqdn) }
      }
      [void]$exConnectors.Add([ordered]@{
        name = $connectorName
        kind = 'send'
        servers = $sourceServers
        fqdn = (Get-CBText $sc.Fqdn)
        tlsCertificateName = (Get-CBText $sc.TlsCertificateName)
      })
    }
  } catch { Write-CBStepError $null 'Get-SendConnector' $_ }

  if (Get-Command -Name Get-HybridConfiguration -ErrorAction SilentlyContinue) {
    try {
      $hybridConfiguration = Get-HybridConfiguration -ErrorAction Stop
      if ($null -ne $hybridConfiguration) { $exHybrid = [ordered]@{ tlsCertificateName = (Get-CBText $hybridConfiguration.TlsCertificateName) } }
    } catch { Write-CBStepError $null 'Get-HybridConfiguration' $_ }
  }

  $exchange = [ordered]@{
    servers = $exServers
    certificates = $exCertificates
    authConfig = $exAuthConfig
    owaIm = $exOwaIm
    umServices = $exUm
    transport = $exTransport
    connectors = $exConnectors
    hybrid = $exHybrid
  }
  Write-Host ('Exchange: ' + $exServers.Count + ' servers, ' + $exCertificates.Count + ' certificates.')
} else {
  Write-Host 'Exchange: the Exchange cmdlets are not available in this shell; run this script in the Exchange Management Shell to read Exchange.'
}

$skype = $null

# ===== Write the snapshot =====
if ($null -eq $exchange -and $null -eq $skype) {
  Write-Host 'CertBench collector: nothing to collect in this shell (see above). Nothing was written.' -ForegroundColor Yellow
  return
}
$snapshot = [ordered]@{
  format = 'certbench-snapshot'
  version = 1
  collectedAt = $collectedAt
  collector = [ordered]@{ name = 'certbench-collect'; version = $collectorVersion; computer = (Get-CBText $localFqdn); powershell = (Get-CBText $PSVersionTable.PSVersion) }
  organization = $organization
}
if ($null -ne $exchange) { $snapshot.exchange = $exchange }
if ($null -ne $skype) { $snapshot.skype = $skype }
$snapshot.errors = $snapshotErrors

if ($OutFile -eq '') {
  $folder = $PSScriptRoot
  if (-not $folder) { $folder = (Get-Location).ProviderPath }
  $stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture)
  $OutFile = Join-Path $folder ('certbench-snapshot-' + $env:COMPUTERNAME + '-' + $stamp + '.json')
} elseif (-not [System.IO.Path]::IsPathRooted($OutFile)) {
  $OutFile = Join-Path (Get-Location).ProviderPath $OutFile
}
$json = ConvertTo-Json -InputObject $snapshot -Depth 8
[System.IO.File]::WriteAllText($OutFile, $json, (New-Object System.Text.UTF8Encoding -ArgumentList $false))

Write-Host ''
Write-Host ('CertBench snapshot written to ' + $OutFile)
if ($snapshotErrors.Count -gt 0) { Write-Host ('' + $snapshotErrors.Count + ' step(s) could not be read; they are listed in the file under "errors".') -ForegroundColor Yellow }
Write-Host 'Nothing was changed on any server. Open the file in CertBench to audit the certificates.'
