// The field reader behind readSnapshot.ts: each method checks one JSON value, records a
// path-named error ("exchange.certificates[3].notAfter must be …") and returns undefined, so a
// whole snapshot is read once and every bad field is known before the first one is reported.
import { cleanThumbprint } from '../model/thumbprint.js';
import { describe, FieldReader } from '../validation/fieldReader.js';

const MAX_ITEMS = 200_000;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

export class SnapshotReader extends FieldReader {
  constructor() {
    super(MAX_ITEMS);
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
