// Text codecs for ASN.1 string types and PKCS#12 passwords, without TextDecoder quirks.

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Encoder = new TextEncoder();

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

const WINDOWS_1252 = new TextDecoder('latin1');

export function decodeLatin1(bytes: Uint8Array): string {
  // One concatenation per byte built a rope of millions of pieces (4 s for a 16 MiB PEM file).
  // TextDecoder('latin1') is really windows-1252: the same as ISO-8859-1 except 0x80–0x9F, so it
  // is used when none of those bytes occur, and String.fromCharCode in chunks otherwise.
  let c1 = false;
  for (let i = 0; i < bytes.length && !c1; i++) c1 = bytes[i]! >= 0x80 && bytes[i]! <= 0x9f;
  if (!c1) return WINDOWS_1252.decode(bytes);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return parts.join('');
}

export function decodeUtf16be(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out;
}

export function decodeUtf32be(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
  }
  return out;
}

/**
 * A PKCS#12 password as the PKCS#12 KDF wants it: UTF-16BE with a two-byte zero terminator
 * (RFC 7292 appendix B.1). An empty password becomes just the terminator.
 */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[i * 2] = c >> 8;
    out[i * 2 + 1] = c & 0xff;
  }
  return out;
}
