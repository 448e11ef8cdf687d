// Thumbprints as admins paste them: from the Windows certificate dialog (spaced pairs, a
// hidden U+200E LEFT-TO-RIGHT MARK in front), from certutil (spaces), lower case, with
// colons from OpenSSL. Exchange and Lync want 40 upper-case hex characters, nothing else.

/** Invisible characters the Windows certificate dialog and editors slip into copied text. */
// U+200D (zero-width joiner) last: between two other characters a linter reads it as one joined sequence.
const INVISIBLE = /[\u200E\u200F\u200B\u200C\u2060\uFEFF\u202A-\u202E\u200D]/g;
const SEPARATORS = /[\s:-]/g;

export interface CleanedThumbprint {
  /** The cleaned value: upper case, separators and invisible characters removed. */
  value: string;
  /** It is a SHA-1 thumbprint: exactly 40 hex characters after cleaning. */
  valid: boolean;
  /** Invisible characters that were removed, as `U+200E` code points (empty when none). */
  invisibleRemoved: string[];
  /** Anything that is neither hex nor a separator nor invisible (makes it invalid). */
  unexpected: string[];
}

export function cleanThumbprint(input: string): CleanedThumbprint {
  const invisibleRemoved = [...(input.match(INVISIBLE) ?? [])].map(
    (ch) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'),
  );
  const stripped = input.replace(INVISIBLE, '').replace(SEPARATORS, '').toUpperCase();
  const unexpected = [...new Set(stripped.replace(/[0-9A-F]/g, '').split(''))];
  return {
    value: stripped,
    valid: unexpected.length === 0 && stripped.length === 40,
    invisibleRemoved,
    unexpected,
  };
}

/** The spaced form Windows shows on hover: `1A 31 B7 …`. */
export function spacedThumbprint(thumbprint: string): string {
  return thumbprint.replace(/(..)(?!$)/g, '$1 ');
}
