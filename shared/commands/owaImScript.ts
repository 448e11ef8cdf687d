// OWA ↔ Lync/SfB IM integration (domain-rules §2): the Exchange side per version, then the
// Lync side (trusted application pool), with the SipName dial-plan exception.
import { psQuote } from '../powershell/quote.js';
import { validateFqdn, hostLabel } from '../powershell/validate.js';
import type { ResolvedOptions } from './options.js';
import { Script } from './script.js';
import { editWebConfig, webConfigFunction } from './webConfig.js';

function requireValues(script: Script, names: string[]): void {
  // Refuse to run with an empty value: the seed's `@("", "IMCertificateThumbprint=…")` mistake.
  for (const name of names) {
    script.code(`if ([string]::IsNullOrWhiteSpace($${name})) { throw 'Set $${name} first (see the WARNING above).' }`);
  }
}

export function owaImScript(o: ResolvedOptions, script: Script): void {
  const env = o.env;
  const exchangeServer = o.server;
  const imServer = env.owaIm?.imServerName ?? env.sfbPools?.[0]?.fqdn;
  const poolFqdn = env.owaIm?.trustedApplicationPoolFqdn ?? exchangeServer;

  script.section('Values');
  script.assign('server', exchangeServer, '--server', 'no Exchange server given; set $server to the Mailbox / Client Access server FQDN.');
  script.assign('imServerName', imServer === undefined ? undefined : validateFqdn(imServer, 'environment owaIm.imServerName'), 'environment owaIm.imServerName',
    'the environment has no owaIm.imServerName or Lync pool; set $imServerName to the Lync/SfB pool FQDN.');
  script.assign('owaPoolFqdn', poolFqdn === undefined ? undefined : validateFqdn(poolFqdn, 'environment owaIm.trustedApplicationPoolFqdn'), 'environment owaIm.trustedApplicationPoolFqdn',
    'the environment has no owaIm.trustedApplicationPoolFqdn; set $owaPoolFqdn to the name in the OWA certificate Subject and SAN (IM-06).');
  if (!env.owaIm?.trustedApplicationPoolFqdn && poolFqdn) {
    script.warning('the environment has no owaIm.trustedApplicationPoolFqdn; using the Exchange server FQDN. It must equal the certificate CN and be in its SAN (IM-06).');
  }
  script.assign('thumbprint', o.thumbprint, '--thumbprint',
    'no thumbprint given (nor owaIm.certificateThumbprint in the environment); set $thumbprint to the 40 hex characters of the certificate.');
  if (o.thumbprintNote) script.comment(o.thumbprintNote);
  requireValues(script, ['server', 'imServerName', 'owaPoolFqdn', 'thumbprint']);
  script.code("if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }");
  script.comment('IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.');

  const v = o.exchangeVersion;
  const lyncOld = o.sfbVersion === 'Lync2013';
  if (lyncOld && (v === '2016' || v === '2019')) {
    script.warning('Lync Server 2013 with Exchange 2016/2019 OWA IM integration is unsupported (IM-04, S12).');
  }
  if (o.exchangeVersionAssumed) script.warning('no Exchange version given or in the environment; assuming 2016.');

  if (v === '2010') {
    script.section('PART 1, Exchange 2010 RTM: web.config keys on each Client Access server (IM-01, S9)');
    script.comment('Run this part on every Client Access server. The issuer DN must match the certificate exactly; the serial is written in spaced byte pairs.');
    script.code(
      '$imCert = Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint',
      '$imIssuer = $imCert.Issuer',
      "$imSerial = $imCert.SerialNumber -replace '(..)(?!$)', '$1 '",
      "Write-Host ('Issuer: ' + $imIssuer + '  Serial: ' + $imSerial)",
    );
    webConfigFunction(script);
    editWebConfig(script, [
      ['IMPoolName', '$imServerName'],
      ['IMCertificateIssuer', '$imIssuer'],
      ['IMCertificateSerialNumber', '$imSerial'],
    ]);
    script.code(
      'Get-OwaVirtualDirectory -Server $server | Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true',
      'Import-Module WebAdministration',
      "Restart-WebAppPool -Name 'MSExchangeOWAAppPool'",
      '# Verify',
      'Get-OwaVirtualDirectory -Server $server | Format-List Identity,InstantMessaging*',
    );
    script.comment('Every Exchange update rewrites web.config: run this part again after each update (S9).');
  } else if (v === '2010SP1') {
    script.section('PART 1, Exchange 2010 SP1: Set-OwaVirtualDirectory (IM-02, S10)');
    script.comment('The thumbprint goes without spaces; then iisreset /noforce (S9).');
    script.code(
      'Get-OwaVirtualDirectory -Server $server | Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true -InstantMessagingCertificateThumbprint $thumbprint -InstantMessagingServerName $imServerName',
      'iisreset /noforce',
      '# Verify',
      'Get-OwaVirtualDirectory -Server $server | Format-List Identity,InstantMessaging*',
      '# The OWA mailbox policy overrides the virtual directory (S9): IM must be enabled there too.',
      'Get-OwaMailboxPolicy | Format-Table Name,InstantMessagingEnabled,InstantMessagingType',
    );
  } else if (v === '2013') {
    script.section('PART 1, Exchange 2013: front-end virtual directory (IM-03, S11)');
    script.code(
      'Get-OwaVirtualDirectory -Server $server | Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType OCS',
      'Get-OwaVirtualDirectory -Server $server | Format-List Identity,InstantMessaging*',
    );
    script.section('PART 1, Exchange 2013: Mailbox web.config keys (IM-03, S11)');
    script.comment('Run this part on every Mailbox server; the certificate must be in LocalMachine\\My there.');
    script.code("if (-not (Test-Path -LiteralPath ('Cert:\\LocalMachine\\My\\' + $thumbprint))) { throw 'IM-03: the certificate is not in LocalMachine\\My on this server.' }");
    webConfigFunction(script);
    editWebConfig(script, [
      ['IMCertificateThumbprint', '$thumbprint'],
      ['IMServerName', '$imServerName'],
    ]);
    script.code('Import-Module WebAdministration', "Restart-WebAppPool -Name 'MSExchangeOWAAppPool'");
    script.comment('Verify (IM-03): Event 112 (MSExchange OWA) appears and the Logging\\OWA\\InstantMessaging folder exists; if not, it failed.');
    script.code(
      "Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = 'MSExchange OWA'; Id = 112 } -MaxEvents 1",
      "Test-Path -LiteralPath (Join-Path $env:ExchangeInstallPath 'Logging\\OWA\\InstantMessaging')",
    );
    script.comment('Every Cumulative Update rewrites web.config: run this part again after each CU.');
  } else {
    script.section(`PART 1, Exchange ${v}: IM settings override (IM-04, S12, S13)`);
    script.comment('web.config edits are ignored on Exchange 2016/2019; the setting lives in Active Directory.');
    script.comment('The thumbprint must be the certificate assigned to IIS (IM-04).');
    script.code(
      "if ((Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint).Services -notmatch 'IIS') { Write-Warning 'IM-04: this certificate is not assigned to IIS on the server.' }",
      "$imParameters = @(('IMServerName=' + $imServerName), ('IMCertificateThumbprint=' + $thumbprint))",
      "$imOverride = Get-SettingOverride | Where-Object { $_.ComponentName -eq 'OwaServer' -and $_.SectionName -eq 'IMSettings' } | Select-Object -First 1",
      'if ($imOverride) {',
      "  # Renewal: change the existing override (Set-SettingOverride, IM-04).",
      "  $imOverride | Set-SettingOverride -Parameters $imParameters -Reason 'CertBench: OWA IM certificate renewal'",
      '} else {',
      `  New-SettingOverride -Name 'IM Override' -Component OwaServer -Section IMSettings -Parameters $imParameters -Reason 'CertBench: OWA IM integration'${exchangeServer ? ` -Server ${psQuote(hostLabel(exchangeServer), '--server')}` : ''}`,
      '}',
      "Get-ExchangeDiagnosticInfo -Server $server -Process Microsoft.Exchange.Directory.TopologyService -Component VariantConfiguration -Argument Refresh",
      'Import-Module WebAdministration',
      "Restart-WebAppPool -Name 'MSExchangeOWAAppPool'",
      '# Verify',
      "Get-SettingOverride | Where-Object { $_.SectionName -eq 'IMSettings' } | Format-List Name,Server,Parameters",
    );
    if (exchangeServer) script.comment('-Server takes the server name, not the FQDN (IM-04).');
    script.comment('Failure shows as "There\'s a problem with instant messaging"; HealthSet OWA.Protocol.Dep reports the thumbprint as null or empty (IM-04).');
  }

  lyncSide(o, script, poolFqdn === undefined ? undefined : validateFqdn(poolFqdn, 'environment owaIm.trustedApplicationPoolFqdn'));
}

