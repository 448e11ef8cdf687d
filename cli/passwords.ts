// --password PW | --password-env VAR | --password-file F (and the same for passphrases).
// --password stays for interactive use only, with a warning on stderr each time: a command
// line is visible to every user of the machine (ps). request and pfx do not accept it at all.
// A secret is never echoed back, not even in an error message.
import { resolve } from 'node:path';
import { ArgError, type ParsedArgs } from './args.js';
import { openFile, type OpenedFile } from './inputFiles.js';
import type { CliIo } from './io.js';
import { readRegularFile } from './readRegularFile.js';
import { displayName } from '../shared/encoding/displayName.js';

/** A password file holds one line; anything bigger is the wrong file. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

/**
 * A file that needs a password none was given for: on a terminal, ask once (naming the file)
 * and open it again; the answer is kept for the files after it. Elsewhere, the file stays
 * unusable with the usual line saying how to give the password.
 */
export async function openAskingPassword(
  file: string,
  io: Pick<CliIo, 'cwd' | 'askSecret'>,
  secret: { password: string | undefined },
  open: (password: string | undefined) => Promise<OpenedFile>,
): Promise<OpenedFile> {
  const first = await open(secret.password);
  if (first.error?.code !== 'password-required' || secret.password !== undefined || !io.askSecret) return first;
  const answer = await io.askSecret(`Password for ${displayName(file)}: `);
  if (answer === undefined || answer === '') return first;
  secret.password = answer;
  return open(answer);
}

/** openAskingPassword for files already opened (check, report): each locked one opened again. */
export async function reopenAskingPassword(opened: OpenedFile[], io: Pick<CliIo, 'cwd' | 'askSecret'>, password: string | undefined): Promise<OpenedFile[]> {
  if (password !== undefined || !io.askSecret) return opened;
  const secret = { password };
  const out: OpenedFile[] = [];
  for (const o of opened) {
    out.push(o.error?.code === 'password-required' ? await openAskingPassword(o.file, io, secret, (pw) => openFile(o.file, io.cwd, pw)) : o);
  }
  return out;
}

export const PASSWORD_OPTIONS = { password: 'string', 'password-env': 'string', 'password-file': 'string' } as const;

/** Read a secret given one of `--<base>`, `--<base>-env`, `--<base>-file`; undefined when none. */
export function readSecret(args: ParsedArgs, io: CliIo, base = 'password'): string | undefined {
  const given = [base, `${base}-env`, `${base}-file`].filter((n) => n in args.strings);
  if (given.length > 1) throw new ArgError(`Give the ${base} only once (one of --${given.join(', --')}).`);
  if (args.strings[base] !== undefined) {
    // Kept for typing at a terminal; in a script it is the wrong choice, so say why every time.
    io.err(`certbench: --${base} shows the ${base} to every user of this machine (ps, /proc, shell history); prefer --${base}-env VAR or --${base}-file FILE.\n`);
    return args.strings[base];
  }
  const envName = args.strings[`${base}-env`];
  if (envName !== undefined) {
    const value = io.env[envName];
    if (value === undefined) throw new ArgError(`The environment variable ${envName} (from --${base}-env) is not set.`);
    return value;
  }
  const file = args.strings[`${base}-file`];
  if (file !== undefined) {
    const bytes = readRegularFile(resolve(io.cwd, file), MAX_SECRET_FILE_BYTES);
    if (!(bytes instanceof Uint8Array)) {
      throw new ArgError(`The ${base} file ${displayName(file)} cannot be read${bytes === 'not-regular' ? ' (it is not a regular file)' : bytes === 'too-large' ? ' (it is larger than 64 KiB)' : ''}: check the path.`);
    }
    try {
      // The first line, without its line ending: how password files are usually written.
      return new TextDecoder().decode(bytes).split(/\r?\n/)[0] ?? '';
    } finally {
      bytes.fill(0);
    }
  }
  return undefined;
}
