// The collector's last lines: the snapshot object (contract v1, ../shared/docs/estate.md) and
// the one file it writes. ConvertTo-Json gets the object through -InputObject (never the
// pipeline, which would unroll lists). The file is UTF-8 without a byte order mark, written with
// .NET because Out-File's UTF-8 writes a BOM on Windows PowerShell and its BOM-less encoding
// needs PowerShell 6 (CertBench's reader accepts either). The default file name uses the
// invariant culture so that a Thai or Japanese calendar cannot change the year in it.

export const PS_WRITE = String.raw`# ===== Write the snapshot =====
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
`;
