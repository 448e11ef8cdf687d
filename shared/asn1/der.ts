// A small, bounded BER/DER reader. Certificates are DER, but Windows writes PFX and P7B files
// in BER (indefinite lengths, constructed OCTET STRINGs), so containers need the tolerant form.
// Hostile input is the norm here: every length is checked against its parent, nesting depth
// and element counts are capped, and every failure is an Asn1Error (mapped to InputError).

export class Asn1Error extends Error {
  override readonly name = 'Asn1Error';
  constructor(
    readonly kind: 'truncated' | 'malformed' | 'too-deep' | 'too-many',
    message: string,
  ) {
    super(message);
  }
}

/** Deeper than any real certificate container; deep enough to stop stack exhaustion. */
export const MAX_DEPTH = 48;
/** More elements than any real SEQUENCE in a certificate file holds. */
export const MAX_CHILDREN = 200_000;

export const TagClass = { Universal: 0, Application: 1, Context: 2, Private: 3 } as const;
export type TagClass = (typeof TagClass)[keyof typeof TagClass];

export interface Tlv {
  /** The whole input buffer (the TLV is a view of [headerStart, totalEnd)). */
  buf: Uint8Array;
  tagClass: TagClass;
  constructed: boolean;
  tagNumber: number;
  headerStart: number;
  /** First content byte. */
  start: number;
  /** One past the last content byte (before the end-of-contents octets if indefinite). */
  end: number;
  /** One past the whole element, including end-of-contents octets. */
  totalEnd: number;
  indefinite: boolean;
  depth: number;
}

/** Read one TLV at `offset`, which must end at or before `limit`. */
export function readTlv(buf: Uint8Array, offset: number, limit: number = buf.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new Asn1Error('too-deep', 'ASN.1 nesting is deeper than any certificate file');
  let pos = offset;
  if (pos >= limit) throw new Asn1Error('truncated', 'the data ends where an element should start');
  const first = buf[pos++]!;
  const tagClass = (first >> 6) as TagClass;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (pos >= limit) throw new Asn1Error('truncated', 'the data ends inside a tag');
      if (i > 4) throw new Asn1Error('malformed', 'a tag number is too long');
      const b = buf[pos++]!;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= limit) throw new Asn1Error('truncated', 'the data ends inside a length');
  const lenByte = buf[pos++]!;
  if (lenByte === 0x80) {
    if (!constructed) throw new Asn1Error('malformed', 'an indefinite length on a primitive element');
    // Indefinite length: walk children until the end-of-contents octets (00 00).
    const start = pos;
    let cursor = pos;
    let count = 0;
    for (;;) {
      if (cursor + 2 > limit) throw new Asn1Error('truncated', 'an indefinite-length element never ends');
      if (buf[cursor] === 0 && buf[cursor + 1] === 0) break;
      const child = readTlv(buf, cursor, limit, depth + 1);
      cursor = child.totalEnd;
      if (++count > MAX_CHILDREN) throw new Asn1Error('too-many', 'too many elements');
    }
    return { buf, tagClass, constructed, tagNumber, headerStart: offset, start, end: cursor, totalEnd: cursor + 2, indefinite: true, depth };
  }
  let length: number;
  if (lenByte < 0x80) {
    length = lenByte;
  } else {
    const n = lenByte & 0x7f;
    if (n > 4) throw new Asn1Error('malformed', 'a length field is larger than any file we accept');
    length = 0;
    for (let i = 0; i < n; i++) {
      if (pos >= limit) throw new Asn1Error('truncated', 'the data ends inside a length');
      length = length * 256 + buf[pos++]!;
    }
  }
  const end = pos + length;
  if (end > limit) throw new Asn1Error('truncated', 'an element is longer than the data that holds it');
  return { buf, tagClass, constructed, tagNumber, headerStart: offset, start: pos, end, totalEnd: end, indefinite: false, depth };
}

/** Parse a whole buffer as exactly one element (trailing bytes are reported by the caller). */
export function readRoot(buf: Uint8Array): Tlv {
  return readTlv(buf, 0, buf.length, 0);
}

/** The child elements of a constructed element. */
export function children(tlv: Tlv): Tlv[] {
  if (!tlv.constructed) throw new Asn1Error('malformed', 'expected a constructed element');
  const out: Tlv[] = [];
  let pos = tlv.start;
  while (pos < tlv.end) {
    const child = readTlv(tlv.buf, pos, tlv.end, tlv.depth + 1);
    out.push(child);
    pos = child.totalEnd;
    if (out.length > MAX_CHILDREN) throw new Asn1Error('too-many', 'too many elements');
  }
  return out;
}

export function isUniversal(tlv: Tlv, tagNumber: number): boolean {
  return tlv.tagClass === TagClass.Universal && tlv.tagNumber === tagNumber;
}

/** Require a universal tag, with a message that says which structure was expected. */
export function expect(tlv: Tlv | undefined, tagNumber: number, what: string): Tlv {
  if (!tlv) throw new Asn1Error('malformed', `${what} is missing`);
  if (!isUniversal(tlv, tagNumber)) throw new Asn1Error('malformed', `${what} has the wrong type`);
  return tlv;
}

/** Content bytes (a view, not a copy). */
export function content(tlv: Tlv): Uint8Array {
  return tlv.buf.subarray(tlv.start, tlv.end);
}

/** The whole encoding of the element (a view). */
export function encoding(tlv: Tlv): Uint8Array {
  return tlv.buf.subarray(tlv.headerStart, tlv.totalEnd);
}

/**
 * OCTET STRING content, joining the segments of a BER constructed OCTET STRING
 * (Windows PFX files split their content into 1000-byte pieces).
 */
export function octets(tlv: Tlv): Uint8Array {
  if (!tlv.constructed) return content(tlv);
  const parts = children(tlv).map(octets);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** SEQUENCE = 16, SET = 17 helpers. */
export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8String: 12,
  SEQUENCE: 16,
  SET: 17,
  NumericString: 18,
  PrintableString: 19,
  T61String: 20,
  IA5String: 22,
  UTCTime: 23,
  GeneralizedTime: 24,
  VisibleString: 26,
  UniversalString: 28,
  BMPString: 30,
} as const;
