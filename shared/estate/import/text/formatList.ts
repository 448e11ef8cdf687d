// Format-List text (`Name   : value`, one object per block) back into records. Tolerates what
// pastes do to it: collapsed padding (`Name : value`), continuation lines that lost their
// indentation, wrapped `{a, b,` lists, objects with no blank line between them (a repeated
// property name starts the next object), double spacing (already undone by cleanPaste).
import { newRecord, setField, type PsRecord } from '../types.js';
import type { PasteLine } from './cleanPaste.js';

// A property name at column 0, padding, a colon, then a space or the end of the line.
// (`https://…`, `C:\…` and DNs never match: the colon must be followed by a space or nothing.)
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_.]*)\s*:(?: (.*)|$)/;

export interface FormatListResult {
  records: PsRecord[];
  /** Lines that belong to no property (before the first one). */
  stray: PasteLine[];
}

export function isKeyLine(text: string): boolean {
  return KEY_LINE.test(text);
}

export function readFormatList(lines: PasteLine[]): FormatListResult {
  const records: PsRecord[] = [];
  const stray: PasteLine[] = [];
  let current: PsRecord | null = null;
  let last: { name: string; value: string } | null = null;
  const close = () => {
    if (current && current.fields.size > 0) records.push(current);
    current = null;
    last = null;
  };
  for (const l of lines) {
    if (l.text === '') {
      close();
      continue;
    }
    const key = /^\s/.test(l.text) ? null : KEY_LINE.exec(l.text);
    if (key) {
      const name = key[1]!;
      if (current && (current as PsRecord).fields.has(name.toLowerCase())) close();
      current ??= newRecord([], l.line);
      last = { name, value: (key[2] ?? '').trim() };
      setField(current, name, last.value);
      continue;
    }
    if (current && last) {
      last.value = joinContinuation(last.value, l.text.trim());
      setField(current, last.name, last.value);
      continue;
    }
    stray.push(l);
  }
  close();
  return { records, stray };
}

/**
 * Format-List wraps a long value at the console width: after a list separator the next item
 * follows a space; anything else was cut mid-word and joins directly.
 */
function joinContinuation(value: string, more: string): string {
  if (value === '') return more;
  return value.endsWith(',') ? `${value} ${more}` : value + more;
}
