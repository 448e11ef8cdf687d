// A thumbprint field as a paste gives it: real (40 hex, maybe spaced or with U+200E), empty, or
// masked by the person who pasted it (`***`, `xxxx…`, `TRIM`, a cut-off value). Anything that
// is not 40 hex after cleaning counts as masked: it is kept as null and never matched.
import { cleanThumbprint } from '../../model/thumbprint.js';

export type ThumbprintReading = { kind: 'value'; thumbprint: string } | { kind: 'empty' } | { kind: 'masked'; printed: string };

export function readThumbprint(printed: string): ThumbprintReading {
  const trimmed = printed.trim();
  if (trimmed === '' || trimmed === '{}') return { kind: 'empty' };
  const cleaned = cleanThumbprint(trimmed);
  if (cleaned.valid) return { kind: 'value', thumbprint: cleaned.value };
  return { kind: 'masked', printed: trimmed.length > 48 ? trimmed.slice(0, 45) + '...' : trimmed };
}

/** The thumbprint or null (empty or masked). */
export function thumbprintOrNull(printed: string): string | null {
  const r = readThumbprint(printed);
  return r.kind === 'value' ? r.thumbprint : null;
}
