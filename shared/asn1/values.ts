// Decoders for the primitive ASN.1 values certificates use.
import { Asn1Error, TAG, content, type Tlv } from './der.js';
import { toHex } from '../encoding/hex.js';
import { decodeLatin1, decodeUtf16be, decodeUtf32be, decodeUtf8 } from '../encoding/text.js';

// OIDs are read for every extension and name attribute of every certificate: plain numbers
// while an arc fits in 2^53 (always, in practice), BigInt only beyond that.
export function readOid(tlv: Tlv): string {
  if (tlv.tagNumber !== TAG.OID || tlv.constructed) throw new Asn1Error('malformed', 'expected an object identifier');
  const { buf: bytes, start, end } = tlv;
  if (end === start) throw new Asn1Error('malformed', 'an empty object identifier');
  let out = '';
  let value = 0;
  let big: bigint | null = null;
  let first = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (big !== null) big = (big << 7n) | BigInt(b & 0x7f);
    else if (value >= 2 ** 45) big = (BigInt(value) << 7n) | BigInt(b & 0x7f);
    else value = value * 128 + (b & 0x7f);
    if ((b & 0x80) !== 0) {
      if (i === end - 1) throw new Asn1Error('malformed', 'an object identifier is cut off');
      continue;
    }
    if (first) {
      const v = big ?? BigInt(value);
      out = v < 40n ? `0.${v}` : v < 80n ? `1.${v - 40n}` : `2.${v - 80n}`;
      first = false;
    } else {
      out += '.' + (big !== null ? big.toString() : String(value));
    }
    value = 0;
    big = null;
  }
  return out;
}

/** INTEGER content bytes as upper hex (Windows serial form: the bytes as encoded). */
export function readIntegerHex(tlv: Tlv): string {
  if (tlv.tagNumber !== TAG.INTEGER) throw new Asn1Error('malformed', 'expected an integer');
  return toHex(content(tlv));
}

export function readSmallInteger(tlv: Tlv): number {
  if (tlv.tagNumber !== TAG.INTEGER) throw new Asn1Error('malformed', 'expected an integer');
  const bytes = content(tlv);
  if (bytes.length === 0 || bytes.length > 6) throw new Asn1Error('malformed', 'an integer is out of range');
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  // Two's complement: a set top bit means negative.
  return bytes[0]! & 0x80 ? n - 2 ** (8 * bytes.length) : n;
}

/** Bit length of an unsigned big-endian integer (leading zero bytes ignored). */
export function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

export function readBoolean(tlv: Tlv): boolean {
  const bytes = content(tlv);
  return bytes.length > 0 && bytes[0] !== 0;
}

/** BIT STRING: the bytes after the unused-bits byte. */
export function readBitStringBytes(tlv: Tlv): Uint8Array {
  const bytes = content(tlv);
  if (bytes.length === 0) throw new Asn1Error('malformed', 'an empty bit string');
  return bytes.subarray(1);
}

/** Any of the ASN.1 string types certificates use, as text. */
export function readString(tlv: Tlv): string {
  const bytes = content(tlv);
  switch (tlv.tagNumber) {
    case TAG.UTF8String:
      return decodeUtf8(bytes);
    case TAG.BMPString:
      return decodeUtf16be(bytes);
    case TAG.UniversalString:
      return decodeUtf32be(bytes);
    case TAG.PrintableString:
    case TAG.IA5String:
    case TAG.NumericString:
    case TAG.VisibleString:
    case TAG.T61String:
    default:
      // T61 is in practice Latin-1; unknown types are shown byte for byte.
      return decodeLatin1(bytes);
  }
}

export function isStringTag(tagNumber: number): boolean {
  return [12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30].includes(tagNumber);
}

/** UTCTime / GeneralizedTime → ISO-8601 UTC (`2026-01-01T00:00:00Z`). */
export function readTime(tlv: Tlv): string {
  const text = decodeLatin1(content(tlv));
  let m: RegExpMatchArray | null;
  if (tlv.tagNumber === TAG.UTCTime) {
    m = text.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/);
    if (!m) throw new Asn1Error('malformed', `a date (${JSON.stringify(text)}) is not a valid UTCTime`);
    const yy = Number(m[1]);
    const year = yy >= 50 ? 1900 + yy : 2000 + yy; // RFC 5280 4.1.2.5.1
    return iso(year, m[2]!, m[3]!, m[4]!, m[5]!, m[6] ?? '00', '', m[7]!);
  }
  if (tlv.tagNumber === TAG.GeneralizedTime) {
    m = text.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(\.\d+)?(Z|[+-]\d{4})?$/);
    if (!m) throw new Asn1Error('malformed', `a date (${JSON.stringify(text)}) is not a valid GeneralizedTime`);
    return iso(Number(m[1]), m[2]!, m[3]!, m[4]!, m[5] ?? '00', m[6] ?? '00', m[7] ?? '', m[8] ?? 'Z');
  }
  throw new Asn1Error('malformed', 'expected a time');
}

function iso(year: number, mo: string, d: string, h: string, mi: string, s: string, frac: string, zone: string): string {
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
    throw new Asn1Error('malformed', 'a date is out of range');
  }
  // Whole seconds only: certificates never need more, and it matches what OpenSSL prints.
  void frac;
  if (zone === 'Z' && s !== '60' && day <= 28) {
    // The common case (UTC, a day every month has): no Date object, just the digits.
    return `${String(year).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}Z`;
  }
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  const ms = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new Asn1Error('malformed', 'a date is out of range');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
