// certbench commands --role ROLE [--thumbprint T] [--server FQDN] [--env ENV.json]
//   [--exchange-version 2010|2010SP1|2013|2016|2019] [--sfb-version Lync2013|SfB2015|SfB2019]
//   [--pfx 'C:\path\on\server.pfx'] [--roll [--effective-date 'YYYY-MM-DD HH:MM']]
// Prints the commented PowerShell for the role on stdout and its warnings (restarts that drop
// calls or sessions, version mismatches) on stderr. A hostile or malformed value: exit 2, one line.
import { ArgError, parseArgs } from '../args.js';
import { readEnvironmentOption } from '../checkInputs.js';
import { EXIT_INPUT, EXIT_OK, type CliIo, type CommandRunner } from '../io.js';
import { commandsWithNotices } from '../../shared/commands/commandsFor.js';
import { SCRIPT_EXCHANGE_VERSIONS, SCRIPT_SFB_VERSIONS, type CommandExchangeVersion, type CommandSfbVersion } from '../../shared/commands/options.js';
import { isRequestRole, REQUEST_ROLES, type RequestRole } from '../../shared/csr/roles.js';
import type { Environment } from '../../shared/environment/types.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';

/** The --role value, or an ArgError naming the roles. */
export function roleArg(value: string | undefined, command: string): RequestRole {
  if (value === undefined) throw new ArgError(`certbench ${command}: --role is required (one of ${REQUEST_ROLES.join(', ')}).`);
  if (!isRequestRole(value)) throw new ArgError(`certbench ${command}: unknown role "${value}"; use one of ${REQUEST_ROLES.join(', ')}.`);
  return value;
}

/** Reads `--env ENV.json` the one way every command does (see cli/checkInputs.ts). */
export function loadEnvironment(file: string | undefined, io: CliIo): Environment {
  return readEnvironmentOption(file, io);
}

export const commands: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    {
      role: 'string',
      thumbprint: 'string',
      server: 'string',
      env: 'string',
      'exchange-version': 'string',
      'sfb-version': 'string',
      pfx: 'string',
      roll: 'boolean',
      'effective-date': 'string',
    },
    'commands',
  );
  if (args.positional.length > 0) throw new ArgError(`certbench commands: unexpected argument "${args.positional[0]}".`);
  const role = roleArg(args.strings.role, 'commands');
  const exchangeVersion = args.strings['exchange-version'];
  if (exchangeVersion !== undefined && !(SCRIPT_EXCHANGE_VERSIONS as readonly string[]).includes(exchangeVersion)) {
    throw new ArgError(`certbench commands: --exchange-version must be one of ${SCRIPT_EXCHANGE_VERSIONS.join(', ')}.`);
  }
  const sfbVersion = args.strings['sfb-version'];
  if (sfbVersion !== undefined && !(SCRIPT_SFB_VERSIONS as readonly string[]).includes(sfbVersion)) {
    throw new ArgError(`certbench commands: --sfb-version must be one of ${SCRIPT_SFB_VERSIONS.join(', ')}.`);
  }
  const environment = loadEnvironment(args.strings.env, io);
  try {
    const { script, notices } = commandsWithNotices({
      role,
      environment,
      roll: args.flags.has('roll'),
      ...(args.strings.thumbprint !== undefined ? { thumbprint: args.strings.thumbprint } : {}),
      ...(args.strings.server !== undefined ? { server: args.strings.server } : {}),
      ...(args.strings.pfx !== undefined ? { pfxPath: args.strings.pfx } : {}),
      ...(args.strings['effective-date'] !== undefined ? { effectiveDate: args.strings['effective-date'] } : {}),
      ...(exchangeVersion !== undefined ? { exchangeVersion: exchangeVersion as CommandExchangeVersion } : {}),
      ...(sfbVersion !== undefined ? { sfbVersion: sfbVersion as CommandSfbVersion } : {}),
    });
    io.out(script);
    // The script carries these as comments and Write-Warning; an admin who redirects it to a file
    // sees them here too, before running anything (the app shows the same sentences beside it).
    for (const notice of notices) io.err(`certbench commands: warning: ${notice}\n`);
    return EXIT_OK;
  } catch (e) {
    if (isUnsafeValueError(e)) {
      io.err(`certbench commands: ${e.message} Nothing was written.\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
};

commands.usage = `Usage: certbench commands --role ROLE [--thumbprint T] [--server FQDN] [--env ENV.json]
                          [--exchange-version 2010|2010SP1|2013|2016|2019]
                          [--sfb-version Lync2013|SfB2015|SfB2019] [--pfx 'C:\\path\\on\\server.pfx']
                          [--roll [--effective-date 'YYYY-MM-DD HH:MM']]

Print the commented PowerShell that imports and assigns the certificate for a role. Its warnings
(steps that drop calls or sessions, version mismatches) are also printed on stderr.
--roll stages Edge A/V or OAuthTokenIssuer with -Roll; --effective-date is that roll's one date and
time (the servers' local time), written into the script so every server of the pool uses the same.
`;
