// Exchange 2013+ OAuth (server-to-server) certificate (OA-EX-01..05): create it, make it the
// next auth certificate, publish it, clear the previous one, restart, verify on every server.
import { EXCHANGE_AUTH_SUBJECT } from '../csr/roles.js';
import { psArray } from '../powershell/quote.js';
import { validateThumbprint } from '../powershell/validate.js';
import { exchangeServerFqdns, type ResolvedOptions } from './options.js';
import { Script } from './script.js';

export function exchangeAuthScript(o: ResolvedOptions, script: Script): void {
  if (o.exchangeVersion === '2010' || o.exchangeVersion === '2010SP1') {
    script.warning('Exchange 2010 has no Auth certificate / Set-AuthConfig; OAuth needs Exchange 2013 or later (OA-EX-01).');
  }
  const servers = exchangeServerFqdns(o.env);
  const current = o.env.authConfig?.currentCertificateThumbprint;
  script.section('Values');
  script.assign('server', o.server, '--server', 'no server given; the new certificate is made on the server this shell runs on.');
  script.assign('thumbprint', o.thumbprint, '--thumbprint');
  if (o.thumbprintNote) script.comment(o.thumbprintNote);
  if (current) {
    const t = validateThumbprint(current, 'environment authConfig.currentCertificateThumbprint');
    script.comment(`The environment records the current auth certificate as ${t.value} (Get-AuthConfig).`);
  }
  if (servers.length > 0) script.code(`$exchangeServers = ${psArray(servers, 'environment exchangeServers')}`);
  else {
    script.warning('the environment lists no Exchange servers; the check below uses Get-ExchangeServer.');
    script.code('$exchangeServers = @(Get-ExchangeServer | Where-Object { $_.AdminDisplayVersion -ge \'Version 15.0\' } | ForEach-Object { $_.Fqdn })');
  }

  if (!o.thumbprint) {
    script.section('Create the certificate (OA-EX-01, S24, S25)');
    script.comment('Self-signed, fixed subject, no SAN, 2048-bit exportable key; FriendlyName equal to the subject text.');
    script.comment('If Exchange asks to overwrite the default SMTP certificate, answer No (OA-EX-04).');
    const serverParam = o.server ? ' -Server $server' : '';
    script.code(
      `$authCert = New-ExchangeCertificate${serverParam} -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=${EXCHANGE_AUTH_SUBJECT}' -FriendlyName '${EXCHANGE_AUTH_SUBJECT}' -DomainName @()`,
      '$thumbprint = $authCert.Thumbprint',
      '$authCert | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey',
    );
  } else {
    script.section('Use the given certificate (OA-EX-01)');
    script.code(
      `$authCert = Get-ExchangeCertificate${o.server ? ' -Server $server' : ''} -Thumbprint $thumbprint`,
      "if (-not $authCert.HasPrivateKey) { throw 'OA-EX-03: the certificate has no private key on this server.' }",
    );
  }

  script.section('Make it the auth certificate (OA-EX-04, S26)');
  script.code(
    '# Effective now; publishing can take about an hour to reach every server.',
    'Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date)',
    'Set-AuthConfig -PublishCertificate',
    'Set-AuthConfig -ClearPreviousCertificate',
    '# Verify',
    'Get-AuthConfig | Format-List CurrentCertificateThumbprint,PreviousCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate',
  );

  script.section('Restart (OA-EX-04)');
  script.comment('On every Mailbox/CAS server: MSExchangeServiceHost, then the OWA and ECP application pools (or IISReset).');
  script.code(
    'foreach ($exchangeServer in $exchangeServers) {',
    '  Invoke-Command -ComputerName $exchangeServer -ScriptBlock {',
    '    Restart-Service -Name MSExchangeServiceHost',
    '    Import-Module WebAdministration',
    "    Restart-WebAppPool -Name 'MSExchangeOWAAppPool'",
    "    Restart-WebAppPool -Name 'MSExchangeECPAppPool'",
    '  }',
    '}',
  );

  script.section('Verify on every server (OA-EX-03, S24, S25)');
  script.comment('The current auth certificate, with its key, must be on every Mailbox/CAS server; otherwise OWA/ECP break (Event 1003, OA-EX-05).');
  script.code(
    'foreach ($exchangeServer in $exchangeServers) {',
    '  (Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate -Server $exchangeServer | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey',
    '}',
  );
  script.comment('Hybrid (OA-EX-04): re-run the Hybrid Configuration Wizard after changing the auth certificate.');
}
