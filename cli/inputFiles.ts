// Expand FILE|FOLDER arguments and open each file with the core decoder. Each file stands on
// its own: an unusable one becomes an `error` entry (one line for stderr) and the rest go on.
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { DecodedDocument } from '../shared/model/document.js';
import { decodeDocument } from '../shared/x509/decode.js';
import { MAX_FILE_BYTES } from '../shared/x509/limits.js';
import { InputError } from '../shared/x509/inputError.js';
import { displayName } from '../shared/encoding/displayName.js';
import type { KeyStore } from '../shared/x509/keyStore.js';
import { readRegularFile } from './readRegularFile.js';
import { sortByName } from './folderOrder.js';
import { CERTIFICATE_EXTENSIONS as CORE_CERTIFICATE_EXTENSIONS, dotted, tooLargeMessage } from '../shared/files/accepted.js';

/** Extensions picked up when a folder is given (a file named explicitly is always read): the core's list. */
export const CERTIFICATE_EXTENSIONS: ReadonlySet<string> = new Set(dotted(CORE_CERTIFICATE_EXTENSIONS));

export type OpenedFile =
  | { file: string; document: DecodedDocument; error?: undefined }
  | { file: string; document?: undefined; error: InputError };

/** How deep a folder walk goes; a deeper folder is named on stderr, not silently skipped. */
export const MAX_FOLDER_DEPTH = 16;

/**
 * Files named, and certificate files found (recursively, sorted) in folders named. `skipped`
 * holds one line per folder not searched because it is nested too deep.
 */
export function expandPaths(paths: string[], cwd: string): { files: string[]; errors: OpenedFile[]; skipped: string[] } {
  const files: string[] = [];
  const errors: OpenedFile[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(resolve(cwd, p));
    } catch {
      errors.push({ file: p, error: new InputError('unreadable', `${displayName(p)} does not exist or cannot be read: check the path.`) });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(resolve(cwd, p), p, 0, skipped);
      if (found.length === 0) errors.push({ file: p, error: new InputError('not-a-certificate', `${displayName(p)} is a folder with no certificate files (.pfx .p12 .cer .crt .pem .der .p7b .csr .req) in it.`) });
      files.push(...found);
    } else {
      files.push(p);
    }
  }
  return { files, errors, skipped };
}

function walk(abs: string, shown: string, depth: number, skipped: string[]): string[] {
  if (depth > MAX_FOLDER_DEPTH) {
    skipped.push(`${displayName(shown)} was not searched: it is more than ${MAX_FOLDER_DEPTH} folders deep; name it directly to read the files in it.`);
    return [];
  }
  const out: string[] = [];
  let entries;
  try {
    entries = sortByName(readdirSync(abs, { withFileTypes: true }));
  } catch {
    skipped.push(`${displayName(shown)} was not searched: the folder cannot be read; check its permissions.`);
    return [];
  }
  for (const e of entries) {
    if (e.isDirectory()) out.push(...walk(join(abs, e.name), join(shown, e.name), depth + 1, skipped));
    else if (e.isFile() && CERTIFICATE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(join(shown, e.name));
  }
  return out;
}

export function readInput(file: string, cwd: string): Uint8Array {
  const result = readRegularFile(resolve(cwd, file), MAX_FILE_BYTES);
  if (result instanceof Uint8Array) return result;
  const name = displayName(file);
  switch (result) {
    case 'missing':
      throw new InputError('unreadable', `${name} does not exist or cannot be read: check the path.`);
    case 'not-regular':
      throw new InputError('unreadable', `${name} is not a regular file (a device, pipe or socket): name the certificate file itself.`);
    case 'too-large':
      throw new InputError('too-large', tooLargeMessage(name));
    default:
      throw new InputError('unreadable', `${name} cannot be read: check its permissions.`);
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

/**
 * Open every path (files and folders), in order. `warn` gets one line per folder that was not
 * searched (nested too deep, unreadable): the files found are still opened.
 */
export async function openAll(paths: string[], cwd: string, password: string | undefined, keyStore?: KeyStore, warn?: (line: string) => void): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  for (const p of paths) {
    const { files, errors, skipped } = expandPaths([p], cwd);
    for (const line of skipped) warn?.(line);
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
