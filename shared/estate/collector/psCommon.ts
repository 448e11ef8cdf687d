// The collector's opening lines: parameters, the PowerShell version gate and the helpers every
// part uses. Helpers turn whatever a cmdlet returns (live objects in a local shell, deserialized
// ones through the Exchange Management Shell's remoting) into plain, locale-free JSON values:
// text through "$value" (an enum's or ADObjectId's ToString), dates as ISO 8601 UTC via
// .ToString('o'), lists as ArrayLists (ConvertTo-Json in PowerShell 3-5 keeps one-element
// ArrayLists as lists; functions return them with the comma operator so they are not unrolled).
// Every value passes through one of these helpers or a cast, so no string carries extra
// PowerShell notes into the JSON.

export const PS_PRELUDE = String.raw`param(
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
`;
