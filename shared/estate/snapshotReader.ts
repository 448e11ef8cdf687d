// The field reader behind readSnapshot.ts: each method checks one JSON value, records a
// path-named error ("exchange.certificates[3].notAfter must be …") and returns undefined, so a
// whole snapshot is read once and every bad field is known before the first one is reported.
import { cleanThumbprint } from '../model/thumbprint.js';

const MAX_ITEMS = 200_000;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

export class SnapshotReader {
  readonly errors: string[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push(`${path} ${message}`);
    return undefined;
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(path, `must be an object (got ${describe(value)})`);
    return value as Record<string, unknown>;
  }

  string(value: unknown, path: string, required = false): string | undefined {
    if (value === undefined || value === null) return required ? this.fail(path, 'is required') : undefined;
    if (typeof value !== 'string') return this.fail(path, `must be text (got ${describe(value)})`);
    if (required && value.trim() === '') return this.fail(path, 'is empty');
    return value;
  }

  /** A host name as Exchange / Lync print it; kept as written (trimmed). */
  host(value: unknown, path: string, required = false): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    const trimmed = text.trim().replace(/\.$/, '');
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(trimmed)) return this.fail(path, `must be a server name such as ex1.contoso.com (got ${JSON.stringify(text)})`);
    return trimmed;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') return this.fail(path, `must be true or false (got ${describe(value)})`);
    return value;
  }

  number(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, `must be a number (got ${describe(value)})`);
    return value;
  }

  /** ISO 8601 date-time; kept as written when it parses. */
  date(value: unknown, path: string, required = false): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text.trim()) || Number.isNaN(Date.parse(text.trim()))) {
      return this.fail(path, `must be an ISO 8601 date such as 2026-12-01T10:00:00Z (got ${JSON.stringify(text)})`);
    }
    return text.trim();
  }

  /** 40 hex after cleaning → upper case; a masked or partial value (`***`, `TRIM`) → null. */
  thumbprint(value: unknown, path: string): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === null) return null;
    if (typeof value !== 'string') return this.fail(path, `must be a thumbprint as text (got ${describe(value)})`);
    const cleaned = cleanThumbprint(value);
    return cleaned.valid ? cleaned.value : null;
  }

  array<T>(value: unknown, path: string, item: (v: unknown, p: string) => T | undefined): T[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return this.fail(path, `must be a list (got ${describe(value)})`);
    if (value.length > MAX_ITEMS) return this.fail(path, `has more than ${MAX_ITEMS} entries`);
    const out: T[] = [];
    value.forEach((v, i) => {
      const r = item(v, `${path}[${i}]`);
      if (r !== undefined) out.push(r);
    });
    return out;
  }

  strings(value: unknown, path: string): string[] | undefined {
    return this.array(value, path, (x, q) => this.string(x, q));
  }

  der(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text === undefined || text.trim() === '') return undefined;
    if (!BASE64.test(text)) return this.fail(path, 'must be the certificate as Base64 (RawData)');
    return text.replace(/\s/g, '');
  }
}

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
