// Exchange UM / UM Call Router certificate for Lync/SfB integration (domain-rules §1).
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import { validateFqdn } from '../powershell/validate.js';
import { exchangeImport } from './importSteps.js';
import type { ResolvedOptions } from './options.js';
import { Script } from './script.js';

export function umScript(o: ResolvedOptions, script: Script): void {
  // UM-11: Exchange 2019 and SfB 2019 have no Exchange UM.
  if (o.exchangeVersion === '2019') {
    throw new UnsafeValueError('unsupported', '--exchange-version', 'Exchange 2019 has no Unified Messaging (UM-11); there is no UM certificate to assign.');
  }
  if (o.sfbVersion === 'SfB2019' && !o.sfbVersionAssumed) {
    throw new UnsafeValueError('unsupported', '--sfb-version', 'Skype for Business 2019 has no Exchange UM integration (UM-11, Cloud Voicemail replaces it); there is no UM certificate to assign.');
  }
  const umServer = o.server;
  script.section('Values');
  script.assign('server', umServer, '--server',
    'no UM server given and none with the UM role in the environment; set $server to the UM server FQDN.');
  if (!umServer) script.code("if (-not $server) { throw 'Set $server to the FQDN of the UM server first.' }");
  script.assign('thumbprint', o.thumbprint, '--thumbprint');
  if (o.thumbprintNote) script.comment(o.thumbprintNote);
  script.assign('pfxPath', o.pfxPath, '--pfx');
  script.comment('UM-01: the certificate CN must be this server FQDN (Lync ignores the SAN); UM-02: no wildcard CN; UM-04: not self-signed.');

  exchangeImport(script, o, { exportable: false });
  script.code(
    '$umCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint',
    "if ($umCert.Subject -notmatch ('^CN=' + [regex]::Escape($server) + '(,|$)')) { Write-Warning ('UM-01: the CN is not ' + $server + '; Lync will refuse the UM server (no MWI, no play-on-phone, no greeting for Edge users).') }",
    "if ($umCert.Subject -eq $umCert.Issuer) { Write-Warning 'UM-04: the certificate is self-signed; Lync will not trust it.' }",
  );

  if (o.exchangeVersion === '2010' || o.exchangeVersion === '2010SP1') {
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
    script.code(
      'Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUM }',
      'Get-Service -ComputerName $server -Name MSExchangeUM | Format-Table Name,Status',
    );
    return;
  }

  script.section('Precondition: UM startup mode (UM-06)');
  script.comment('UMStartupMode must be TLS or Dual before enabling, or Enable-ExchangeCertificate refuses the UM services (UM-06, S4, S3).');
  if (o.exchangeVersion === '2013') {
    const cas = o.env.exchangeServers?.find((s) => s.roles?.some((r) => /^(CAS|ClientAccess)$/i.test(r)) && s.version === '2013')?.fqdn;
    if (cas) script.assign('casServer', validateFqdn(cas, 'environment exchangeServers[].fqdn'), 'environment exchangeServers[].fqdn');
    else {
      script.warning('the environment names no Exchange 2013 Client Access server; using $server for the UM Call Router too.');
      script.code('$casServer = $server');
    }
    script.code(
      'Set-UMService -Identity $server -UMStartupMode Dual',
      'Set-UMCallRouterSettings -Server $casServer -UMStartupMode Dual',
      'Get-UMService -Identity $server | Format-List Name,UMStartupMode',
      'Get-UMCallRouterSettings -Server $casServer | Format-List UMStartupMode',
    );
    script.section('Assign the certificate (UM-05, S3)');
    script.comment('Exchange 2013: UM on the Mailbox server, UMCallRouter on the Client Access server (add SMTP/IIS only if this certificate should serve them).');
    script.code(
      'Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services UM',
      'Enable-ExchangeCertificate -Server $casServer -Thumbprint $thumbprint -Services UMCallRouter',
      '(Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services',
      '(Get-ExchangeCertificate -Server $casServer -Thumbprint $thumbprint).Services',
    );
    script.section('Restart (UM-05)');
    script.comment('On the Mailbox server: MSExchangeUM; on the Client Access server: MSExchangeUMCR.');
    script.code(
      "Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUM }",
      "Invoke-Command -ComputerName $casServer -ScriptBlock { Restart-Service -Name MSExchangeUMCR }",
      "Get-Service -ComputerName $server -Name MSExchangeUM | Format-Table Name,Status",
      "Get-Service -ComputerName $casServer -Name MSExchangeUMCR | Format-Table Name,Status",
    );
    return;
  }

  // Exchange 2016: both UM services live on the Mailbox server.
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
  script.code(
    'Invoke-Command -ComputerName $server -ScriptBlock { Restart-Service -Name MSExchangeUM, MSExchangeUMCR }',
    'Get-Service -ComputerName $server -Name MSExchangeUM, MSExchangeUMCR | Format-Table Name,Status',
  );
}
