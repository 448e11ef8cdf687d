// Lync/SfB OAuthTokenIssuer (OA-LY-01..04): one certificate for all Front Ends, set once with
// -Identity Global and replicated by the Central Management Store.
import { validateFqdn, validateThumbprint } from '../powershell/validate.js';
import { lyncImport } from './importSteps.js';
import type { ResolvedOptions } from './options.js';
import { Script } from './script.js';
import { effectiveDateSteps } from './staging.js';

export function sfbOAuthScript(o: ResolvedOptions, script: Script): void {
  script.section('Values');
  script.assign('thumbprint', o.thumbprint, '--thumbprint');
  if (o.thumbprintNote) script.comment(o.thumbprintNote);
  script.assign('pfxPath', o.pfxPath, '--pfx');
  script.comment('OA-LY-02: at least 2048 bits; OA-LY-04: the key must be exportable; OA-LY-03: any subject (a SIP-domain subject is allowed, not required).');
  const recorded = Object.entries(o.env.oauthTokenIssuerThumbprints ?? {});
  for (const [fe, tp] of recorded) {
    const name = validateFqdn(fe, 'environment oauthTokenIssuerThumbprints');
    const t = validateThumbprint(tp, `environment oauthTokenIssuerThumbprints[${name}]`);
    script.comment(`Recorded OAuthTokenIssuer on ${name}: ${t.value}`);
  }
  if (new Set(recorded.map(([, tp]) => validateThumbprint(tp, 'environment oauthTokenIssuerThumbprints').value)).size > 1) {
    script.warning('the Front Ends recorded in the environment use different OAuthTokenIssuer certificates; they must all use the same one (OA-LY-01).');
  }

  if (!o.roll) {
    // OA-LY-04: Import-CsCertificate -Identity Global -Type OAuthTokenIssuer, once for the whole deployment.
    lyncImport(script, o, { exportable: true, global: 'OAuthTokenIssuer' });
    script.section('Verify the assignment (OA-LY-01, S22)');
    script.code('Get-CsCertificate -Type OAuthTokenIssuer | Format-List Identity,Use,Thumbprint,Subject,NotAfter');
    script.comment('Set it once for the whole deployment; do not repeat it per Front End.');
    script.comment('Renewing while the current certificate is still in use? Write the staged variant instead (-Roll -EffectiveDate, OA-LY-04, S21).');
  } else {
    lyncImport(script, o, { exportable: true });
    script.section('Stage the new certificate (OA-LY-04, S21)');
    script.comment('Exchange keeps OAuth tokens longer than Lync: roll at least 24 h before the old certificate expires.');
    effectiveDateSteps(script, 'OAuthTokenIssuer', 24, ' -Identity Global');
    script.code(
      'Set-CsCertificate -Identity Global -Type OAuthTokenIssuer -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate',
      '# Verify',
      'Get-CsCertificate -Type OAuthTokenIssuer | Format-Table Use,Thumbprint,NotAfter,EffectiveDate -AutoSize',
      '# Later, after the effective date has passed, remove the previous certificate:',
      '# Remove-CsCertificate -Type OAuthTokenIssuer -Previous',
    );
  }
  script.section('Verify replication to every Front End (OA-LY-01)');
  script.code('Get-CsManagementStoreReplicationStatus | Format-Table ReplicaFqdn,UpToDate,LastStatusReport -AutoSize');
  script.comment('On each Front End, Get-CsCertificate -Type OAuthTokenIssuer must show the same thumbprint.');
}
