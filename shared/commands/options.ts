// What `certbench commands` needs, validated once: every later step uses only these values.
import type { Environment, ExchangeServer, ExchangeVersion, SfbVersion } from '../environment/types.js';
import { isRequestRole, REQUEST_ROLES, type RequestRole } from '../csr/roles.js';
import {
  EXCHANGE_VERSIONS as ENV_EXCHANGE_VERSIONS,
  SFB_VERSIONS as ENV_SFB_VERSIONS,
  WINDOWS_VERSIONS,
} from '../environment/versions.js';
import { roleServers, UM_ROLE_WHY } from '../environment/roleServers.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import { validateFqdn, validateThumbprint, validateWindowsPath } from '../powershell/validate.js';

// The versions the scripts are written for: the core's one list (environment/versions.ts) less
// the versions scripted as another (Exchange SE as 2019, Lync 2010 as 2013, SfB SE as 2019).
export type CommandExchangeVersion = Exclude<ExchangeVersion, 'SE'>;
export type CommandSfbVersion = Exclude<SfbVersion, 'Lync2010' | 'SE'>;
export const SCRIPT_EXCHANGE_VERSIONS: readonly CommandExchangeVersion[] = ENV_EXCHANGE_VERSIONS.filter((v): v is CommandExchangeVersion => v !== 'SE');
export const SCRIPT_SFB_VERSIONS: readonly CommandSfbVersion[] = ENV_SFB_VERSIONS.filter((v): v is CommandSfbVersion => v !== 'Lync2010' && v !== 'SE');

export interface CommandOptions {
  role: RequestRole;
  thumbprint?: string;
  /** The server the script runs on / configures (FQDN). */
  server?: string;
  environment?: Environment;
  exchangeVersion?: CommandExchangeVersion;
  sfbVersion?: CommandSfbVersion;
  /** Path of the PFX on the server (Windows path). */
  pfxPath?: string;
  /** Stage with -Roll -EffectiveDate instead of assigning at once (Edge A/V, OAuthTokenIssuer). */
  roll?: boolean;
  /**
   * The one effective date of a roll, `YYYY-MM-DD HH:MM` in the servers' local time: written
   * into the script as a literal so every server of the pool gets the same value.
   */
  effectiveDate?: string;
}

export interface ResolvedOptions {
  role: RequestRole;
  env: Environment;
  server?: string;
  serverEntry?: ExchangeServer;
  thumbprint?: string;
  /** Where the thumbprint came from and what cleaning removed, for a script comment. */
  thumbprintNote?: string;
  exchangeVersion: CommandExchangeVersion;
  exchangeVersionAssumed: boolean;
  sfbVersion: CommandSfbVersion;
  sfbVersionAssumed: boolean;
  pfxPath: string;
  pfxPathAssumed: boolean;
  roll: boolean;
  /** `YYYY-MM-DD HH:MM`, validated. */
  effectiveDate?: string;
}

function exchangeVersionOf(v: ExchangeVersion | undefined): CommandExchangeVersion | undefined {
  // Exchange SE follows 2019 for everything these scripts do.
  return v === 'SE' ? '2019' : v;
}

function sfbVersionOf(v: SfbVersion | undefined): CommandSfbVersion | undefined {
  if (v === 'Lync2010') return 'Lync2013';
  if (v === 'SE') return 'SfB2019';
  return v;
}

/**
 * An environment enum the script will print (a version in a comment or section title, the
 * Windows version in the PFX note). The types promise one of `allowed`, and every import goes
 * through the core validator, but a caller may still hand in any object, and a line break there
 * would end the comment and start a command: so check it like any other value.
 */
function envEnum<T extends string>(value: T | undefined, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined || allowed.includes(value)) return value;
  throw new UnsafeValueError('unsupported', field, `${field} must be one of ${allowed.join(', ')}; fix it in the environment.`);
}

/** Roles whose script configures one Exchange server (the Edge and SfB OAuth scripts name none). */
const EXCHANGE_SCRIPT_ROLES: readonly RequestRole[] = ['exchange-um', 'owa-im', 'exchange-auth'];

function inferServer(role: RequestRole, env: Environment): string | undefined {
  if (!EXCHANGE_SCRIPT_ROLES.includes(role)) return undefined;
  const choices = roleServers(role, env);
  if (choices.length === 1) return choices[0]!.fqdn;
  if (role === 'exchange-um') return choices.find((c) => c.why === UM_ROLE_WHY)?.fqdn;
  return undefined;
}

