// Which Exchange servers an OWA IM script configures. Microsoft's steps run "on every Exchange
// 2016 or Exchange 2019 server that's used for Outlook on the web" (S12); on 2013 every Mailbox
// server's web.config and every Client Access server's OWA virtual directory (S11); on 2010 every
// Client Access server ("critical if you are load balancing", seed 003). So the script names the
// servers from the environment as one list, `$owaServers`, and compares it with the OWA virtual
// directories Exchange itself knows, so a server the environment forgot is reported, not skipped.
import type { Environment, ExchangeServer, ExchangeVersion } from '../environment/types.js';
import { roleServers } from '../environment/roleServers.js';
import { EXCHANGE_VERSIONS } from '../environment/validate.js';
import { psArray } from '../powershell/quote.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import { validateFqdn } from '../powershell/validate.js';
import type { CommandExchangeVersion } from './options.js';
import type { Script } from './script.js';

/** The environment versions a script for `version` configures (SE follows 2019). */
const SAME_FAMILY: Record<CommandExchangeVersion, readonly ExchangeVersion[]> = {
  '2010': ['2010', '2010SP1'],
  '2010SP1': ['2010', '2010SP1'],
  '2013': ['2013'],
  '2016': ['2016', '2019', 'SE'],
  '2019': ['2016', '2019', 'SE'],
};

const hasRole = (s: ExchangeServer, pattern: RegExp) => (s.roles ?? []).some((r) => pattern.test(r.trim()));

/**
 * Which servers a step reaches: Exchange 2010's OWA and 2013's front-end virtual directory are on
 * the Client Access servers; 2013's web.config on the Mailbox servers; 2016+ has both on one.
 */
export type OwaImStep = 'all' | 'clientAccess' | 'mailbox';
const STEP_ROLE: Record<Exclude<OwaImStep, 'all'>, RegExp> = { clientAccess: /^(CAS|ClientAccess)$/i, mailbox: /^Mailbox$/i };

export interface OwaImServers {
  /** Validated FQDNs, lower case, in the environment's order. */
  fqdns: string[];
  /** Where the list came from, for a script comment. */
  source: 'environment' | 'server' | 'none';
}

/**
 * The OWA servers of the script's Exchange version: the environment's Mailbox / Client Access
 * servers of that version (a server without a version counts), narrowed to the step's role when
 * the environment gives roles. With none listed, the server the
 * script was given; with neither, none (the script then stops with a sentence). A server the
 * environment forgot is found at run time (reportUnlistedOwaServers), never guessed here.
 */
export function owaImServers(env: Environment, version: CommandExchangeVersion, server: string | undefined, step: OwaImStep = 'all'): OwaImServers {
  // The version decides which servers are listed: an environment imported in the app may carry
  // any text there, so an unknown one is refused like every other value, never silently skipped.
  (env.exchangeServers ?? []).forEach((s, i) => {
    if (s.version !== undefined && !EXCHANGE_VERSIONS.includes(s.version)) {
      const field = `environment exchangeServers[${i}].version`;
      throw new UnsafeValueError('unsupported', field, `${field} must be one of ${EXCHANGE_VERSIONS.join(', ')}; fix it in the environment.`);
    }
  });
  const byFqdn = new Map((env.exchangeServers ?? []).map((s) => [s.fqdn.trim().toLowerCase(), s]));
  const family = SAME_FAMILY[version];
  const fqdns = roleServers('owa-im', env)
    .map((r, i) => ({ entry: byFqdn.get(r.fqdn.trim().toLowerCase()), fqdn: validateFqdn(r.fqdn, `environment exchangeServers[${i}].fqdn`) }))
    .filter(({ entry }) => !entry?.version || family.includes(entry.version))
    .filter(({ entry }) => step === 'all' || !entry?.roles?.length || hasRole(entry, STEP_ROLE[step]))
    .map(({ fqdn }) => fqdn);
  if (fqdns.length > 0) return { fqdns, source: 'environment' };
  if (server) return { fqdns: [server], source: 'server' };
  return { fqdns: [], source: 'none' };
}

/** `$owaServers = @(...)` with a comment saying where the list came from. */
export function assignOwaServers(script: Script, servers: OwaImServers, variable = 'owaServers', what = 'Exchange servers used for Outlook on the web'): void {
  if (servers.source === 'environment') {
    script.comment(`All ${what}, from the environment. Add any server that is missing before you run this.`);
  } else if (servers.source === 'server') {
    script.warning(`the environment lists no ${what}; only the server given is configured. List every one in $${variable}.`);
  } else {
    script.warning(`no Exchange server given or in the environment; list every one of the ${what} in $${variable}.`);
  }
  script.code(servers.fqdns.length > 0 ? `$${variable} = ${psArray(servers.fqdns, 'environment exchangeServers[].fqdn')}` : `$${variable} = @()`);
  script.code(`if (-not $${variable}) { throw 'Set $${variable} first: every server the setting must reach.' }`);
}

/**
 * A warning for every OWA virtual directory on a server that is not in `$owaServers`: the
 * environment missed it, and load-balanced users landing there would get no IM (seed 003).
 * Read-only; works in PowerShell 2.0 (Exchange 2010). `[string]$_.Server` is the server name.
 */
export function reportUnlistedOwaServers(script: Script): void {
  script.code(
    "$owaServerNames = @($owaServers | ForEach-Object { ($_ -split '\\.')[0] })",
    '$unlistedOwa = @(Get-OwaVirtualDirectory | Where-Object { $owaServerNames -notcontains ([string]$_.Server) })',
    "foreach ($vdir in $unlistedOwa) { Write-Warning ('OWA runs on ' + [string]$vdir.Server + ', which is not in $owaServers: add it, or users balanced to it get no IM.') }",
  );
}

/**
 * `foreach ($owaServer in $<servers>) { <body> }` where a server that fails (WinRM off, server
 * down) is reported and the others still get the change; afterwards the script stops, naming the
 * servers left to do, so nobody reads a partial run as done. PowerShell 2.0 syntax.
 */
export function onEveryServer(script: Script, servers: string, body: string[], what: string): void {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(servers)) throw new Error(`bad PowerShell name ${servers}`);
  script.code(
    '$notDone = @()',
    `foreach ($owaServer in $${servers}) {`,
    '  try {',
    ...body.map((l) => `    ${l}`),
    '  } catch {',
    '    $notDone += $owaServer',
    `    Write-Warning ('${what}: failed on ' + $owaServer + ': ' + $_)`,
    '  }',
    '}',
    `if ($notDone.Count -gt 0) { throw ('${what}: not done on ' + ($notDone -join ', ') + '. Fix the cause and run this part again for those servers.') }`,
  );
}
