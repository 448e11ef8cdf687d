// --password PW | --password-env VAR | --password-file F (and the same for passphrases).
// A secret is never echoed back, not even in an error message.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArgError, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';
import { displayName } from '../shared/encoding/displayName.js';

export const PASSWORD_OPTIONS = { password: 'string', 'password-env': 'string', 'password-file': 'string' } as const;

/** Read a secret given one of `--<base>`, `--<base>-env`, `--<base>-file`; undefined when none. */
export function readSecret(args: ParsedArgs, io: CliIo, base = 'password'): string | undefined {
  const given = [base, `${base}-env`, `${base}-file`].filter((n) => n in args.strings);
  if (given.length > 1) throw new ArgError(`Give the ${base} only once (one of --${given.join(', --')}).`);
  if (args.strings[base] !== undefined) return args.strings[base];
  const envName = args.strings[`${base}-env`];
  if (envName !== undefined) {
    const value = io.env[envName];
    if (value === undefined) throw new ArgError(`The environment variable ${envName} (from --${base}-env) is not set.`);
    return value;
  }
  const file = args.strings[`${base}-file`];
  if (file !== undefined) {
    try {
      // The first line, without its line ending: how password files are usually written.
      return readFileSync(resolve(io.cwd, file), 'utf8').split(/\r?\n/)[0] ?? '';
    } catch {
      throw new ArgError(`The ${base} file ${displayName(file)} cannot be read: check the path.`);
    }
  }
  return undefined;
}
