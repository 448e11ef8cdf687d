# CertBench collector, version 1: writes a CertBench snapshot (certbench-snapshot, version 1)
# of Lync / Skype for Business Server: every server's certificates (public part only) and the
#   settings that name them.
#
# READ-ONLY.
# It only reads: Get-* cmdlets and the public part of certificates. It changes no setting and
#   restarts nothing.
# It never touches a private key, never exports a certificate and never asks for a password.
# It writes one file, the snapshot (JSON), next to the script; a server it cannot reach is listed in
#   that file, not a stop.
#
# Where to run it:
# Skype for Business / Lync: in the Skype for Business Server (or Lync Server) Management Shell on a
#   Front End server (it reads every pool of the topology; Edge servers outside the domain need
#   their own run on the Edge server).
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

# ===== Lync / Skype for Business =====
$skype = $null
if (Get-Command -Name Get-CsPool -ErrorAction SilentlyContinue) {
  Write-Host 'Skype for Business: reading the topology...'
  $csPools = New-Object System.Collections.ArrayList
  $csCertificates = New-Object System.Collections.ArrayList
  $csSipDomains = New-Object System.Collections.ArrayList
  $csTrusted = New-Object System.Collections.ArrayList
  $csComputers = New-Object System.Collections.ArrayList
  $edgeByPool = @{}
  $versionByPool = @{}
  # Pools whose computers hold Lync / Skype for Business certificates.
  $certificateKinds = @('FrontEnd', 'Director', 'Edge', 'Mediation', 'PersistentChat', 'VideoInterop')

  try {
    foreach ($service in @(Get-CsService -ErrorAction Stop)) {
      $poolFqdn = Get-CBHost $service.PoolFqdn
      $serviceVersion = $null
      if ("$($service.Version)" -match '^\d+$') { $serviceVersion = [int]"$($service.Version)" }
      if ($poolFqdn -and $null -ne $serviceVersion) {
        if (-not $versionByPool.ContainsKey($poolFqdn) -or $versionByPool[$poolFqdn] -lt $serviceVersion) { $versionByPool[$poolFqdn] = $serviceVersion }
      }
    }
  } catch { Write-CBStepError $null 'Get-CsService' $_ }

  try {
    foreach ($edge in @(Get-CsService -EdgeServer -ErrorAction Stop)) {
      $poolFqdn = Get-CBHost $edge.PoolFqdn
      if ($null -eq $poolFqdn) { continue }
      $edgeByPool[$poolFqdn] = [ordered]@{
        accessEdgeFqdn = (Get-CBHost $edge.AccessEdgeExternalFqdn)
        webConferencingEdgeFqdn = (Get-CBHost $edge.DataEdgeExternalFqdn)
        avEdgeFqdn = (Get-CBHost $edge.AVEdgeExternalFqdn)
        internalFqdn = (Get-CBHost $edge.InternalInterfaceFqdn)
      }
    }
  } catch { Write-CBStepError $null 'Get-CsService -EdgeServer' $_ }

  $poolsRead = $false
  try {
    foreach ($p in @(Get-CsPool -ErrorAction Stop)) {
      $poolFqdn = Get-CBHost $p.Fqdn
      if ($null -eq $poolFqdn) { continue }
      $roles = New-Object System.Collections.ArrayList
      foreach ($poolService in @($p.Services)) {
        $role = Get-CBText (("$poolService" -split ':')[0])
        if ($role -and -not $roles.Contains($role)) { [void]$roles.Add($role) }
      }
      $kind = 'Other'
      if ($roles.Contains('EdgeServer')) { $kind = 'Edge' }
      elseif ($roles.Contains('UserServer')) { $kind = 'FrontEnd' }
      elseif ($roles.Contains('Registrar')) { $kind = 'Director' }
      elseif ($roles.Contains('MediationServer')) { $kind = 'Mediation' }
      elseif ($roles.Contains('PersistentChatServer')) { $kind = 'PersistentChat' }
      elseif ($roles.Contains('VideoInteropServer')) { $kind = 'VideoInterop' }
      $computers = New-Object System.Collections.ArrayList
      foreach ($member in @($p.Computers)) {
        $computer = Get-CBHost $member
        if ($computer) { [void]$computers.Add($computer) }
      }
      $pool = [ordered]@{ fqdn = $poolFqdn; kind = $kind; site = (Get-CBText $p.Site); computers = $computers; services = $roles }
      if ($versionByPool.ContainsKey($poolFqdn)) { $pool.serviceVersion = $versionByPool[$poolFqdn] }
      if ($edgeByPool.ContainsKey($poolFqdn)) { $pool.edge = $edgeByPool[$poolFqdn] }
      [void]$csPools.Add($pool)
      if ($certificateKinds -contains $kind) {
        foreach ($computer in $computers) { [void]$csComputers.Add([ordered]@{ computer = $computer; kind = $kind }) }
      }
    }
    $poolsRead = $true
    Write-Host ('  ' + $csPools.Count + ' pools, ' + $csComputers.Count + ' servers to read')
  } catch { Write-CBStepError $null 'Get-CsPool' $_ }
  # Without the topology (an Edge server's shell may not read it), read at least this computer.
  if (-not $poolsRead) {
    $thisComputer = Get-CBHost $localFqdn
    if ($thisComputer) { [void]$csComputers.Add([ordered]@{ computer = $thisComputer; kind = 'Unknown' }) }
  }

  try {
    foreach ($domain in @(Get-CsSipDomain -ErrorAction Stop)) {
      $domainName = Get-CBHost $domain.Name
      if ($domainName) { [void]$csSipDomains.Add($domainName) }
    }
  } catch { Write-CBStepError $null 'Get-CsSipDomain' $_ }

  try {
    $applicationsByPool = @{}
    foreach ($application in @(Get-CsTrustedApplication -ErrorAction Stop)) {
      $applicationPool = Get-CBHost $application.TrustedApplicationPoolFqdn
      $applicationId = Get-CBText $application.ApplicationId
      if ($applicationPool -and $applicationId) {
        if (-not $applicationsByPool.ContainsKey($applicationPool)) { $applicationsByPool[$applicationPool] = New-Object System.Collections.ArrayList }
        [void]$applicationsByPool[$applicationPool].Add($applicationId)
      }
    }
    foreach ($trustedPool in @(Get-CsTrustedApplicationPool -ErrorAction Stop)) {
      $trustedFqdn = Get-CBHost $trustedPool.PoolFqdn
      if ($null -eq $trustedFqdn) { $trustedFqdn = Get-CBHost (("$($trustedPool.Identity)" -split ':')[-1]) }
      if ($null -eq $trustedFqdn) { continue }
      $applications = $applicationsByPool[$trustedFqdn]
      if ($null -eq $applications) { $applications = New-Object System.Collections.ArrayList }
      [void]$csTrusted.Add([ordered]@{
        fqdn = $trustedFqdn
        registrar = (Get-CBHost (("$($trustedPool.Registrar)" -split ':')[-1]))
        applications = $applications
      })
    }
  } catch { Write-CBStepError $null 'Get-CsTrustedApplicationPool' $_ }

  # Runs on each computer (Get-CsCertificate reads the local computer only). Public part only:
  # RawData is the certificate itself; the private key is never touched.
  $csCertificateBlock = {
    $rows = New-Object System.Collections.ArrayList
    foreach ($c in @(Get-CsCertificate -ErrorAction Stop)) {
      $thumbprint = "$($c.Thumbprint)"
      $der = $null
      if ($thumbprint -match '^[0-9A-Fa-f]{40}$') {
        $stored = Get-Item -LiteralPath ('Cert:\LocalMachine\My\' + $thumbprint) -ErrorAction SilentlyContinue
        if ($null -ne $stored) { $der = [Convert]::ToBase64String($stored.RawData) }
      }
      $notBefore = $null
      if ($c.NotBefore -is [DateTime]) { $notBefore = $c.NotBefore.ToUniversalTime().ToString('o') }
      $notAfter = $null
      if ($c.NotAfter -is [DateTime]) { $notAfter = $c.NotAfter.ToUniversalTime().ToString('o') }
      $effective = $null
      if ($c.EffectiveDate -is [DateTime] -and $c.EffectiveDate -ne [DateTime]::MinValue) { $effective = $c.EffectiveDate.ToUniversalTime().ToString('o') }
      $names = New-Object System.Collections.ArrayList
      foreach ($alternativeName in @($c.AlternativeNames)) { if ("$alternativeName" -ne '') { [void]$names.Add("$alternativeName") } }
      [void]$rows.Add((New-Object PSObject -Property @{
        Use = "$($c.Use)"
        Thumbprint = $thumbprint
        PreviousThumbprint = "$($c.PreviousThumbprint)"
        EffectiveDate = $effective
        Subject = "$($c.Subject)"
        Issuer = "$($c.Issuer)"
        NotBefore = $notBefore
        NotAfter = $notAfter
        AlternativeNames = $names
        Der = $der
      }))
    }
    $rows
  }

  $computersDone = @{}
  foreach ($target in $csComputers) {
    $computer = $target.computer
    if ($computersDone.ContainsKey($computer)) { continue }
    $computersDone[$computer] = $true
    Write-Host ('  ' + $computer + ': certificates')
    try {
      if ((($computer -split '\.')[0]) -eq $env:COMPUTERNAME) { $rows = @(Invoke-Command -ScriptBlock $csCertificateBlock -ErrorAction Stop) }
      else { $rows = @(Invoke-Command -ComputerName $computer -ScriptBlock $csCertificateBlock -ErrorAction Stop) }
      foreach ($row in $rows) {
        $use = Get-CBText $row.Use
        if ($null -eq $use) { continue }
        [void]$csCertificates.Add([ordered]@{
          computer = $computer
          use = $use
          thumbprint = (Get-CBThumbprint $row.Thumbprint)
          effectiveDate = (Get-CBText $row.EffectiveDate)
          previousThumbprint = (Get-CBThumbprint $row.PreviousThumbprint)
          subject = (Get-CBText $row.Subject)
          issuer = (Get-CBText $row.Issuer)
          notBefore = (Get-CBText $row.NotBefore)
          notAfter = (Get-CBText $row.NotAfter)
          dnsNames = (Get-CBTextList $row.AlternativeNames)
          der = (Get-CBText $row.Der)
        })
      }
    } catch {
      if ($target.kind -eq 'Edge') { Write-CBStepError $computer 'Get-CsCertificate' ("$_" + ' (Edge servers are usually outside the domain: run this script on the Edge server too, in its Skype for Business Server Management Shell.)') }
      else { Write-CBStepError $computer 'Get-CsCertificate' $_ }
    }
  }

  $skype = [ordered]@{
    pools = $csPools
    sipDomains = $csSipDomains
    certificates = $csCertificates
    trustedApplicationPools = $csTrusted
  }
  Write-Host ('Skype for Business: ' + $csPools.Count + ' pools, ' + $csCertificates.Count + ' certificate assignments.')
} else {
  Write-Host 'Skype for Business: the Lync / Skype for Business cmdlets are not available in this shell; run this script in the Skype for Business Server Management Shell on a Front End to read Skype for Business.'
}

$exchange = $null
$organization = $null

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