function lyncSide(o: ResolvedOptions, script: Script, poolFqdn: string | undefined): void {
  const registrar = o.env.sfbPools?.[0]?.fqdn ?? o.env.owaIm?.imServerName;
  script.section(`PART 2, Lync / Skype for Business (${o.sfbVersion}): trusted application pool (IM-06, S11)`);
  if (o.sfbVersionAssumed) script.warning('no Lync/SfB version given or in the environment; assuming SfB2015.');
  script.comment('Run this part in the Lync Server Management Shell (a new session: the values are set again). The pool FQDN must be the name in the certificate Subject and SAN.');
  script.code("$ErrorActionPreference = 'Stop'");
  script.assign('owaPoolFqdn', poolFqdn, 'environment owaIm.trustedApplicationPoolFqdn', 'set $owaPoolFqdn to the OWA trusted application pool FQDN (IM-06).');
  // IM-06 exception: a UM + UM Call Router server hosting a SipName dial plan is auto-discovered by Lync.
  const sipNameServer = (o.env.exchangeServers ?? []).find(
    (s) =>
      s.hostsSipNameDialPlan &&
      (!o.server || s.fqdn.toLowerCase() === o.server) &&
      s.roles?.some((r) => /^UM$/i.test(r)) &&
      s.roles?.some((r) => /^UMCallRouter$/i.test(r)),
  );
  if (sipNameServer) {
    script.warning(
      `${validateFqdn(sipNameServer.fqdn, 'environment exchangeServers[].fqdn')} runs UM and the UM Call Router and hosts a SipName dial plan: do NOT create the trusted application pool. Lync discovers this server itself and a duplicate entry breaks OWA IM (IM-06; known servers table conflict, event 14563).`,
    );
    script.code('# Skipped: New-CsTrustedApplicationPool / New-CsTrustedApplication / Enable-CsTopology (IM-06 exception).');
    script.comment('Verify: no trusted application pool exists for this name (the list below must be empty).');
    script.code('Get-CsTrustedApplicationPool | Where-Object { $_.PoolFqdn -eq $owaPoolFqdn } | Format-List Identity,Registrar,Site');
    return;
  }
  script.assign('registrar', registrar === undefined ? undefined : validateFqdn(registrar, 'environment sfbPools[0].fqdn'), 'environment sfbPools[0].fqdn',
    'the environment lists no Lync/SfB pool; set $registrar to the Front End pool FQDN.');
  requireValues(script, ['owaPoolFqdn', 'registrar']);
  script.code(
    '# The site of the registrar pool (New-CsTrustedApplicationPool -Site).',
    '$site = (Get-CsPool -Identity $registrar).Site',
    'New-CsTrustedApplicationPool -Identity $owaPoolFqdn -Registrar $registrar -Site $site -RequiresReplication $false',
    'New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn $owaPoolFqdn -Port 5199',
    'Enable-CsTopology',
    '# Verify',
    'Get-CsTrustedApplicationPool -Identity $owaPoolFqdn | Format-List Identity,Registrar,Site,RequiresReplication',
    'Get-CsTrustedApplication | Where-Object { $_.TrustedApplicationPoolFqdn -eq $owaPoolFqdn } | Format-List Identity,Port',
  );
  script.comment('If IM still fails, trace SIPStack on the Front End (IM-06).');
}
