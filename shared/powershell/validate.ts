// Validation of the values CertBench writes into PowerShell, INF files and requests. Each
// validator returns the normalised value or throws UnsafeValueError with one clear sentence.
import { cleanThumbprint } from '../model/thumbprint.js';
import { assertScriptSafe } from './quote.js';
import { UnsafeValueError } from './unsafeValueError.js';

function requireText(value: string | undefined | null, field: string): string {
  if (value === undefined || value === null || value.trim() === '') {
    throw new UnsafeValueError('empty', field, `${field} is empty; give a value.`);
  }
  assertScriptSafe(value, field);
  return value.trim();
}

export interface FqdnOptions {
  /** Allow `*` as the whole left-most label (a wildcard SAN). Never for a CN (GEN-L6). */
  allowWildcard?: boolean;
  /** Allow a single-label name (e.g. `ex1`). Off by default: roles want full FQDNs. */
  allowSingleLabel?: boolean;
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * A DNS host name as Lync and Exchange accept it: labels of `A-Z a-z 0-9 -` (GEN-L7, no
 * underscore, no Unicode), 1–63 characters each, not starting or ending with `-`, at most
 * 253 characters, at least two labels. Returned in lower case.
 */
export function validateFqdn(value: string | undefined | null, field: string, options: FqdnOptions = {}): string {
  const text = requireText(value, field);
  const bad = (why: string): never => {
    throw new UnsafeValueError('bad-fqdn', field, `${field} "${printable(text)}" is not a valid FQDN: ${why}.`);
  };
  if (text.length > 253) bad('it is longer than 253 characters');
  const labels = text.split('.');
  if (labels.length < 2 && !options.allowSingleLabel) bad('it needs at least two labels, like ex1.contoso.com');
  labels.forEach((label, i) => {
    if (label === '*' && i === 0) {
      if (!options.allowWildcard) {
        throw new UnsafeValueError('wildcard', field, `${field} "${printable(text)}" is a wildcard; this value must name one host (no wildcard CN for any role, GEN-L6).`);
      }
      return;
    }
    if (label === '') bad('it has an empty label (two dots in a row, or a dot at the start or end)');
    if (label.length > 63) bad(`the label "${label.slice(0, 20)}…" is longer than 63 characters`);
    if (!LABEL.test(label)) bad(`the label "${printable(label)}" may only hold A-Z, a-z, 0-9 and inner hyphens (GEN-L7)`);
  });
  return text.toLowerCase();
}

/** The host label of an FQDN (`ex1` of `ex1.contoso.com`): what `-Server` of New-SettingOverride wants (IM-04). */
export function hostLabel(fqdn: string): string {
  return fqdn.split('.')[0];
}

export interface ValidThumbprint {
  /** 40 upper-case hex characters. */
  value: string;
  /** Invisible characters that were removed (U+200E …), for a note in the script. */
  invisibleRemoved: string[];
}

/** A SHA-1 thumbprint as pasted: spaces, U+200E/U+200F/U+FEFF and case are cleaned (IM-07). */
export function validateThumbprint(value: string | undefined | null, field: string): ValidThumbprint {
  if (value === undefined || value === null || value.trim() === '') {
    throw new UnsafeValueError('empty', field, `${field} is empty; give the 40-character certificate thumbprint.`);
  }
  // A trailing newline from a file is harmless; one inside the value is not.
  assertScriptSafe(value.trim(), field);
  const cleaned = cleanThumbprint(value);
  if (cleaned.unexpected.length > 0) {
    throw new UnsafeValueError(
      'bad-thumbprint',
      field,
      `${field} contains ${cleaned.unexpected.map((c) => `"${printable(c)}"`).join(', ')}, which is not hexadecimal; a thumbprint is 40 hex characters (IM-07).`,
    );
  }
  if (!cleaned.valid) {
    throw new UnsafeValueError(
      'bad-thumbprint',
      field,
      `${field} has ${cleaned.value.length} hex characters after cleaning; a SHA-1 thumbprint has exactly 40 (IM-07).`,
    );
  }
  return { value: cleaned.value, invisibleRemoved: cleaned.invisibleRemoved };
}

// Characters Windows forbids in file names plus those we never want next to a quote in a script.
// [ and ] too: -Path parameters (Import-CsCertificate) read them as wildcards.
const PATH_FORBIDDEN = /["'`$;<>|?*%[\]]/;

/**
 * An absolute Windows path for the server side: `C:\dir\file.pfx` or `\\host\share\file.pfx`.
 * Besides Windows' own forbidden characters it refuses `'`, backtick, `$`, `;` and `%`.
 */
export function validateWindowsPath(value: string | undefined | null, field: string): string {
  const text = requireText(value, field);
  const bad = (why: string): never => {
    throw new UnsafeValueError('bad-path', field, `${field} "${printable(text)}" is not a usable Windows path: ${why}.`);
  };
  const forbidden = PATH_FORBIDDEN.exec(text);
  if (forbidden) bad(`it contains "${forbidden[0]}"`);
  const drive = /^[A-Za-z]:\\/.test(text);
  const unc = /^\\\\[A-Za-z0-9][A-Za-z0-9.-]*\\[^\\]+/.test(text);
  if (!drive && !unc) bad('give an absolute path such as C:\\Certs\\ex1.pfx or \\\\server\\share\\ex1.pfx');
  if (text.slice(2).includes(':')) bad('a colon may only follow the drive letter');
  if (text.split('\\').some((part, i) => part === '..' && i > 0)) bad('".." is not allowed');
  if (text.length > 259) bad('it is longer than 259 characters');
  return text;
}

/** A friendly name or other free text: 1–128 characters, no control character, look-alike or `"`. */
export function validateFriendlyName(value: string | undefined | null, field: string): string {
  const text = requireText(value, field);
  if (text.length > 128) {
    throw new UnsafeValueError('bad-name', field, `${field} is longer than 128 characters; shorten it.`);
  }
  if (text.includes('"')) {
    throw new UnsafeValueError('bad-name', field, `${field} contains a double quote; remove it.`);
  }
  return text;
}

/** Shows a value in an error message without letting invisible characters hide. */
function printable(value: string): string {
  return value.replace(/[^\x20-\x7E]/g, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
