// Exchange UM / UM Call Router certificate for Lync/SfB integration (domain-rules §1).
// The certificate's CN is the FQDN of the server it is enabled on (UM-01), so a certificate is
// only ever enabled on the one server the script targets. Exchange 2013 splits UM: the Mailbox
// server runs the Unified Messaging service, the Client Access server the UM Call Router, each
// with its own certificate (Deploy certificates for UM, S3): the script enables on $server what
// $server runs, and names the other Exchange 2013 Client Access servers that need a script of
// their own. Written for the product's shell: Windows PowerShell 2.0 for Exchange 2010.
import { validateFqdn } from '../powershell/validate.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import { cnCheck } from './cnCheck.js';
import { DISRUPTION } from './disruption.js';
import { exchangeImport } from './importSteps.js';
import type { ResolvedOptions } from './options.js';
import { Script } from './script.js';
import { assertServerVersion, runtimeVersionGuard } from './serverVersion.js';

const isCas = (r: string) => /^(CAS|ClientAccess|UMCallRouter)$/i.test(r.trim());

function refuseOrWarn(o: ResolvedOptions, script: Script): void {
  // UM-11: Exchange 2019 has no Unified Messaging.
  if (o.exchangeVersion === '2019') {
    throw new UnsafeValueError('unsupported', '--exchange-version', 'Exchange 2019 has no Unified Messaging (UM-11); there is no UM certificate to assign.');
  }
  assertServerVersion(o);
  if (o.sfbVersion === 'SfB2019' && !o.sfbVersionAssumed) {
    // Microsoft's pages disagree: SfB Server 2019's "what's new" keeps Exchange UM with Exchange
    // 2013/2016, other pages name Cloud Voicemail as its replacement (UM-11): warn, not refuse.
    script.notice('Skype for Business Server 2019 with Exchange UM: Microsoft pages disagree on support (UM-11); SfB 2019 lists Exchange UM with Exchange 2013/2016, others name Cloud Voicemail instead. Confirm before relying on it.');
  }
}

export function umScript(o: ResolvedOptions, script: Script): void {
  refuseOrWarn(o, script);
  const umServer = o.server;
  script.section('Values');
  script.assign('server', umServer, '--server',
    'no UM server given and none with the UM role in the environment; set $server to the UM server FQDN.');
  if (!umServer) script.code("if (-not $server) { throw 'Set $server to the FQDN of the UM server first.' }");
  script.assign('thumbprint', o.thumbprint, '--thumbprint');
  if (o.thumbprintNote) script.comment(o.thumbprintNote);
  script.assign('pfxPath', o.pfxPath, '--pfx');
  script.comment('UM-01: the certificate CN must be this server FQDN (the server FQDN is used for the subject name); UM-02: no wildcard CN; UM-04: not self-signed.');
  script.comment('This certificate is enabled on $server only: every UM / UM Call Router server gets its own certificate with its own CN.');
  if (o.exchangeVersion === '2013') otherCallRouters(o, script);
  script.code('$exchangeServer = Get-ExchangeServer -Identity $server', runtimeVersionGuard(o.exchangeVersion));

  exchangeImport(script, o, { exportable: false });
  script.code(
    '$umCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint',
    cnCheck('$umCert', '$server', "('UM-01: the CN is not ' + $server + '; Lync will refuse the UM server (no MWI, no play-on-phone, no greeting for Edge users).')"),
    "if ($umCert.Subject -eq $umCert.Issuer) { Write-Warning 'UM-04: the certificate is self-signed; Lync will not trust it.' }",
  );

  if (o.exchangeVersion === '2010' || o.exchangeVersion === '2010SP1') exchange2010(script);
  else if (o.exchangeVersion === '2013') exchange2013(script);
  else exchange2016(script);
}

function exchange2010(script: Script): void {
  script.section('Precondition: UM startup mode (UM-06)');
  script.comment('UMStartupMode must be TLS or Dual before the certificate can be enabled for UM (UM-06, S4).');
  script.comment('Exchange 2010 names the cmdlet Set-UMServer (product documentation for 2010; not in the CertBench reference).');
  script.code('Set-UMServer -Identity $server -UMStartupMode Dual', 'Get-UMServer -Identity $server | Format-List Name,UMStartupMode');
  script.section('Assign the certificate to UM (UM-05)');
  script.code(
    'Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services UM',
    '(Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services',
  );
  script.section('Restart (UM-05)');
  script.disruption(DISRUPTION.um);
  script.code(
    'Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUM }',
    'Get-Service -ComputerName $server -Name MSExchangeUM | Format-Table Name,Status',
  );
}

