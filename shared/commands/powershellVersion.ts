// The oldest Windows PowerShell a generated script must run in, by product version. The scripts
// are written for it (no `::new(`, no `-Raw`, no .NET 4 members in an Exchange 2010 script), and
// test/powershell/versionCompat.test.ts parses every golden script against it.
//   Exchange 2010 / 2010 SP1: its Management Shell is Windows PowerShell 2.0 on .NET 3.5.
//   Exchange 2013 / 2016: Windows Server 2008 R2 SP1 with WMF 3.0 / Server 2012 (3.0) are supported.
//   Exchange 2019 / SE and SfB 2019: Windows Server 2016 or later (5.1).
//   Lync 2013 / SfB 2015: "All Skype for Business Server servers need Windows PowerShell 3.0"
//   (Server requirements for Skype for Business Server 2015; WMF 3.0 on an upgraded 2008 R2).
import type { CommandExchangeVersion, CommandSfbVersion, ResolvedOptions } from './options.js';

export type ScriptPowerShell = '2.0' | '3.0' | '5.1';

const RANK: Record<ScriptPowerShell, number> = { '2.0': 0, '3.0': 1, '5.1': 2 };

export function exchangePowerShell(v: CommandExchangeVersion): ScriptPowerShell {
  if (v === '2010' || v === '2010SP1') return '2.0';
  return v === '2019' ? '5.1' : '3.0';
}

export function sfbPowerShell(v: CommandSfbVersion): ScriptPowerShell {
  return v === 'SfB2019' ? '5.1' : '3.0';
}

/** The oldest shell the script for these options may meet (OWA IM runs in both products' shells). */
export function minimumPowerShell(o: Pick<ResolvedOptions, 'role' | 'exchangeVersion' | 'sfbVersion'>): ScriptPowerShell {
  switch (o.role) {
    case 'exchange-um':
    case 'exchange-auth':
      return exchangePowerShell(o.exchangeVersion);
    case 'owa-im': {
      const ex = exchangePowerShell(o.exchangeVersion);
      const sfb = sfbPowerShell(o.sfbVersion);
      return RANK[ex] <= RANK[sfb] ? ex : sfb;
    }
    default:
      return sfbPowerShell(o.sfbVersion);
  }
}
