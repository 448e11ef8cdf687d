// The collector: a read-only Windows PowerShell script that writes one CertBench snapshot
// (contract v1, ../shared/docs/estate.md). Generated, not templated with values: nothing from
// the user enters the script, so there is nothing to quote. The text is ASCII only (Windows
// PowerShell reads a BOM-less .ps1 in the ANSI code page, where a typographic dash would become
// a different character) and runs on Windows PowerShell 3.0+, written for 4.0 (no ::new(),
// no classes, no PowerShell 5+ syntax). test/collector/ parses it with a real PowerShell grammar
// and lists every command, method and .NET type it calls.
//
// Sources (Microsoft docs, MicrosoftDocs/office-docs-powershell, checked 2026-12-02; paths under
// exchange/exchange-ps/ExchangePowerShell/ and skype/skype-ps/SkypeForBusiness/):
// - Get-ExchangeServer (2010-SE): Name, Fqdn; AdminDisplayVersion "Version 15.2 (Build 986.5)",
//   ServerRole, Site as printed in CSS-Exchange's Export-Clixml test data (MIT); SE from build
//   15.2.2562 (server-output.md).
// - Get-ExchangeCertificate -Server (2010-SE, Thumbprint parameter set): Thumbprint, Services
//   (None, Federation, IIS, IMAP, POP, SMTP, UM, UMCallRouter), Status, HasPrivateKey,
//   PrivateKeyExportable, RootCAType, FriendlyName, Subject, Issuer, NotBefore, NotAfter,
//   CertificateDomains, PublicKeySize, IsSelfSigned, RawData (Get-ExchangeCertificate.md).
// - Get-AuthConfig (2013-SE): Current/Previous/NextCertificateThumbprint,
//   NextCertificateEffectiveDate (Get-AuthConfig.md; CSS-Exchange MonitorExchangeAuthCertificate).
// - Get-SettingOverride (2013-SE): ComponentName OwaServer, SectionName IMSettings, Parameters
//   IMServerName= / IMCertificateThumbprint=, Server (New-SettingOverride.md example; MS Learn
//   "Configure instant messaging integration with Outlook on the web").
// - Get-OwaVirtualDirectory [-ADPropertiesOnly] (2010-SE): InstantMessagingType,
//   InstantMessagingEnabled, InstantMessagingCertificateThumbprint, InstantMessagingServerName
//   (Get-/Set-OwaVirtualDirectory.md); Exchange 2013 reads IMCertificateThumbprint / IMServerName
//   from %ExchangeInstallPath%ClientAccess\Owa\web.config (same MS Learn article, 2013 version).
// - Get-UMService -Identity, Get-UMCallRouterSettings -Server (2013, 2016), Get-UMServer -Identity
//   (2010): UMStartupMode (Set-UMService.md, Set-UMCallRouterSettings.md, Set-UMServer.md).
// - Get-TransportService -Identity (2013-SE), Get-TransportServer -Identity (2010):
//   InternalTransportCertificateThumbprint (CSS-Exchange HealthChecker).
// - Get-SendConnector: SourceTransportServers, Fqdn, TlsCertificateName; Get-ReceiveConnector
//   -Server: Fqdn, TlsCertificateName (Set-SendConnector.md, Set-ReceiveConnector.md, 2010-SE).
// - Get-HybridConfiguration (2010-SE): TlsCertificateName (Set-HybridConfiguration.md).
// - Get-OrganizationConfig (2010-SE): Name.
// - Get-CsPool (Lync 2010-SfB 2019): Fqdn, Site, Computers, Services (Get-CsPool.md).
// - Get-CsService, Get-CsService -EdgeServer: PoolFqdn, AccessEdgeExternalFqdn,
//   DataEdgeExternalFqdn, AVEdgeExternalFqdn, InternalInterfaceFqdn, Version (Get-CsService.md
//   and its example output; Microsoft onpremdiag SfBServer mocks, MIT). The Version number is
//   written as serviceVersion without mapping it to a product name (the mapping is unverified).
// - Get-CsSipDomain: Name. Get-CsTrustedApplication: ApplicationId, TrustedApplicationPoolFqdn.
//   Get-CsTrustedApplicationPool: PoolFqdn, Registrar (Get-CsTrustedApplication*.md).
// - Get-CsCertificate: "returns information about certificates on the local computer" - Use,
//   Thumbprint, PreviousThumbprint, EffectiveDate, Subject, Issuer, NotBefore, NotAfter,
//   AlternativeNames (Get-CsCertificate.md; server-output.md), hence Invoke-Command
//   -ComputerName -ScriptBlock per computer; RawData from the Cert: drive (Get-Item).
// - ConvertTo-Json -InputObject -Depth (PowerShell 3.0+); [System.IO.File]::WriteAllText with
//   UTF8Encoding($false) for UTF-8 without BOM.
import { PS_PRELUDE } from './psCommon.js';
import { PS_EXCHANGE } from './psExchange.js';
import { PS_SKYPE } from './psSkype.js';
import { PS_WRITE } from './psWrite.js';
import { READ_ONLY_FACTS, whereToRun, type CollectParts } from './howToRun.js';

