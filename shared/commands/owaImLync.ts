// The Lync / Skype for Business side of OWA IM (IM-06, S11): a trusted application pool named
// like the OWA certificate, registered with the Front End pool, in that pool's site, and the
// OutlookWebApp trusted application on port 5199. PowerShell 4.0 (Lync 2013 / SfB 2015).
//
// -Site takes the SiteId, not the site Identity (New-CsTrustedApplicationPool, parameter Site:
// "you must use the SiteId property rather than the Identity of the site"). Get-CsPool's Site
// is the site's Identity ("Site:Redmond"), and Get-CsSite -Identity wants the bare name, so the
// script finds the site by comparing Identities and takes its SiteId.
//
// The SipName exception (IM-06; seed 004, the Lync team's "When to have a Lync Trusted
// Application Pool for Exchange OWA IM Integration"): Lync adds every Exchange server that hosts
// a SipName UM dial plan to its known servers table by itself (version 0). A trusted application
// pool under the same FQDN adds a second entry (version 6 on Lync 2013): event 14563, both
// entries dropped, UM and OWA IM stop. That depends on the server hosting the dial plan
// (`hostsSipNameDialPlan`) and the pool's name, not on the roles listed for the server.
import type { Environment } from '../environment/types.js';
import { psArray } from '../powershell/quote.js';
import { validateFqdn } from '../powershell/validate.js';
import type { ResolvedOptions } from './options.js';
import type { Script } from './script.js';

/** The environment's Exchange servers that host a SipName UM dial plan (validated FQDNs). */
export function sipNameDialPlanHosts(env: Environment): string[] {
  return (env.exchangeServers ?? []).flatMap((s, i) => (s.hostsSipNameDialPlan ? [validateFqdn(s.fqdn, `environment exchangeServers[${i}].fqdn`)] : []));
}

function requireValue(script: Script, name: string): void {
  script.code(`if (-not ([string]$${name}).Trim()) { throw 'Set $${name} first (see the WARNING above).' }`);
}

function skippedForSipName(script: Script, host: string): void {
  script.warning(
    `${host} hosts a SipName UM dial plan, and the OWA trusted application pool would have the same name: do NOT create the pool. Lync already knows this server from the dial plan; a second entry for it logs event 14563 on the Front End and drops both, which stops UM and OWA IM (IM-06).`,
  );
  script.code('# Skipped: New-CsTrustedApplicationPool / New-CsTrustedApplication / Enable-CsTopology (IM-06 exception).');
  script.comment('Verify: no trusted application pool exists under this name. If one does (event 14563 on the Front End), remove it with');
  script.comment('Remove-CsTrustedApplicationPool -Identity <name> and Enable-CsTopology, and create it again only when the server stops hosting a SipName dial plan.');
  script.code(
    '$conflictingPool = @(Get-CsTrustedApplicationPool | Where-Object { $_.PoolFqdn -eq $owaPoolFqdn })',
    "if ($conflictingPool.Count -gt 0) { Write-Warning ('IM-06: a trusted application pool ' + $owaPoolFqdn + ' exists although the server hosts a SipName dial plan: expect event 14563.') } else { Write-Host 'No trusted application pool for this name: as it should be.' }",
  );
}

export function owaImLync(o: ResolvedOptions, script: Script, poolFqdn: string | undefined): void {
  const registrar = o.env.sfbPools?.[0]?.fqdn ?? o.env.owaIm?.imServerName;
  script.section(`PART 2, Lync / Skype for Business (${o.sfbVersion}): trusted application pool (IM-06, S11)`);
  if (o.sfbVersionAssumed) script.warning('no Lync/SfB version given or in the environment; assuming SfB2015.');
  script.comment('Run this part in the Lync Server Management Shell (a new session: the values are set again). The pool FQDN must be the name in the certificate Subject and SAN.');
  script.code("$ErrorActionPreference = 'Stop'");
  script.assign('owaPoolFqdn', poolFqdn, 'environment owaIm.trustedApplicationPoolFqdn', 'set $owaPoolFqdn to the OWA trusted application pool FQDN (IM-06).');
  requireValue(script, 'owaPoolFqdn');

  const hosts = sipNameDialPlanHosts(o.env);
  const conflict = poolFqdn === undefined ? undefined : hosts.find((h) => h === poolFqdn);
  if (conflict) {
    skippedForSipName(script, conflict);
    return;
  }
  if (hosts.length > 0) {
    script.comment(`${hosts.join(', ')} host${hosts.length === 1 ? 's' : ''} a SipName UM dial plan: Lync knows them already, so the pool must never be named after one of them (IM-06, event 14563).`);
    script.code(`if (${psArray(hosts, 'environment exchangeServers[].fqdn')} -contains $owaPoolFqdn) { throw 'IM-06: this server hosts a SipName UM dial plan; do not create a trusted application pool under its name (event 14563).' }`);
  }

  script.assign('registrar', registrar === undefined ? undefined : validateFqdn(registrar, 'environment sfbPools[0].fqdn'), 'environment sfbPools[0].fqdn',
    'the environment lists no Lync/SfB pool; set $registrar to the Front End pool FQDN.');
  requireValue(script, 'registrar');
  script.comment('-Site takes the SiteId of the registrar pool\'s site, not its Identity (New-CsTrustedApplicationPool).');
  script.code(
    '$registrarSite = [string](Get-CsPool -Identity $registrar).Site',
    '$site = @(Get-CsSite | Where-Object { [string]$_.Identity -eq $registrarSite })',
    "if ($site.Count -ne 1) { throw ('No single Lync site ' + $registrarSite + ' for ' + $registrar + ' (Get-CsSite).') }",
    '$siteId = $site[0].SiteId',
    "Write-Host ('Site ' + $registrarSite + ', SiteId ' + $siteId)",
  );
  script.comment('Renewal: the pool and the application stay; only a first setup creates them.');
  script.code(
    'if (@(Get-CsTrustedApplicationPool | Where-Object { $_.PoolFqdn -eq $owaPoolFqdn }).Count -eq 0) {',
    '  New-CsTrustedApplicationPool -Identity $owaPoolFqdn -Registrar $registrar -Site $siteId -RequiresReplication $false',
    '}',
    "if (@(Get-CsTrustedApplication | Where-Object { $_.TrustedApplicationPoolFqdn -eq $owaPoolFqdn -and $_.ApplicationId -match 'OutlookWebApp' }).Count -eq 0) {",
    '  New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn $owaPoolFqdn -Port 5199',
    '}',
    'Enable-CsTopology',
    '# Verify',
    'Get-CsTrustedApplicationPool -Identity $owaPoolFqdn | Format-List Identity,PoolFqdn,Registrar,SiteId,RequiresReplication',
    'Get-CsTrustedApplication | Where-Object { $_.TrustedApplicationPoolFqdn -eq $owaPoolFqdn } | Format-List Identity,Port',
  );
  script.comment('If IM still fails, trace SIPStack on the Front End (IM-06).');
}
