// Expand FILE|FOLDER arguments and open each file with the core decoder. Each file stands on
// its own: an unusable one becomes an `error` entry (one line for stderr) and the rest go on.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { DecodedDocument } from '../shared/model/document.js';
import { decodeDocument, MAX_FILE_BYTES } from '../shared/x509/decode.js';
import { InputError } from '../shared/x509/inputError.js';
import { displayName } from '../shared/encoding/displayName.js';
import type { KeyStore } from '../shared/x509/keyStore.js';

/** Extensions picked up when a folder is given (a file named explicitly is always read). */
export const CERTIFICATE_EXTENSIONS = new Set([
  '.pfx', '.p12', '.cer', '.crt', '.pem', '.der', '.p7b', '.p7c', '.csr', '.req', '.key', '.cert',
]);

export type OpenedFile =
  | { file: string; document: DecodedDocument; error?: undefined }
  | { file: string; document?: undefined; error: InputError };

/** Files named, and certificate files found (recursively, sorted) in folders named. */
export function expandPaths(paths: string[], cwd: string): { files: string[]; errors: OpenedFile[] } {
  const files: string[] = [];
  const errors: OpenedFile[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(resolve(cwd, p));
    } catch {
      errors.push({ file: p, error: new InputError('unreadable', `${displayName(p)} does not exist or cannot be read: check the path.`) });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(resolve(cwd, p), p);
      if (found.length === 0) errors.push({ file: p, error: new InputError('not-a-certificate', `${displayName(p)} is a folder with no certificate files (.pfx .p12 .cer .crt .pem .der .p7b .csr .req) in it.`) });
      files.push(...found);
    } else {
      files.push(p);
    }
  }
  return { files, errors };
}

function walk(abs: string, shown: string, depth = 0): string[] {
  if (depth > 16) return [];
  const out: string[] = [];
  const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.isDirectory()) out.push(...walk(join(abs, e.name), join(shown, e.name), depth + 1));
    else if (e.isFile() && CERTIFICATE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(join(shown, e.name));
  }
  return out;
}

export function readInput(file: string, cwd: string): Uint8Array {
  const abs = resolve(cwd, file);
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    throw new InputError('unreadable', `${displayName(file)} does not exist or cannot be read: check the path.`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError('too-large', `${displayName(file)} is ${(size / 1048576).toFixed(1)} MiB, larger than any certificate file (the limit is 32 MiB): check that this is the right file.`);
  }
  try {
    return new Uint8Array(readFileSync(abs));
  } catch {
    throw new InputError('unreadable', `${displayName(file)} cannot be read: check its permissions.`);
  }
}

export async function openFile(file: string, cwd: string, password: string | undefined, keyStore?: KeyStore): Promise<OpenedFile> {
  try {
    const bytes = readInput(file, cwd);
    try {
      const document = await decodeDocument(bytes, { fileName: file, ...(password !== undefined ? { password } : {}), ...(keyStore ? { keyStore } : {}) });
      return { file, document };
    } finally {
      // The model holds copies (and the KeyStore its own); a PEM key file's bytes hold the key in the clear.
      bytes.fill(0);
    }
  } catch (e) {
    if (e instanceof InputError) return { file, error: e };
    return { file, error: new InputError('malformed', `${displayName(file)} could not be read: check that it is a certificate, request, P7B or PFX file.`) };
  }
}

/** Open every path (files and folders), in order. */
export async function openAll(paths: string[], cwd: string, password: string | undefined, keyStore?: KeyStore): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  for (const p of paths) {
    const { files, errors } = expandPaths([p], cwd);
    opened.push(...errors);
    for (const f of files) opened.push(await openFile(f, cwd, password, keyStore));
  }
  return opened;
}

/** The stderr line for an unusable file, with the CLI's own hint for password problems. */
export function errorLine(error: InputError): string {
  if (error.code === 'password-required') return `${error.message.replace(/\.$/, '')} (--password, --password-env or --password-file).`;
  return error.message;
}