/** Exchange 2013: the other Client Access servers the environment lists each need their own certificate and script. */
function otherCallRouters(o: ResolvedOptions, script: Script): void {
  const others = (o.env.exchangeServers ?? [])
    .filter((s) => s.version === '2013' && (s.roles ?? []).some(isCas) && s.fqdn.trim().toLowerCase() !== o.server)
    .map((s, i) => validateFqdn(s.fqdn, `environment exchangeServers[${i}].fqdn`));
  for (const cas of others) {
    script.notice(`${cas} runs the UM Call Router (Exchange 2013 Client Access): it needs its own certificate whose CN is ${cas}; write its script with that server chosen.`);
  }
}

function exchange2013(script: Script): void {
  script.section('Which UM services this server runs (UM-05, S3)');
  script.comment('Exchange 2013: the Unified Messaging service runs on the Mailbox server, the UM Call Router on the Client Access server.');
  script.comment('A multi-role server runs both with this one certificate; a separate Client Access server needs its own certificate and script.');
  script.code(
    '$serverRoles = [string]$exchangeServer.ServerRole',
    '$umServices = @()',
    "if ($serverRoles -match 'Mailbox') { $umServices += 'UM' }",
    "if ($serverRoles -match 'ClientAccess') { $umServices += 'UMCallRouter' }",
    "if ($umServices.Count -eq 0) { throw ($server + ' has neither the Mailbox nor the Client Access role: no UM service to assign.') }",
  );
  script.section('Precondition: UM startup mode (UM-06)');
  script.comment('UMStartupMode must be TLS or Dual before enabling, or Enable-ExchangeCertificate refuses the UM services (UM-06, S4, S3).');
  script.code(
    "if ($umServices -contains 'UM') {",
    '  Set-UMService -Identity $server -UMStartupMode Dual',
    '  Get-UMService -Identity $server | Format-List Name,UMStartupMode',
    '}',
    "if ($umServices -contains 'UMCallRouter') {",
    '  Set-UMCallRouterSettings -Server $server -UMStartupMode Dual',
    '  Get-UMCallRouterSettings -Server $server | Format-List UMStartupMode',
    '}',
  );
  script.section('Assign the certificate (UM-05, S3)');
  script.comment('-Services UM on a Mailbox server, UMCallRouter on a Client Access server, both on a multi-role server (add SMTP/IIS only if this certificate should serve them).');
  script.code(
    "Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services ($umServices -join ',')",
    '(Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services',
  );
  script.section('Restart (UM-05)');
  script.comment('On a Mailbox server: MSExchangeUM; on a Client Access server: MSExchangeUMCR.');
  const umWarning = script.disruptionLine(DISRUPTION.um);
  const umcrWarning = script.disruptionLine(DISRUPTION.umCallRouter);
  script.code(
    "if ($umServices -contains 'UM') {",
    `  ${umWarning}`,
    '  Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUM }',
    '}',
    "if ($umServices -contains 'UMCallRouter') {",
    `  ${umcrWarning}`,
    '  Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUMCR }',
    '}',
    "Get-Service -ComputerName $server -Name 'MSExchangeUM', 'MSExchangeUMCR' -ErrorAction SilentlyContinue | Format-Table Name,Status",
  );
}

function exchange2016(script: Script): void {
  // Exchange 2016: both UM services live on the Mailbox server.
  script.section('Precondition: UM startup mode (UM-06)');
  script.comment('UMStartupMode must be TLS or Dual before enabling, or Enable-ExchangeCertificate refuses the UM services (UM-06, S4, S3).');
  script.code(
    'Set-UMService -Identity $server -UMStartupMode Dual',
    'Set-UMCallRouterSettings -Server $server -UMStartupMode Dual',
    'Get-UMService -Identity $server | Format-List Name,UMStartupMode',
    'Get-UMCallRouterSettings -Server $server | Format-List UMStartupMode',
  );
  script.section('Assign the certificate (UM-05)');
  script.comment('Exchange 2016 runs UM and the UM Call Router on the Mailbox server: -Services UM,UMCallRouter (UM-05).');
  script.code(
    'Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services UM,UMCallRouter',
    '(Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services',
  );
  script.section('Restart (UM-05)');
  script.disruption(DISRUPTION.um);
  script.disruption(DISRUPTION.umCallRouter);
  script.code(
    "Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name 'MSExchangeUM', 'MSExchangeUMCR' }",
    "Get-Service -ComputerName $server -Name 'MSExchangeUM', 'MSExchangeUMCR' | Format-Table Name,Status",
  );
}
