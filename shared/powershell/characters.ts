// Characters that change the meaning of a PowerShell (or INF) line even inside quotes.
//
// PowerShell's tokenizer treats the typographic single quotes U+2018 ‘ U+2019 ’ U+201A ‚ and
// U+201B ‛ exactly like an ASCII apostrophe, and U+201C “ U+201D ” U+201E „ like a double
// quote. A value carrying one can close a single-quoted string that only doubled ASCII `'`.
// Dashes U+2013/U+2014/U+2015 act as `-` (parameter prefix). We refuse them all in values.

export const SINGLE_QUOTE_LOOK_ALIKES = ['\u2018', '\u2019', '\u201A', '\u201B'] as const;
export const DOUBLE_QUOTE_LOOK_ALIKES = ['\u201C', '\u201D', '\u201E'] as const;
export const DASH_LOOK_ALIKES = ['\u2013', '\u2014', '\u2015'] as const;

const LOOK_ALIKE = new RegExp(
  `[${[...SINGLE_QUOTE_LOOK_ALIKES, ...DOUBLE_QUOTE_LOOK_ALIKES, ...DASH_LOOK_ALIKES].join('')}]`,
);
// C0 and C1 controls, DEL, line/paragraph separators, NEL: anything that can end a line.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** The first control character in `value` (as U+XXXX), or null. */
export function findControlCharacter(value: string): string | null {
  const m = CONTROL.exec(value);
  return m ? codePoint(m[0]) : null;
}

/** The first typographic quote or dash look-alike in `value` (as `‘ (U+2018)`), or null. */
export function findLookAlike(value: string): string | null {
  const m = LOOK_ALIKE.exec(value);
  return m ? `${m[0]} (${codePoint(m[0])})` : null;
}

export function codePoint(ch: string): string {
  return 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
