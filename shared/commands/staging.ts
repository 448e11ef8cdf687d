// Staging a certificate with -Roll -EffectiveDate (S21): the new certificate takes over at the
// effective date while the old one still validates tokens issued before it. A/V tokens live
// 8 h (EDGE-05); Exchange keeps OAuth tokens longer, so OAuth needs 24 h (OA-LY-04).
import type { Script } from './script.js';

export function effectiveDateSteps(script: Script, type: string, hours: number, identity: string): void {
  script.code(
    `$currentCert = Get-CsCertificate${identity} -Type ${type} | Select-Object -First 1`,
    '$effectiveDate = (Get-Date).AddHours(1)',
    `if ($currentCert -and $currentCert.NotAfter -lt $effectiveDate.AddHours(${hours})) { throw 'The current ${type} certificate expires within ${hours} h of the roll: assign the new one directly instead of staging.' }`,
  );
}
