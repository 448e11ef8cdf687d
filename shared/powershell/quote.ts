// Quoting for generated PowerShell. Every value goes into a single-quoted string: PowerShell
// expands nothing inside one (no `$`, no backtick, no `$(…)`), and the only way out is a quote.
// ASCII `'` is doubled; the typographic look-alikes PowerShell also treats as quotes, and any
// control character (a newline would start a new command), are refused outright.
import { findControlCharacter, findLookAlike } from './characters.js';
import { UnsafeValueError } from './unsafeValueError.js';

/** Refuses control characters and quote/dash look-alikes in any value bound for a script. */
export function assertScriptSafe(value: string, field: string): void {
  const control = findControlCharacter(value);
  if (control) {
    throw new UnsafeValueError(
      'control-character',
      field,
      `${field} contains the control character ${control} (a line break or similar); give the value on one line without it.`,
    );
  }
  const lookAlike = findLookAlike(value);
  if (lookAlike) {
    throw new UnsafeValueError(
      'quote-look-alike',
      field,
      `${field} contains the typographic character ${lookAlike}, which PowerShell reads as a quote or dash; retype it with plain ASCII characters.`,
    );
  }
}

/** `value` as a PowerShell single-quoted string literal: `'it''s'`. */
export function psQuote(value: string, field = 'value'): string {
  assertScriptSafe(value, field);
  return `'${value.replace(/'/g, "''")}'`;
}

/** An array literal of single-quoted strings: `@('a','b')`. Empty elements are refused. */
export function psArray(values: readonly string[], field = 'value'): string {
  return `@(${values
    .map((v, i) => {
      if (v === '') {
        throw new UnsafeValueError('empty', field, `${field} has an empty element at position ${i + 1}; remove it or give a value.`);
      }
      return psQuote(v, field);
    })
    .join(',')})`;
}

/** `value` as a certreq INF string: `"value"`. INF has no escape we rely on, so `"` is refused. */
export function infQuote(value: string, field = 'value'): string {
  assertScriptSafe(value, field);
  if (value.includes('"')) {
    throw new UnsafeValueError('bad-name', field, `${field} contains a double quote, which a certreq INF cannot hold; remove it.`);
  }
  // certreq substitutes %name% from a [Strings] section: a % would change the value silently.
  if (value.includes('%')) {
    throw new UnsafeValueError('bad-name', field, `${field} contains a %, which certreq reads as a %variable%; remove it.`);
  }
  return `"${value}"`;
}
