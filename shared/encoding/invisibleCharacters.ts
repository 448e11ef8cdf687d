// Characters a person cannot see, or that reorder what a person sees, inside names written by
// strangers (a certificate's CN, a SAN, a file name). A CN "ex1.contoso.com\u202Emoc.live"
// displays as "ex1.contoso.comevil.com" (the RIGHT-TO-LEFT OVERRIDE reverses what follows —
// CVE-2021-42574, "Trojan Source"); a zero-width space makes two different names look equal.
// Unicode TR36 (security considerations) and UTS #39 (Default_Ignorable_Code_Point, bidi
// controls) name the sets; IDNA (RFC 5892) disallows every one of them in a host name.
//
// One core for every shell: the terminal escapes them (displayText.ts), the app and the HTML
// report show a visible marker ("[U+202E]") in their place and isolate the name (<bdi>), and the
// rule general.invisible-characters reports a name that holds one.

export interface InvisibleCharacter {
  /** `U+202E` */
  codePoint: string;
  /** The Unicode name, in words a person can look up. */
  name: string;
  /** A bidirectional control: it reorders the text around it (worse than merely hidden). */
  bidi: boolean;
}

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** The bidi controls: embeddings, overrides, isolates and marks (UAX #9). */
const BIDI = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/;

/**
 * C0 and C1 controls (line breaks and tabs too: a name holds none), DEL, the bidi controls, the
 * zero-width and other default-ignorable format characters, the blank Hangul fillers and the
 * tag characters (U+E0000–E007F, invisible "ASCII smuggling").
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]/gu;

function describe(char: string): InvisibleCharacter {
  const cp = char.codePointAt(0)!;
  const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[cp] ?? (cp >= 0xe0000 ? 'TAG CHARACTER' : 'CONTROL CHARACTER');
  return { codePoint, name, bidi: BIDI.test(char) };
}

export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** The distinct invisible characters in a text, in order of first appearance. */
export function invisibleCharacters(text: string): InvisibleCharacter[] {
  const seen = new Map<string, InvisibleCharacter>();
  for (const match of text.matchAll(INVISIBLE)) {
    const c = describe(match[0]);
    if (!seen.has(c.codePoint)) seen.set(c.codePoint, c);
  }
  return [...seen.values()];
}

/** A piece of text: plain text, or one invisible character to show as a marker. */
export type TextPart = { text: string; invisible?: undefined } | { text: string; invisible: InvisibleCharacter };

/** The text cut into plain runs and invisible characters (each its own part, for a marker). */
export function splitInvisible(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    const at = match.index!;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: match[0], invisible: describe(match[0]) });
    last = at + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) });
  return parts;
}

/** The marker a person sees in place of an invisible character. */
export function invisibleMarker(c: InvisibleCharacter): string {
  return `[${c.codePoint}]`;
}

/** Plain text with every invisible character replaced by its marker ("ex1[U+200B].contoso.com"). */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => invisibleMarker(describe(c)));
}

/**
 * For places that hold only plain text (an HTML <option>, a window title): the name with its
 * markers shown, wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (UAX #9), the
 * plain-text equivalent of <bdi>, so it cannot reorder the words around it. The wrapping
 * characters are ours and balanced; the name's own bidi controls are already markers.
 */
export function isolatedText(text: string): string {
  return `\u2068${showInvisible(text)}\u2069`;
}