/** The collector's own version, written in the script header and in the snapshot's `collector`. */
export const COLLECTOR_VERSION = 1;

export type CollectScriptOptions = CollectParts;

function header(parts: CollectParts): string {
  const what = parts.exchange && parts.skype ? 'Exchange Server and Lync / Skype for Business Server' : parts.exchange ? 'Exchange Server' : 'Lync / Skype for Business Server';
  const lines = [
    `CertBench collector, version ${COLLECTOR_VERSION}: writes a CertBench snapshot (certbench-snapshot, version 1)`,
    `of ${what}: every server's certificates (public part only) and the settings that name them.`,
    '',
    'READ-ONLY.',
    ...READ_ONLY_FACTS,
    '',
    'Where to run it:',
    ...whereToRun(parts),
    '',
    'How: in the folder that holds this file (use the name you saved it under):',
    '  Unblock-File -Path .\\certbench-collect.ps1',
    '  .\\certbench-collect.ps1',
    'Optional: -OutFile C:\\path\\snapshot.json (default: certbench-snapshot-<computer>-<UTC time>.json next to this file).',
    'Needs Windows PowerShell 3.0 or later; remote servers are read through PowerShell remoting (Invoke-Command).',
  ];
  return lines.flatMap((l) => (l === '' ? ['#'] : wrap(l).map((w) => `# ${w}`))).join('\n') + '\n';
}

/** Word-wraps a header line at about 100 characters; continuation lines are indented. */
function wrap(line: string, width = 98): string[] {
  if (line.length <= width) return [line];
  const indent = line.match(/^\s*/)![0] + '  ';
  const out: string[] = [];
  let current = '';
  for (const word of line.trim().split(' ')) {
    const prefix = out.length === 0 ? line.match(/^\s*/)![0] : indent;
    if (current !== '' && prefix.length + current.length + 1 + word.length > width) {
      out.push(prefix + current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  out.push((out.length === 0 ? line.match(/^\s*/)![0] : indent) + current);
  return out;
}

/**
 * The collector script for the chosen products. At least one part must be chosen; the CLI turns
 * "neither flag" into both.
 */
export function collectScript(parts: CollectScriptOptions): string {
  if (!parts.exchange && !parts.skype) throw new Error('collectScript: choose Exchange, Skype for Business, or both.');
  const sections = [header(parts), PS_PRELUDE];
  if (parts.exchange) sections.push(PS_EXCHANGE);
  if (parts.skype) sections.push(PS_SKYPE);
  if (!parts.exchange) sections.push('$exchange = $null\n$organization = $null\n');
  if (!parts.skype) sections.push('$skype = $null\n');
  sections.push(PS_WRITE);
  return sections.join('\n');
}
