// Base64 without Buffer or atob (shared/ runs in Node, the browser and a worker alike).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
// Accept the URL-safe alphabet too: some tools write it.
LOOKUP['-'.charCodeAt(0)] = 62;
LOOKUP['_'.charCodeAt(0)] = 63;

const CODES = new Uint8Array(64);
for (let i = 0; i < 64; i++) CODES[i] = ALPHABET.charCodeAt(i);
const EQUALS = 61;
// Every model carries its certificate as Base64; writing ASCII codes into bytes and decoding
// them once is three times faster than growing a string four characters at a time.
const ASCII = new TextDecoder('latin1');

/** Bytes to standard Base64 with padding (the same text, whichever encoder is installed). */
export type Base64Encoder = (bytes: Uint8Array) => string;

let encoder: Base64Encoder = toBase64Portable;

/**
 * A shell may install its platform's native encoder (the Node CLI does: cli/nodeBase64.ts):
 * every certificate model carries its DER as Base64, thousands of them for a folder.
 */
export function setBase64Encoder(next: Base64Encoder): void {
  encoder = next;
}

export function toBase64(bytes: Uint8Array): string {
  return encoder(bytes);
}

/** The encoder in plain JavaScript, for the browser and worker (and the reference for native ones). */
export function toBase64Portable(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[v >> 18]!;
    out[o++] = CODES[(v >> 12) & 63]!;
    out[o++] = CODES[(v >> 6) & 63]!;
    out[o++] = CODES[v & 63]!;
  }
  const rest = n - i;
  if (rest > 0) {
    const v = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = CODES[v >> 18]!;
    out[o++] = CODES[(v >> 12) & 63]!;
    out[o++] = rest === 2 ? CODES[(v >> 6) & 63]! : EQUALS;
    out[o] = EQUALS;
  }
  return ASCII.decode(out);
}

/** Wrap Base64 at 64 columns, as PEM does. */
export function toPem(label: string, bytes: Uint8Array): string {
  const b64 = toBase64(bytes).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/**
 * Decode Base64, ignoring whitespace. Returns null when the text is not Base64
 * (a character outside the alphabet, or padding in the middle).
 */
export function fromBase64(text: string): Uint8Array | null {
  // Whitespace is skipped here rather than removed first: text.replace(/\s/g, '') on a 30 MiB
  // text file with millions of spaces held ~380 MB of match pieces at once. Trailing padding
  // is counted as it comes (a /=+$/ regex backtracked quadratically on long '=' runs).
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let pos = 0;
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isJsWhitespace(c)) continue;
    if (c === EQUALS) {
      if (++padding > 2) return null;
      continue;
    }
    if (padding > 0) return null; // padding in the middle
    const v = c < 256 ? LOOKUP[c]! : -1;
    if (v < 0) return null;
    count++;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[pos++] = (acc >> bits) & 0xff;
    }
  }
  if (count % 4 === 1) return null;
  return out.subarray(0, pos);
}

/** Exactly the characters of the regular expression class \s. */
function isJsWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
