// A minimal DER writer: enough to wrap legacy key formats into PKCS#8.

export function tlv(tag: number, body: Uint8Array): Uint8Array {
  const len = body.length;
  let header: number[];
  if (len < 0x80) header = [tag, len];
  else {
    const bytes: number[] = [];
    for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  const out = new Uint8Array(header.length + len);
  out.set(header);
  out.set(body, header.length);
  return out;
}

export function sequence(...items: Uint8Array[]): Uint8Array {
  return tlv(0x30, join(items));
}

export function integer(value: number): Uint8Array {
  if (value < 0 || value > 127) throw new Error('derWriter.integer handles 0..127');
  return tlv(0x02, new Uint8Array([value]));
}

export function octetString(body: Uint8Array): Uint8Array {
  return tlv(0x04, body);
}

export function nullValue(): Uint8Array {
  return new Uint8Array([0x05, 0x00]);
}

export function objectIdentifier(dotted: string): Uint8Array {
  const parts = dotted.split('.').map((p) => BigInt(p));
  const bytes: number[] = [];
  const encode = (v: bigint) => {
    const chunk: number[] = [Number(v & 0x7fn)];
    for (v >>= 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    bytes.push(...chunk);
  };
  encode(parts[0]! * 40n + parts[1]!);
  for (const p of parts.slice(2)) encode(p);
  return tlv(0x06, new Uint8Array(bytes));
}

function join(items: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(items.reduce((n, i) => n + i.length, 0));
  let pos = 0;
  for (const i of items) {
    out.set(i, pos);
    pos += i.length;
  }
  return out;
}
