// Exchange 2013+ OAuth (server-to-server) certificate (OA-EX-01..05). Exchange 2010 has no
// AuthConfig, so it is refused. Two paths, chosen with $emergency at the top:
//  - routine renewal (default): stage the new certificate as the NEXT auth certificate, effective
//    in 30 days, as CSS-Exchange MonitorExchangeAuthCertificate.ps1 does (ConfigureNextAuth-
//    Certificate: EnableDaysInFuture = 30, fewer days when the current one expires sooner); the
//    AuthAdmin servicelet makes it current on that date, and the previous one is cleared later;
//  - emergency (the current certificate has expired or is missing): make it current now, publish,
//    clear the previous one and restart (ReplaceExpiredAuthCertificate), then re-run the HCW.
import { EXCHANGE_AUTH_SUBJECT } from '../csr/roles.js';
import { psArray } from '../powershell/quote.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import { validateFqdn, validateThumbprint } from '../powershell/validate.js';
import { DISRUPTION } from './disruption.js';
import type { ResolvedOptions } from './options.js';
import { Script } from './script.js';
import { assertServerVersion } from './serverVersion.js';

/** The environment's Exchange 2013+ Mailbox / Client Access servers (no 2010, no Edge Transport). */
function authServers(o: ResolvedOptions): string[] {
  return (o.env.exchangeServers ?? []).flatMap((s, i) => {
    if (s.version === '2010' || s.version === '2010SP1') return [];
    if ((s.roles ?? []).some((r) => /^Edge(Transport)?$/i.test(r.trim()))) return [];
    return [validateFqdn(s.fqdn, `environment exchangeServers[${i}].fqdn`)];
  });
}

const HYBRID = 'Hybrid with Exchange Online (OA-EX-04): once the new certificate is current, re-run the Hybrid Configuration Wizard so Exchange Online trusts it (OAuth: free/busy, mailbox moves, eDiscovery).';

export function exchangeAuthScript(o: ResolvedOptions, script: Script): void {
  if (o.exchangeVersion === '2010' || o.exchangeVersion === '2010SP1') {
    throw new UnsafeValueError('unsupported', '--exchange-version', 'Exchange 2010 has no Auth certificate: Set-AuthConfig and server-to-server OAuth arrived with Exchange 2013 (OA-EX-01); choose Exchange 2013 or later.');
  }
  assertServerVersion(o);
  const servers = authServers(o);
  const current = o.env.authConfig?.currentCertificateThumbprint;
  script.section('Values');
  script.assign('server', o.server, '--server', 'no server given; the new certificate is made on the server this shell runs on.');
  script.assign('thumbprint', o.thumbprint, '--thumbprint');
  if (o.thumbprintNote) script.comment(o.thumbprintNote);
  if (current) {
    const t = validateThumbprint(current, 'environment authConfig.currentCertificateThumbprint');
    script.comment(`The environment records the current auth certificate as ${t.value} (Get-AuthConfig).`);
  }
  script.comment('Routine renewal: leave $emergency = $false. Set it to $true only when the current auth certificate has expired or is missing on servers (OWA/ECP already fail).');
  script.code('$emergency = $false');
  if (servers.length > 0) script.code(`$exchangeServers = ${psArray(servers, 'environment exchangeServers')}`);
  else {
    script.warning('the environment lists no Exchange servers; the checks below use Get-ExchangeServer.');
    script.comment('Exchange 2013 or later (AdminDisplayVersion.Major 15 or more, a number) with the Mailbox or Client Access role.');
    script.code('$exchangeServers = @(Get-ExchangeServer | Where-Object { $_.AdminDisplayVersion.Major -ge 15 -and ($_.IsMailboxServer -or $_.IsClientAccessServer) } | ForEach-Object { [string]$_.Fqdn })');
  }

  const serverParam = o.server ? ' -Server $server' : '';
  if (!o.thumbprint) {
    script.section('Create the certificate (OA-EX-01, S24, S25)');
    script.comment('Self-signed, fixed subject, no SAN, 2048-bit exportable key; FriendlyName equal to the subject text.');
    script.comment('If Exchange asks to overwrite the default SMTP certificate, answer No (OA-EX-04).');
    script.code(
      `$authCert = New-ExchangeCertificate${serverParam} -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=${EXCHANGE_AUTH_SUBJECT}' -FriendlyName '${EXCHANGE_AUTH_SUBJECT}' -DomainName @()`,
      '$thumbprint = $authCert.Thumbprint',
      '$authCert | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey',
    );
  } else {
    script.section('Use the given certificate (OA-EX-01)');
    script.code(
      `$authCert = Get-ExchangeCertificate${serverParam} -Thumbprint $thumbprint`,
      "if (-not $authCert.HasPrivateKey) { throw 'OA-EX-03: the certificate has no private key on this server.' }",
    );
  }

  routine(script, serverParam);
  emergency(script);

  script.section('Verify on every server (OA-EX-03, S24, S25)');
  script.comment('The new auth certificate, with its key, must be on every Mailbox/CAS server before it becomes current; otherwise OWA/ECP break (Event 1003, OA-EX-05).');
  script.code(
    'foreach ($exchangeServer in $exchangeServers) {',
    '  try { $held = Get-ExchangeCertificate -Server $exchangeServer -Thumbprint $thumbprint -ErrorAction Stop } catch { $held = $null }',
    "  if (-not $held -or -not $held.HasPrivateKey) { Write-Warning ('OA-EX-03: ' + $exchangeServer + ' does not hold the new auth certificate with its private key; import it there before it becomes current.') }",
    '}',
    'Get-AuthConfig | Format-List CurrentCertificateThumbprint,PreviousCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate',
  );
  script.comment(HYBRID);
}

