// Every SHA-1 thumbprint inside pasted text, wherever it sits: a Get-ExchangeCertificate table
// row (`1A2B… IP.WS.. CN=…`), a Format-List line, certutil's `Cert Hash(sha1): 1a 2b …`, the
// Windows certificate dialog (spaced pairs behind an invisible U+200E), OpenSSL's colon form.
// A run of hex longer than 40 (a SHA-256 fingerprint, a serial number) is not a thumbprint.

/** Invisible characters the Windows dialog and editors slip into copied text. */
// U+200D (zero-width joiner) last: between two other characters a linter reads it as one joined sequence.
const INVISIBLE = '\\u200E\\u200F\\u200B\\u200C\\u2060\\uFEFF\\u202A-\\u202E\\u200D';
// 20 hex pairs; between pairs at most one separator (space, colon, dash) and invisible marks.
const PAIR_RUN = new RegExp(`[${INVISIBLE}]*(?:[0-9A-Fa-f]{2}[${INVISIBLE}]*[ :\\-]?[${INVISIBLE}]*){19}[0-9A-Fa-f]{2}`, 'g');
const HEX = /[0-9A-Fa-f]/;

export interface FoundThumbprint {
  /** 40 upper-case hex characters. */
  thumbprint: string;
  /** Offset of the first character of the match in the text (UTF-16 units). */
  start: number;
  /** Offset just past the match. */
  end: number;
  /** 1-based line number of the match. */
  line: number;
  /** How it was written: 40 hex in one piece, pairs with spaces, or pairs with colons/dashes. */
  form: 'plain' | 'spaced' | 'separated';
  /** Invisible characters (U+200E …) sat inside or in front of it. */
  hadInvisible: boolean;
}

export function findThumbprints(text: string): FoundThumbprint[] {
  const found: FoundThumbprint[] = [];
  const lines = { offset: 0, line: 1 }; // counted forward once, not from the start per match
  PAIR_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAIR_RUN.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const hex = raw.replace(/[^0-9A-Fa-f]/g, '');
    const separators = raw.replace(/[0-9A-Fa-f]/g, '').replace(new RegExp(`[${INVISIBLE}]`, 'g'), '');
    const sep = separators[0] ?? '';
    // Mixed separators ("1a 2b:3c") are not one value.
    if (separators.length > 0 && (separators.length !== 19 || [...separators].some((c) => c !== sep))) {
      PAIR_RUN.lastIndex = start + 1;
      continue;
    }
    if (extendsBefore(text, start, sep) || extendsAfter(text, end, sep)) {
      // Part of a longer hex value: skip past the whole run so its tail is not taken either.
      PAIR_RUN.lastIndex = skipRun(text, end, sep);
      continue;
    }
    found.push({
      thumbprint: hex.toUpperCase(),
      start,
      end,
      line: lineAt(text, start, lines),
      form: sep === '' ? 'plain' : sep === ' ' ? 'spaced' : 'separated',
      hadInvisible: new RegExp(`[${INVISIBLE}]`).test(raw),
    });
  }
  return found;
}

function extendsBefore(text: string, start: number, sep: string): boolean {
  const prev = text[start - 1];
  if (prev !== undefined && HEX.test(prev)) return true;
  if (sep === '' || prev !== sep) return false;
  return HEX.test(text[start - 2] ?? '') && HEX.test(text[start - 3] ?? '');
}

function extendsAfter(text: string, end: number, sep: string): boolean {
  const next = text[end];
  if (next !== undefined && HEX.test(next)) return true;
  if (sep === '' || next !== sep) return false;
  // "aa bb … tt uu" followed by " vv" continues the run; followed by " word" it does not.
  return HEX.test(text[end + 1] ?? '') && HEX.test(text[end + 2] ?? '') && !/[0-9A-Za-z]/.test(text[end + 3] ?? '');
}

function skipRun(text: string, from: number, sep: string): number {
  let i = from;
  while (i < text.length && (HEX.test(text[i]!) || (sep !== '' && text[i] === sep))) i++;
  return i;
}

function lineAt(text: string, offset: number, cursor: { offset: number; line: number }): number {
  for (let i = cursor.offset; i < offset; i++) if (text.charCodeAt(i) === 10) cursor.line++;
  cursor.offset = offset;
  return cursor.line;
}
