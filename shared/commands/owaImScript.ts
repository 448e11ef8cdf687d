// OWA ↔ Lync/SfB IM integration (domain-rules §2): the values, then the Exchange side per
// version on every server used for OWA (owaImExchange*.ts), then the Lync side (trusted
// application pool, with the SipName dial-plan exception, owaImLync.ts).
import { validateFqdn } from '../powershell/validate.js';
import type { ResolvedOptions } from './options.js';
import { owaImExchange2010Rtm, owaImExchange2010Sp1 } from './owaImExchange2010.js';
import { owaImExchange2013 } from './owaImExchange2013.js';
import { owaImExchange2016 } from './owaImExchange2016.js';
import { owaImLync } from './owaImLync.js';
import type { Script } from './script.js';

function requireValues(script: Script, names: string[]): void {
  // Refuse to run with an empty value: the seed's `@("", "IMCertificateThumbprint=…")` mistake.
  // `([string]$x).Trim()` rather than [string]::IsNullOrWhiteSpace, which .NET 3.5 (PowerShell
  // 2.0, Exchange 2010) does not have.
  for (const name of names) {
    script.code(`if (-not ([string]$${name}).Trim()) { throw 'Set $${name} first (see the WARNING above).' }`);
  }
}

export function owaImScript(o: ResolvedOptions, script: Script): void {
  const env = o.env;
  const exchangeServer = o.server;
  const imServer = env.owaIm?.imServerName ?? env.sfbPools?.[0]?.fqdn;
  const poolFqdn = env.owaIm?.trustedApplicationPoolFqdn ?? exchangeServer;

  script.section('Values');
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
  requireValues(script, ['imServerName', 'owaPoolFqdn', 'thumbprint']);
  script.code("if ($thumbprint -notmatch '^[0-9A-F]{40}$') { throw 'The thumbprint must be 40 hex characters (IM-07).' }");
  script.comment('IM-05: an internal-CA certificate that Lync trusts, with the server/pool FQDN in the Subject and the SAN.');

  const v = o.exchangeVersion;
  const lyncOld = o.sfbVersion === 'Lync2013';
  if (lyncOld && (v === '2016' || v === '2019')) {
    script.warning('Lync Server 2013 with Exchange 2016/2019 OWA IM integration is unsupported (IM-04, S12).');
  }
  if (o.exchangeVersionAssumed) script.warning('no Exchange version given or in the environment; assuming 2016.');

  if (v === '2010') owaImExchange2010Rtm(o, script);
  else if (v === '2010SP1') owaImExchange2010Sp1(o, script);
  else if (v === '2013') owaImExchange2013(o, script);
  else owaImExchange2016(o, script);

  owaImLync(o, script, poolFqdn === undefined ? undefined : validateFqdn(poolFqdn, 'environment owaIm.trustedApplicationPoolFqdn'));
}
