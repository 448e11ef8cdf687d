// The server a script configures must run the Exchange version the script is written for: the
// cmdlets differ (Set-UMServer in 2010, Set-UMService in 2013+; split UM roles only in 2013),
// so a "2010" script aimed at a 2013 server would fail half-way or configure the wrong thing.
// The environment says which version each server runs; when it disagrees with the version
// chosen, the script is refused with one sentence. The script also checks at run time
// (AdminDisplayVersion.Major / .Minor: numbers, never a comparison of version strings).
import type { ExchangeVersion } from '../environment/types.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import type { CommandExchangeVersion, ResolvedOptions } from './options.js';

/** Exchange 2010 and 2010 SP1 are one product for this check; SE runs as 2019. */
function family(v: ExchangeVersion | CommandExchangeVersion): string {
  if (v === '2010SP1') return '2010';
  if (v === 'SE') return '2019';
  return v;
}

/** Refuses a script whose --exchange-version is not the version the environment lists for its server. */
export function assertServerVersion(o: ResolvedOptions): void {
  const listed = o.serverEntry?.version;
  if (!o.server || listed === undefined) return;
  if (family(listed) !== family(o.exchangeVersion)) {
    throw new UnsafeValueError(
      'unsupported',
      '--exchange-version',
      `${o.server} runs Exchange ${listed} according to the environment, not Exchange ${o.exchangeVersion}: choose Exchange ${listed === 'SE' ? 'SE (2019)' : listed} or another server.`,
    );
  }
}

/** AdminDisplayVersion Major.Minor of each version: 2010 = 14.x, 2013 = 15.0, 2016 = 15.1, 2019 and SE = 15.2. */
const BUILD: Record<CommandExchangeVersion, { major: number; minor?: number }> = {
  '2010': { major: 14 },
  '2010SP1': { major: 14 },
  '2013': { major: 15, minor: 0 },
  '2016': { major: 15, minor: 1 },
  '2019': { major: 15, minor: 2 },
};

/**
 * A PowerShell line that stops the script when `$exchangeServer` (Get-ExchangeServer) is not
 * the version the script was written for, compared as numbers.
 */
export function runtimeVersionGuard(v: CommandExchangeVersion): string {
  const { major, minor } = BUILD[v];
  const condition =
    minor === undefined
      ? `$exchangeServer.AdminDisplayVersion.Major -ne ${major}`
      : `$exchangeServer.AdminDisplayVersion.Major -ne ${major} -or $exchangeServer.AdminDisplayVersion.Minor -ne ${minor}`;
  return `if (${condition}) { throw ($server + ' runs ' + $exchangeServer.AdminDisplayVersion + ', not Exchange ${v === '2010SP1' ? '2010' : v}: write the script for its version.') }`;
}
