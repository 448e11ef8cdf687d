// certbench commands --role ROLE [--thumbprint T] [--server FQDN] [--env ENV.json]
//   [--exchange-version 2010|2010SP1|2013|2016|2019] [--sfb-version Lync2013|SfB2015|SfB2019]
//   [--pfx 'C:\path\on\server.pfx'] [--roll]
// Prints the commented PowerShell for the role. A hostile or malformed value: exit 2, one line.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArgError, parseArgs } from '../args.js';
import { EXIT_INPUT, EXIT_OK, type CliIo, type CommandRunner } from '../io.js';
import { commandsFor } from '../../shared/commands/commandsFor.js';
import { EXCHANGE_VERSIONS, SFB_VERSIONS, type CommandExchangeVersion, type CommandSfbVersion } from '../../shared/commands/options.js';
import { isRequestRole, REQUEST_ROLES, type RequestRole } from '../../shared/csr/roles.js';
import type { Environment } from '../../shared/environment/types.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';

const MAX_ENV_BYTES = 1024 * 1024;

/** The --role value, or an ArgError naming the roles. */
export function roleArg(value: string | undefined, command: string): RequestRole {
  if (value === undefined) throw new ArgError(`certbench ${command}: --role is required (one of ${REQUEST_ROLES.join(', ')}).`);
  if (!isRequestRole(value)) throw new ArgError(`certbench ${command}: unknown role "${value}"; use one of ${REQUEST_ROLES.join(', ')}.`);
  return value;
}

type Shape = 'string' | 'boolean' | 'strings' | { [key: string]: Shape } | { array: Shape } | { record: 'string' };

const ENVIRONMENT_SHAPE: Shape = {
  name: 'string',
  exchangeServers: { array: { fqdn: 'string', version: 'string', os: 'string', roles: 'strings', hostsSipNameDialPlan: 'boolean' } },
  sfbPools: { array: { fqdn: 'string', version: 'string', servers: 'strings' } },
  edgePools: { array: { internalFqdn: 'string', accessEdgeFqdn: 'string', webConferencingEdgeFqdn: 'string', avEdgeFqdn: 'string', version: 'string' } },
  sipDomains: 'strings',
  smtpDomains: 'strings',
  owaIm: { trustedApplicationPoolFqdn: 'string', imServerName: 'string', certificateThumbprint: 'string' },
  authConfig: { currentCertificateThumbprint: 'string', nextCertificateThumbprint: 'string', previousCertificateThumbprint: 'string' },
  oauthTokenIssuerThumbprints: { record: 'string' },
  trustedRoots: 'strings',
};

function checkShape(value: unknown, shape: Shape, path: string): string | null {
  if (shape === 'string') return typeof value === 'string' ? null : `${path} must be a string`;
  if (shape === 'boolean') return typeof value === 'boolean' ? null : `${path} must be true or false`;
  if (shape === 'strings') {
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : `${path} must be a list of strings`;
  }
  if ('array' in shape) {
    const inner = shape.array as Shape;
    if (!Array.isArray(value)) return `${path} must be a list`;
    for (let i = 0; i < value.length; i++) {
      const e = checkShape(value[i], inner, `${path}[${i}]`);
      if (e) return e;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} must be an object`;
  if ('record' in shape && Object.keys(shape).length === 1) {
    for (const [k, v] of Object.entries(value)) if (typeof v !== 'string') return `${path}.${k} must be a string`;
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const sub = (shape as Record<string, Shape>)[k];
    if (sub === undefined || v === undefined || v === null) continue; // unknown keys are ignored (newer environments)
    const e = checkShape(v, sub, path ? `${path}.${k}` : k);
    if (e) return e;
  }
  return null;
}

/** Reads `--env ENV.json`: a JSON object in the Environment shape (wrong types refused). */
export function loadEnvironment(file: string | undefined, io: CliIo): Environment {
  if (file === undefined) return {};
  const abs = resolve(io.cwd, file);
  let text: string;
  try {
    if (statSync(abs).size > MAX_ENV_BYTES) throw new ArgError(`The environment file ${file} is larger than 1 MiB: check that this is the right file.`);
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    if (e instanceof ArgError) throw e;
    throw new ArgError(`The environment file ${file} cannot be read: check the path.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ArgError(`The environment file ${file} is not valid JSON: fix it or save it again from CertBench.`);
  }
  const problem = checkShape(value, ENVIRONMENT_SHAPE, '');
  if (problem) throw new ArgError(`The environment file ${file} is not a CertBench environment: ${problem}.`);
  return value as Environment;
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
    },
    'commands',
  );
  if (args.positional.length > 0) throw new ArgError(`certbench commands: unexpected argument "${args.positional[0]}".`);
  const role = roleArg(args.strings.role, 'commands');
  const exchangeVersion = args.strings['exchange-version'];
  if (exchangeVersion !== undefined && !(EXCHANGE_VERSIONS as readonly string[]).includes(exchangeVersion)) {
    throw new ArgError(`certbench commands: --exchange-version must be one of ${EXCHANGE_VERSIONS.join(', ')}.`);
  }
  const sfbVersion = args.strings['sfb-version'];
  if (sfbVersion !== undefined && !(SFB_VERSIONS as readonly string[]).includes(sfbVersion)) {
    throw new ArgError(`certbench commands: --sfb-version must be one of ${SFB_VERSIONS.join(', ')}.`);
  }
  const environment = loadEnvironment(args.strings.env, io);
  try {
    const script = commandsFor({
      role,
      environment,
      roll: args.flags.has('roll'),
      ...(args.strings.thumbprint !== undefined ? { thumbprint: args.strings.thumbprint } : {}),
      ...(args.strings.server !== undefined ? { server: args.strings.server } : {}),
      ...(args.strings.pfx !== undefined ? { pfxPath: args.strings.pfx } : {}),
      ...(exchangeVersion !== undefined ? { exchangeVersion: exchangeVersion as CommandExchangeVersion } : {}),
      ...(sfbVersion !== undefined ? { sfbVersion: sfbVersion as CommandSfbVersion } : {}),
    });
    io.out(script);
    return EXIT_OK;
  } catch (e) {
    if (isUnsafeValueError(e)) {
      io.err(`certbench commands: ${e.message} Nothing was written.\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
};
