// Text bound for a terminal (or a log a person reads) carries names from certificates, files
// and environments — written by strangers. A name must not move the cursor, clear a line,
// overwrite what came before (CR, escape sequences, C1 CSI), hide in a NUL, or reorder what a
// person sees (bidirectional controls). displayName (one-line messages) escapes line breaks
// too; displayText keeps the output's own line breaks and tabs and escapes everything else.
// jsonForTerminal keeps JSON exactly JSON (the same value when parsed) while making sure no such
// character appears raw: JSON.stringify escapes C0 but not DEL, C1 or bidi controls.

/**
 * C0 (but \n and \t), DEL, C1, line/paragraph separators, bidi embeddings, overrides, isolates
 * and marks, and the zero-width characters that hide inside a name (invisibleCharacters.ts has
 * the full set the app and the HTML report mark).
 */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** In JSON text every C0 character is already \u-escaped by JSON.stringify. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase();

/** Multi-line text with every unsafe character shown as `\u{XX}`. */
export function displayText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, (c) => `\\u{${hex(c)}}`);
}

/** JSON text (from JSON.stringify) with DEL, C1 and bidi controls \u-escaped: same value, nothing raw. */
export function jsonForTerminal(json: string): string {
  // Outside strings JSON holds only ASCII punctuation, digits and literals: every match is
  // inside a string, where \uXXXX means the same character.
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c).padStart(4, '0')}`);
}
