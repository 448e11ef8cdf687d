// The collector's Lync / Skype for Business part: the pools (Get-CsPool: FQDN, site, computers,
// services -> kind), the Edge pools' external FQDNs (Get-CsService -EdgeServer), SIP domains,
// trusted application pools, and Get-CsCertificate on every computer of the pools that hold
// certificates. Get-CsCertificate reads only the computer it runs on, so it runs through
// Invoke-Command on each remote computer (and in this shell for this one); inside that block the
// public certificate (RawData) comes from Cert:\LocalMachine\My\<thumbprint>. Edge servers are
// usually outside the domain: when remoting to one fails, the errors entry says to run the script
// on the Edge server itself. Sources: the comment block in collectScript.ts.

export const PS_SKYPE = String.raw`# ===== Lync / Skype for Business =====
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
`;
