// The product versions an environment can name — one list each, for the validator, the
// Environment editor's choices and the estate reader — and the forms people actually write for
// them ("2016", 2016, "Exchange 2016", "Exchange Server 2016", "15.1", "15.1.2507.6";
// "2015", "SfB 2015", "Skype for Business Server 2015"; "2012 R2", "Windows Server 2012 R2
// Standard"), each read to the one canonical value the environment stores.
import type { ExchangeVersion, SfbVersion, WindowsServerVersion } from './types.js';

export const EXCHANGE_VERSIONS: readonly ExchangeVersion[] = ['2010', '2010SP1', '2013', '2016', '2019', 'SE'];
export const SFB_VERSIONS: readonly SfbVersion[] = ['Lync2010', 'Lync2013', 'SfB2015', 'SfB2019', 'SE'];
export const WINDOWS_VERSIONS: readonly WindowsServerVersion[] = ['2008R2', '2012', '2012R2', '2016', '2019', '2022', '2025'];

/** How each canonical value reads to a person (the editor's choices). */
export const EXCHANGE_VERSION_LABELS: Record<ExchangeVersion, string> = {
  '2010': 'Exchange 2010',
  '2010SP1': 'Exchange 2010 SP1 or later',
  '2013': 'Exchange 2013',
  '2016': 'Exchange 2016',
  '2019': 'Exchange 2019',
  SE: 'Exchange Server SE',
};
export const SFB_VERSION_LABELS: Record<SfbVersion, string> = {
  Lync2010: 'Lync Server 2010',
  Lync2013: 'Lync Server 2013',
  SfB2015: 'Skype for Business Server 2015',
  SfB2019: 'Skype for Business Server 2019',
  SE: 'Skype for Business Server SE',
};
export const WINDOWS_VERSION_LABELS: Record<WindowsServerVersion, string> = {
  '2008R2': 'Windows Server 2008 R2',
  '2012': 'Windows Server 2012',
  '2012R2': 'Windows Server 2012 R2',
  '2016': 'Windows Server 2016',
  '2019': 'Windows Server 2019',
  '2022': 'Windows Server 2022',
  '2025': 'Windows Server 2025',
};

/** Lower case, without spaces, dashes, underscores and the words every form may carry. */
function squash(text: string, words: RegExp): string {
  return text.toLowerCase().replace(words, '').replace(/[\s_-]+/g, '');
}

const SUBSCRIPTION_EDITION = /^(se|subscriptionedition)$/;

/**
 * An Exchange version as written → the canonical value, or undefined when it names none.
 * Builds: 14.0 is 2010 RTM, 14.1–14.3 are 2010 SP1–SP3, 15.0 is 2013, 15.1 is 2016, 15.2 is 2019
 * and, from build 15.2.2562, Exchange SE (Microsoft Learn, "Exchange Server build numbers and
 * release dates").
 */
export function readExchangeVersion(value: unknown): ExchangeVersion | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = squash(String(value), /microsoft|exchange|server|version|cumulative update \d+|\bcu\d+\b/g);
  const direct = EXCHANGE_VERSIONS.find((v) => v.toLowerCase() === text);
  if (direct) return direct;
  if (SUBSCRIPTION_EDITION.test(text)) return 'SE';
  if (/^2010sp[1-3]$/.test(text)) return '2010SP1';
  // 15.1, 15.1.2507.6, or Get-ExchangeServer's AdminDisplayVersion "Version 15.1 (Build 2507.6)".
  const build = /^(\d+)\.(\d+)(?:\.(\d+)(?:\.\d+)?|\(build(\d+)\.\d+\))?$/.exec(text);
  if (!build) return undefined;
  const [major, minor, buildNumber] = [Number(build[1]), Number(build[2]), build[3] ?? build[4]];
  if (major === 14 && minor <= 3) return minor === 0 ? '2010' : '2010SP1';
  if (major !== 15) return undefined;
  if (minor === 0) return '2013';
  if (minor === 1) return '2016';
  if (minor === 2) return buildNumber !== undefined && Number(buildNumber) >= 2562 ? 'SE' : '2019';
  return undefined;
}

/** A Lync / Skype for Business version as written ("2015", "SfB 2015", "Lync Server 2013") → canonical. */
export function readSfbVersion(value: unknown): SfbVersion | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // "Skype for Business Server 2015 Enterprise Edition (6.0.9319.0)": the edition and build say no more.
  const text = squash(String(value).replace(/\(.*\)\s*$/, ''), /microsoft|server|version|(standard|enterprise)\s*edition/g);
  const direct = SFB_VERSIONS.find((v) => v.toLowerCase() === text);
  if (direct) return direct;
  if (SUBSCRIPTION_EDITION.test(text.replace(/^(skypeforbusiness|sfb)/, ''))) return 'SE';
  // A bare year names one product: Lync up to 2013, Skype for Business from 2015.
  const year = /^(lync|skypeforbusiness|sfb)?(2010|2013|2015|2019)$/.exec(text);
  if (!year) return undefined;
  const [product, y] = [year[1], year[2]];
  if (y === '2010' || y === '2013') return product === undefined || product === 'lync' ? (`Lync${y}` as SfbVersion) : undefined;
  return product === 'lync' ? undefined : (`SfB${y}` as SfbVersion);
}

/** A Windows Server version as written ("2012 R2", "Windows Server 2019 Datacenter") → canonical. */
export function readWindowsVersion(value: unknown): WindowsServerVersion | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = squash(String(value), /microsoft|windows|server|standard|datacenter|essentials|edition|®|\(r\)/g);
  const v = text.toUpperCase() as WindowsServerVersion;
  return WINDOWS_VERSIONS.includes(v) ? v : undefined;
}