/** Validates every input value; a hostile or malformed one throws UnsafeValueError. */
export function resolveOptions(options: CommandOptions): ResolvedOptions {
  if (!isRequestRole(options.role)) {
    throw new UnsafeValueError('unsupported', '--role', `--role must be one of ${REQUEST_ROLES.join(', ')}.`);
  }
  const env = options.environment ?? {};
  // No server named: the environment's server for the role, when it lists exactly one (several:
  // UM takes the first with the UM role, as before; the app offers the choice).
  const inferred = options.server === undefined ? inferServer(options.role, env) : undefined;
  const server =
    options.server !== undefined
      ? validateFqdn(options.server, '--server')
      : inferred !== undefined
        ? validateFqdn(inferred, 'environment exchangeServers[].fqdn')
        : undefined;
  const serverEntry = server ? env.exchangeServers?.find((s) => s.fqdn.trim().toLowerCase() === server) : undefined;

  let thumbprint: string | undefined;
  let thumbprintNote: string | undefined;
  const fromEnv = options.role === 'owa-im' ? env.owaIm?.certificateThumbprint : undefined;
  const raw = options.thumbprint ?? fromEnv;
  if (raw !== undefined) {
    const field = options.thumbprint !== undefined ? '--thumbprint' : 'environment owaIm.certificateThumbprint';
    const t = validateThumbprint(raw, field);
    thumbprint = t.value;
    const cleaned = [
      ...t.invisibleRemoved.map((c) => `${c} removed`),
      ...(raw.replace(/[\u200E\u200F\uFEFF]/g, '').trim() !== t.value ? ['spaces/case normalised'] : []),
    ];
    if (cleaned.length > 0) thumbprintNote = `thumbprint from ${field} cleaned (${[...new Set(cleaned)].join(', ')}) (IM-07)`;
  }

  envEnum(serverEntry?.os, WINDOWS_VERSIONS, 'environment exchangeServers[].os');
  const envExchange = exchangeVersionOf(
    envEnum(
      serverEntry?.version ?? (env.exchangeServers?.length === 1 ? env.exchangeServers[0].version : undefined),
      ENV_EXCHANGE_VERSIONS,
      'environment exchangeServers[].version',
    ),
  );
  const exchangeVersion = options.exchangeVersion ?? envExchange ?? '2016';
  const envSfb = sfbVersionOf(
    envEnum(env.sfbPools?.[0]?.version ?? env.edgePools?.[0]?.version, ENV_SFB_VERSIONS, 'environment sfbPools[0].version / edgePools[0].version'),
  );
  const sfbVersion = options.sfbVersion ?? envSfb ?? 'SfB2015';

  if (options.exchangeVersion !== undefined && !SCRIPT_EXCHANGE_VERSIONS.includes(options.exchangeVersion)) {
    throw new UnsafeValueError('unsupported', '--exchange-version', `--exchange-version must be one of ${SCRIPT_EXCHANGE_VERSIONS.join(', ')}.`);
  }
  if (options.sfbVersion !== undefined && !SCRIPT_SFB_VERSIONS.includes(options.sfbVersion)) {
    throw new UnsafeValueError('unsupported', '--sfb-version', `--sfb-version must be one of ${SCRIPT_SFB_VERSIONS.join(', ')}.`);
  }

  const effectiveDate = options.effectiveDate === undefined ? undefined : validateEffectiveDate(options.effectiveDate);
  const pfxPath = validateWindowsPath(options.pfxPath ?? `C:\\CertBench\\${options.role}.pfx`, '--pfx');
  return {
    role: options.role,
    env,
    ...(server ? { server } : {}),
    ...(serverEntry ? { serverEntry } : {}),
    ...(thumbprint ? { thumbprint } : {}),
    ...(thumbprintNote ? { thumbprintNote } : {}),
    exchangeVersion,
    exchangeVersionAssumed: options.exchangeVersion === undefined && envExchange === undefined,
    sfbVersion,
    sfbVersionAssumed: options.sfbVersion === undefined && envSfb === undefined,
    pfxPath,
    pfxPathAssumed: options.pfxPath === undefined,
    roll: options.roll ?? false,
    ...(effectiveDate ? { effectiveDate } : {}),
  };
}

/** `2026-12-03 02:00` or `2026-12-03T02:00`: a real calendar date and time, returned with a space. */
export function validateEffectiveDate(value: string): string {
  const m = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/);
  const fail = () => {
    throw new UnsafeValueError('unsupported', '--effective-date', '--effective-date must be a date and time as YYYY-MM-DD HH:MM (the servers\' local time), for example 2026-12-03 02:00.');
  };
  if (!m) return fail();
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59) return fail();
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
}

/** Validated FQDNs of every Exchange server in the environment. */
export function exchangeServerFqdns(env: Environment): string[] {
  return (env.exchangeServers ?? []).map((s, i) => validateFqdn(s.fqdn, `environment exchangeServers[${i}].fqdn`));
}
