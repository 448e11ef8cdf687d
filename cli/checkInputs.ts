// The options check, report, request and commands share: --at, --env and --trust. One reading
// of each, so the commands can never disagree on what an environment or a date means.
import { resolve } from 'node:path';
import type { Environment } from '../shared/environment/types.js';
import { parseEnvironment } from '../shared/environment/validate.js';
import type { CertificateModel } from '../shared/model/certificate.js';
import { InputError } from '../shared/x509/inputError.js';
import { displayName } from '../shared/encoding/displayName.js';
import { ArgError } from './args.js';
import { errorLine, openFile } from './inputFiles.js';
import { readRegularFile } from './readRegularFile.js';
import type { CliIo } from './io.js';

/** An environment is a small JSON document; anything bigger is the wrong file. */
const MAX_ENV_BYTES = 1024 * 1024;

/** `--at`: ISO-8601 date or date-time (UTC unless an offset is given); now when absent. */
export function parseAt(value: string | undefined, command: string): Date {
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    throw new ArgError(`certbench ${command}: --at must be an ISO-8601 date or time such as 2026-01-31 or 2026-01-31T12:00:00Z (got "${value}").`);
  }
  const normalized = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const date = new Date(normalized.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) throw new ArgError(`certbench ${command}: --at "${value}" is not a real date.`);
  return date;
}

/** `--env ENV.json`, validated by the core (unknown keys, bad versions and keys refused). */
export function readEnvironmentOption(file: string | undefined, io: Pick<CliIo, 'cwd'>): Environment {
  if (file === undefined) return {};
  const abs = resolve(io.cwd, file);
  const bytes = readRegularFile(abs, MAX_ENV_BYTES);
  if (bytes === 'too-large') throw new ArgError(`The environment file ${displayName(file)} is larger than 1 MiB: check that this is the right file.`);
  if (bytes === 'not-regular') throw new ArgError(`${displayName(file)} (from --env) is not a regular file (a device, pipe or socket): name the environment JSON file.`);
  if (!(bytes instanceof Uint8Array)) throw new ArgError(`${displayName(file)} (from --env) does not exist or cannot be read: check the path.`);
  const text = new TextDecoder().decode(bytes);
  try {
    return parseEnvironment(text, displayName(file));
  } catch (e) {
    if (e instanceof InputError) throw new ArgError(e.message);
    throw e;
  }
}

/** `--trust FILE`...: the CA certificates to add as trust anchors. */
export async function readTrustOption(files: readonly string[], io: Pick<CliIo, 'cwd'>, password: string | undefined): Promise<CertificateModel[]> {
  const out: CertificateModel[] = [];
  for (const trustFile of files) {
    const opened = await openFile(trustFile, io.cwd, password);
    if (opened.error) throw new ArgError(`${errorLine(opened.error).replace(/\.$/, '')} (given with --trust).`);
    if (opened.document.certificates.length === 0) {
      throw new ArgError(`${displayName(trustFile)} (given with --trust) holds no certificate: pass the CA certificate (.cer, .pem or .p7b).`);
    }
    out.push(...opened.document.certificates);
  }
  return out;
}

/**
 * `--env` and `--trust` for the commands that evaluate (check, report). An unusable file is one
 * line on stderr and gives null: the caller exits 2, as for an unusable FILE.
 */
export async function readEvaluationContext(
  args: { envFile: string | undefined; trustFiles: readonly string[] },
  io: Pick<CliIo, 'cwd' | 'err'>,
  password: string | undefined,
): Promise<{ environment: Environment; trustCertificates: CertificateModel[] } | null> {
  try {
    return {
      environment: readEnvironmentOption(args.envFile, io),
      trustCertificates: await readTrustOption(args.trustFiles, io, password),
    };
  } catch (e) {
    if (!(e instanceof ArgError)) throw e;
    io.err(e.message + '\n');
    return null;
  }
}
