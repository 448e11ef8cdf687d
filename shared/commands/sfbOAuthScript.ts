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
    // OA-LY-04: the documented CMS parameter set, once for the whole deployment:
    // Import-CsCertificate -Identity Global -Type OAuthTokenIssuer -Path -Password.
    lyncImport(script, o, { exportable: true, global: 'OAuthTokenIssuer' });
    script.comment('Run it once, on one Front End: the replication service deploys the certificate to every Front End; do not repeat it per Front End (OA-LY-01, S22).');
    script.comment('Renewing while the current certificate is still in use? Write the staged variant instead (-Roll -EffectiveDate, OA-LY-04, S21).');
  } else {
    lyncImport(script, o, { exportable: true });
    script.section('Stage the new certificate (OA-LY-04, S21)');
    script.comment('Exchange keeps OAuth tokens longer than Lync: the old certificate must stay valid at least 24 h after the effective date.');
    effectiveDateSteps(script, o, 'OAuthTokenIssuer', 24, ' -Identity Global');
    script.comment('Once, on one Front End: -Identity Global replicates it to every Front End, all with this one effective date.');
    script.code(
      'Set-CsCertificate -Identity Global -Type OAuthTokenIssuer -Thumbprint $thumbprint -Roll -EffectiveDate $effectiveDate',
      '# Verify: the new certificate is listed with its EffectiveDate next to the current one.',
      'Get-CsCertificate -Type OAuthTokenIssuer | Format-Table Use,Thumbprint,NotAfter,EffectiveDate -AutoSize',
    );
    script.section('Later, not now: remove the previous certificate');
    script.comment('Only after the OLD certificate has expired (it keeps validating tokens issued before the effective date until then):');
    script.comment('Remove-CsCertificate -Identity Global -Type OAuthTokenIssuer -Previous');
  }
  script.section('Verify replication to every Front End (OA-LY-01)');
  script.code('Get-CsManagementStoreReplicationStatus | Format-Table ReplicaFqdn,UpToDate,LastStatusReport -AutoSize');
  script.comment('On each Front End, Get-CsCertificate -Type OAuthTokenIssuer must show the same thumbprint.');
}
