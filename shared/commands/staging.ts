// Staging a certificate with -Roll -EffectiveDate (S21): the new certificate takes over at the
// effective date while the old one still validates tokens issued before it. A/V tokens live
// 8 h (EDGE-05); Exchange keeps OAuth tokens longer, so OAuth needs 24 h (OA-LY-04).
// The effective date is ONE value for the whole pool, written into the script as a literal:
// computing it with Get-Date on each server would give every Edge server its own date.
import { psQuote } from '../powershell/quote.js';
import type { ResolvedOptions } from './options.js';
import type { Script } from './script.js';

export function effectiveDateSteps(script: Script, o: ResolvedOptions, type: string, hours: number, identity: string): void {
  script.comment('One effective date for the whole pool, in the servers\' local time: the same value on every server, never recomputed per server.');
  if (o.effectiveDate) {
    script.code(`$effectiveDate = [DateTime]::ParseExact(${psQuote(o.effectiveDate, '--effective-date')}, 'yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)`);
  } else {
    script.warning('no effective date given; set $effectiveDate below once (YYYY-MM-DD HH:MM) and use the same value on every server.');
    script.code(
      "$effectiveDate = $null  # e.g. [DateTime]::ParseExact('2026-12-03 02:00', 'yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)",
      "if (-not $effectiveDate) { throw 'Set $effectiveDate first: one date and time, the same on every server.' }",
    );
  }
  script.code(
    "if ($effectiveDate -le (Get-Date)) { throw 'The effective date has passed: choose a later one, the same for every server.' }",
    `$currentCert = Get-CsCertificate${identity} -Type ${type} | Sort-Object -Property NotAfter | Select-Object -First 1`,
    `if ($currentCert -and $currentCert.NotAfter -lt $effectiveDate.AddHours(${hours})) { throw 'The current ${type} certificate expires within ${hours} h of the effective date: choose an earlier date, or assign the new one directly.' }`,
  );
}
