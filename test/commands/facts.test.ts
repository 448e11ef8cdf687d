// Independent of the golden files: the facts each script must state, per role and version.
import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../shared/commands/commandsFor.js';
import { GOLDEN_CASES } from './cases.js';

const script = (name: keyof typeof GOLDEN_CASES) => commandsFor(GOLDEN_CASES[name]);

describe('script facts', () => {
  it('every script is plain ASCII, starts with a header and stops on errors', () => {
    for (const name of Object.keys(GOLDEN_CASES) as (keyof typeof GOLDEN_CASES)[]) {
      const s = script(name);
      expect(/^[\x09\x0A\x20-\x7E]*$/.test(s), name).toBe(true);
      expect(s.startsWith('# CertBench: '), name).toBe(true);
      expect(s).toContain("$ErrorActionPreference = 'Stop'");
    }
  });

  it('UM: startup mode before Enable-ExchangeCertificate, then the restarts (UM-05, UM-06)', () => {
    const s = script('exchange-um-2016');
    const order = ['Import-ExchangeCertificate', 'Set-UMService -Identity $server -UMStartupMode Dual', 'Set-UMCallRouterSettings -Server $server -UMStartupMode Dual', 'Enable-ExchangeCertificate -Server $server -Thumbprint $thumbprint -Services UM,UMCallRouter', "Restart-Service -Name 'MSExchangeUM', 'MSExchangeUMCR'"];
    const positions = order.map((o) => s.indexOf(o));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(s).toContain('-FileData ([IO.File]::ReadAllBytes($pfxPath))');
    expect(script('exchange-um-2013')).toContain("if ($serverRoles -match 'ClientAccess') { $umServices += 'UMCallRouter' }");
    expect(script('exchange-um-2010')).toContain('Set-UMServer -Identity $server -UMStartupMode Dual');
  });

  it('OWA IM per Exchange version (IM-01..IM-04) and the Lync side (IM-06)', () => {
    const rtm = script('owa-im-2010');
    expect(rtm).toContain("'IMPoolName'");
    expect(rtm).toContain("'IMCertificateIssuer' $Issuer");
    expect(rtm).toContain('-ArgumentList $imServerName, $imIssuer, $imSerial');
    expect(rtm).toContain("$imSerial = $imCert.SerialNumber -replace '(..)(?!$)', '$1 '");
    expect(script('owa-im-2010SP1')).toContain('-InstantMessagingCertificateThumbprint $thumbprint -InstantMessagingServerName $imServerName');
    expect(script('owa-im-2010SP1')).toContain('iisreset $owaServer /noforce');
    const e13 = script('owa-im-2013');
    expect(e13).toContain("'IMCertificateThumbprint' $Thumbprint");
    expect(e13).toContain("'IMServerName' $ImServerName");
    expect(e13).toContain('Set-OwaMailboxPolicy -InstantMessagingEnabled $true -InstantMessagingType OCS');
    const e16 = script('owa-im-2016');
    expect(e16).toContain("New-SettingOverride -Name 'IM Override' -Component OwaServer -Section IMSettings -Parameters $imParameters -Reason 'CertBench: OWA IM integration'\n");
    expect(e16).toContain('Set-SettingOverride');
    expect(e16).toContain('-Component VariantConfiguration -Argument Refresh');
    expect(e16).toContain("Restart-WebAppPool -Name 'MSExchangeOWAAppPool'");
    expect(e16).toContain("-Argument 'Config,Component=OwaServer'");
    expect(e16).toContain('New-CsTrustedApplicationPool -Identity $owaPoolFqdn -Registrar $registrar -Site $siteId -RequiresReplication $false');
    expect(e16).toContain('New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn $owaPoolFqdn -Port 5199');
    expect(e16).toContain('Enable-CsTopology');
    expect(script('owa-im-2019-lync2013')).toContain('# WARNING: Lync Server 2013 with Exchange 2016/2019 OWA IM integration is unsupported (IM-04');
    const sip = script('owa-im-sipname-exception');
    expect(sip).not.toMatch(/^\s*New-CsTrustedApplicationPool/m);
    expect(sip).toContain('do NOT create the pool');
    const empty = script('owa-im-empty-environment');
    expect(empty.match(/# WARNING:/g)!.length).toBeGreaterThanOrEqual(5);
    expect(empty).toContain("if (-not ([string]$thumbprint).Trim()) { throw");
  });

  it('Edge: external types, internal type, and A/V staging with -Roll -EffectiveDate (EDGE-05, EDGE-07)', () => {
    expect(script('edge-external')).toContain('Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Thumbprint $thumbprint');
    const roll = script('edge-external-roll');
    expect(roll).toContain('Set-CsCertificate -Type AudioVideoAuthentication -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate');
    expect(roll).toContain('$effectiveDate.AddHours(8)');
    expect(roll).toContain('Remove-CsCertificate -Type AudioVideoAuthentication -Previous');
    expect(script('edge-internal')).toContain('Set-CsCertificate -Type Internal -Thumbprint $thumbprint');
  });

  it('Exchange auth: new certificate, staged 30 days ahead; the immediate switch only as the emergency path; HCW (OA-EX-01, OA-EX-04)', () => {
    const s = script('exchange-auth-2016');
    const order = [
      "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -FriendlyName 'Microsoft Exchange Server Auth Certificate' -DomainName @()",
      '$stageDays = 30',
      'Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date).AddDays($stageDays)',
      'EMERGENCY ONLY',
      'Set-AuthConfig -NewCertificateThumbprint $thumbprint -NewCertificateEffectiveDate (Get-Date)\n',
      '  Set-AuthConfig -PublishCertificate',
      '  Set-AuthConfig -ClearPreviousCertificate',
      'Restart-Service -Name MSExchangeServiceHost',
      'Hybrid Configuration Wizard',
    ];
    const positions = order.map((o) => s.indexOf(o));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(script('exchange-auth-2019-existing')).not.toContain('New-ExchangeCertificate');
  });

  it('SfB OAuth: -Identity Global, once; staging 24 h with -Roll (OA-LY-01, OA-LY-04)', () => {
    const s = script('sfb-oauth-sfb2015');
    expect(s).toContain('Import-CsCertificate -Identity Global -Type OAuthTokenIssuer -Path $pfxPath');
    expect(s).toContain('# WARNING: the Front Ends recorded in the environment use different OAuthTokenIssuer certificates');
    const roll = script('sfb-oauth-roll-sfb2019');
    expect(roll).toContain('Set-CsCertificate -Identity Global -Type OAuthTokenIssuer -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate');
    expect(roll).toContain('$effectiveDate.AddHours(24)');
  });
});
