// Text codecs for ASN.1 string types and PKCS#12 passwords, without TextDecoder quirks.

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Encoder = new TextEncoder();

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

export function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
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
