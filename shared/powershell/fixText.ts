// Values inside the commands a finding suggests (its fix text, a report's fix column): a
// certificate's CN or SAN was written by whoever asked for the certificate, so it goes through
// the same validation and quoting as the generated scripts — or the command names a
// placeholder. A CN such as `owa.contoso.com -RequiresReplication $false; iex(iwr http://…); #`
// must never become a command a person copies.
import { psQuote } from './quote.js';
import { validateFqdn, type FqdnOptions } from './validate.js';

/** `<placeholder>` as fix texts write it. */
function placeholder(name: string): string {
  return name.startsWith('<') ? name : `<${name}>`;
}

/** A host name for a PowerShell parameter: validated and single-quoted (`'owa.contoso.com'`), else the placeholder. */
export function psFqdnArg(value: string | null | undefined, placeholderName: string, options: FqdnOptions = {}): string {
  if (value === null || value === undefined) return placeholder(placeholderName);
  try {
    return psQuote(validateFqdn(value, 'name', options));
  } catch {
    return placeholder(placeholderName);
  }
}

/** Any text for a PowerShell parameter: single-quoted when script-safe, else the placeholder. */
export function psTextArg(value: string | null | undefined, placeholderName: string): string {
  if (value === null || value === undefined || value === '') return placeholder(placeholderName);
  try {
    return psQuote(value);
  } catch {
    return placeholder(placeholderName);
  }
}

/**
 * A SAN entry for a certreq INF (`dns=ex1.contoso.com`): only a valid host name (a wildcard
 * allowed), which holds no quote, `&`, `%` or space that could change the INF line; else the
 * placeholder.
 */
export function infDnsEntry(value: string | null | undefined, placeholderName: string): string {
  if (value === null || value === undefined) return `dns=${placeholder(placeholderName)}`;
  try {
    return `dns=${validateFqdn(value, 'name', { allowWildcard: true })}`;
  } catch {
    return `dns=${placeholder(placeholderName)}`;
  }
}

/**
 * A value for an XML attribute a fix tells a person to type (web.config): the value itself when
 * it holds no quote, markup or control character, else the placeholder.
 */
export function configAttributeValue(value: string | null | undefined, placeholderName: string): string {
  if (value === null || value === undefined || /["<>&\u0000-\u001f\u007f-\u009f]/.test(value)) return placeholder(placeholderName);
  return value;
}
