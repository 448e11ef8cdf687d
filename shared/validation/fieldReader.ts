// What the environment validator and the snapshot reader share: read a parsed JSON value field
// by field, record each problem with its path ("exchangeServers[2].fqdn must be …") instead of
// stopping at the first, and keep going so every bad field is known. Each reader adds the
// field kinds of its own document (host names, versions, thumbprints, dates).

export class FieldReader {
  readonly errors: string[] = [];

  /** @param maxItems the longest list either document may hold (a bigger one is the wrong file). */
  constructor(private readonly maxItems: number) {}

  fail(path: string, message: string): undefined {
    this.errors.push(`${path} ${message}`);
    return undefined;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') return this.fail(path, `must be true or false (got ${describe(value)})`);
    return value;
  }

  array<T>(value: unknown, path: string, item: (v: unknown, p: string) => T | undefined): T[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return this.fail(path, `must be a list (got ${describe(value)})`);
    if (value.length > this.maxItems) return this.fail(path, `has more than ${this.maxItems} entries`);
    const out: T[] = [];
    value.forEach((v, i) => {
      const r = item(v, `${path}[${i}]`);
      if (r !== undefined) out.push(r);
    });
    return out;
  }
}

/** A JSON value named for a message: `a list`, `an object`, `string "contoso.com"` (long values cut). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value);
  return `${typeof value} ${shown.length > 40 ? shown.slice(0, 37) + '…' : shown}`;
}

/** Drop undefined fields so the result stays a clean JSON object. */
export function compact<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] === undefined) delete obj[key];
  return obj;
}