/** Stage the next certificate 30 days ahead (fewer when the current one expires sooner), as MonitorExchangeAuthCertificate does. */
function routine(script: Script, serverParam: string): void {
  script.section('Routine renewal: stage the next auth certificate 30 days ahead (OA-EX-04, S26)');
  script.comment('As CSS-Exchange MonitorExchangeAuthCertificate.ps1: the current certificate stays in use; on the effective date the AuthAdmin servicelet');
  script.comment('(MSExchangeServiceHost) makes the next one current. No restart, no interruption. 30 days leave time to copy it to every server (below).');
  script.code(
    'if (-not $emergency) {',
    '  $stageDays = 30',
    `  try { $currentAuth = Get-ExchangeCertificate${serverParam} -Thumbprint (Get-AuthConfig).CurrentCertificateThumbprint -ErrorAction Stop } catch { $currentAuth = $null }`,
    '  if ($currentAuth) {',
    '    $daysLeft = ($currentAuth.NotAfter - (Get-Date)).Days',
    '    # The current certificate expires before the 30 days are over: stage it 4 or 2 days ahead instead (as MonitorExchangeAuthCertificate does).',
    '    if ($daysLeft -lt 32) { $stageDays = 0; if ($daysLeft -gt 4) { $stageDays = 4 } elseif ($daysLeft -gt 2) { $stageDays = 2 } }',
    '  }',
    "  if ($stageDays -eq 0) { throw 'The current auth certificate expires within 2 days: set $emergency = $true and run the script again.' }",
    '  Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date).AddDays($stageDays)',
    '  Get-AuthConfig | Format-List CurrentCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate',
    '}',
  );
  script.comment('Later, not now: after the effective date, check Get-AuthConfig shows the new certificate as current; once every partner');
  script.comment('(Exchange Online through the HCW, SharePoint, Skype for Business) uses it, clear the old one: Set-AuthConfig -ClearPreviousCertificate');
}

/** The immediate switch: only when the current certificate has expired or is missing (ReplaceExpiredAuthCertificate). */
function emergency(script: Script): void {
  script.section('EMERGENCY ONLY: switch now ($emergency = $true) (OA-EX-04, S26)');
  script.comment('For an expired or missing current certificate: makes the new one current at once, as MonitorExchangeAuthCertificate -ReplaceExpiredAuthCertificate does.');
  script.comment('Tokens signed with the old certificate stop working at once; publishing can take about an hour to reach every server.');
  const warning = script.disruptionLine(DISRUPTION.owaEcp);
  script.code(
    'if ($emergency) {',
    `  ${warning}`,
    '  Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date)',
    '  Set-AuthConfig -PublishCertificate',
    '  Set-AuthConfig -ClearPreviousCertificate',
    '  # On every Mailbox/CAS server: MSExchangeServiceHost, then the OWA and ECP application pools.',
    '  foreach ($exchangeServer in $exchangeServers) {',
    '    Invoke-Command -ComputerName $exchangeServer -ScriptBlock {',
    '      Restart-Service -Name MSExchangeServiceHost',
    '      Import-Module WebAdministration',
    "      Restart-WebAppPool -Name 'MSExchangeOWAAppPool'",
    "      Restart-WebAppPool -Name 'MSExchangeECPAppPool'",
    '    }',
    '  }',
    '}',
  );
}
