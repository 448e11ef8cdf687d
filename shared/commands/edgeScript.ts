// Lync/SfB Edge certificates (domain-rules §3): external (Access, Web Conferencing, A/V
// authentication) and internal. Run in the Lync Server Management Shell on each Edge server.
import { validateFqdn } from '../powershell/validate.js';
import { cnCheck } from './cnCheck.js';
import { DISRUPTION } from './disruption.js';
import { lyncImport } from './importSteps.js';
import type { ResolvedOptions } from './options.js';
import { Script } from './script.js';
import { effectiveDateSteps } from './staging.js';

function values(o: ResolvedOptions, script: Script): void {
  script.section('Values');
  script.assign('thumbprint', o.thumbprint, '--thumbprint');
  if (o.thumbprintNote) script.comment(o.thumbprintNote);
  script.assign('pfxPath', o.pfxPath, '--pfx');
}

export function edgeExternalScript(o: ResolvedOptions, script: Script): void {
  const pool = o.env.edgePools?.[0];
  values(o, script);
  script.comment('EDGE-01: public CA; EDGE-02: CN = Access Edge FQDN, never a wildcard; EDGE-03: SAN = Access Edge + Web Conferencing Edge + sip.<domain> per SIP domain.');
  if (!pool?.accessEdgeFqdn) script.warning('the environment has no edgePools[].accessEdgeFqdn; check the certificate CN against the Access Edge FQDN yourself (EDGE-02).');
  else script.assign('accessEdgeFqdn', validateFqdn(pool.accessEdgeFqdn, 'environment edgePools[0].accessEdgeFqdn'), 'environment edgePools[0].accessEdgeFqdn');
  script.comment('EDGE-04: the key is exportable and every Edge server of the pool gets this same PFX (A/V authentication).');
  if (o.sfbVersion === 'SfB2015') script.comment('EDGE-06: with XMPP federation (SfB 2015 only) the SAN also needs xmpp.<domain> and *.<domain>.');
  lyncImport(script, o, { exportable: true });
  if (pool?.accessEdgeFqdn) {
    script.code(cnCheck('$pfxCertificate', '$accessEdgeFqdn', "('EDGE-02: the CN is not ' + $accessEdgeFqdn)"));
  }

  if (!o.roll) {
    script.section('Assign (EDGE-05, S20)');
    script.code(
      'Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Thumbprint $thumbprint',
      '# Verify',
      'Get-CsCertificate | Format-Table Use,Thumbprint,Subject,NotAfter,EffectiveDate -AutoSize',
    );
    script.comment('Renewing while A/V calls run? Write the staged variant instead: A/V authentication with -Roll -EffectiveDate (EDGE-05, S21).');
    restartEdge(script);
    return;
  }
  script.section('Assign Access and Web Conferencing now (EDGE-05, S20)');
  script.code('Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal -Thumbprint $thumbprint');
  script.section('Stage A/V authentication (EDGE-05, S21)');
  script.comment('A/V authentication tokens live 8 h: the old certificate must stay valid at least 8 h after the roll.');
  effectiveDateSteps(script, o, 'AudioVideoAuthentication', 8, '');
  script.code(
    'Set-CsCertificate -Type AudioVideoAuthentication -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate',
    '# Verify: the new certificate is listed with its EffectiveDate next to the current one.',
    'Get-CsCertificate -Type AudioVideoAuthentication | Format-Table Use,Thumbprint,NotAfter,EffectiveDate -AutoSize',
  );
  script.comment('Run this on every Edge server of the pool with the same PFX and the same $effectiveDate.');
  restartEdge(script);
  script.section('Later, not now: remove the previous A/V certificate');
  script.comment('Only after the OLD certificate has expired (it validates A/V tokens issued before the effective date until then):');
  script.comment('Remove-CsCertificate -Type AudioVideoAuthentication -Previous');
}

/** The Edge services read their certificates when they start (EDGE-05). */
function restartEdge(script: Script): void {
  script.section('Restart the Edge services (EDGE-05)');
  script.comment('The services load the newly assigned certificates when they start.');
  script.disruption(DISRUPTION.edgeServices);
  script.code('Stop-CsWindowsService', 'Start-CsWindowsService', 'Get-CsWindowsService | Format-Table Name,Status -AutoSize');
}

export function edgeInternalScript(o: ResolvedOptions, script: Script): void {
  const internal = o.env.edgePools?.[0]?.internalFqdn;
  values(o, script);
  script.comment('EDGE-07: SN = the Edge internal FQDN (or VIP); no SAN needed; internal or public CA; Server Authentication EKU.');
  if (internal) script.assign('edgeInternalFqdn', validateFqdn(internal, 'environment edgePools[0].internalFqdn'), 'environment edgePools[0].internalFqdn');
  else script.warning('the environment has no edgePools[].internalFqdn; check the certificate CN against the Edge internal FQDN yourself (EDGE-07).');
  lyncImport(script, o, { exportable: true });
  if (internal) {
    script.code(cnCheck('$pfxCertificate', '$edgeInternalFqdn', "('EDGE-07: the CN is not ' + $edgeInternalFqdn)"));
  }
  script.section('Assign (EDGE-07, S20)');
  script.code(
    'Set-CsCertificate -Type Internal -Thumbprint $thumbprint',
    '# Verify',
    'Get-CsCertificate -Type Internal | Format-List Use,Thumbprint,Subject,NotAfter',
  );
  restartEdge(script);
  script.comment('Replication to the Edge runs over HTTPS 4443 with this certificate: on a Front End, check the Edge is up to date.');
  script.code('# On a Front End: Get-CsManagementStoreReplicationStatus | Format-Table ReplicaFqdn,UpToDate,LastStatusReport');
}
