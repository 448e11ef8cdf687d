// Host name comparisons the way Windows, Exchange and Lync make them: case-insensitive, a
// trailing dot ignored, a wildcard covering exactly one left-most label.

export function normalizeFqdn(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

export function sameFqdn(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normalizeFqdn(a) === normalizeFqdn(b);
}

export function isWildcard(name: string | null | undefined): boolean {
  return !!name && name.includes('*');
}

/** `*.contoso.com` covers `sip.contoso.com`, not `contoso.com` nor `a.b.contoso.com`. */
export function wildcardCovers(pattern: string, name: string): boolean {
  const p = normalizeFqdn(pattern);
  const n = normalizeFqdn(name);
  if (!p.startsWith('*.')) return false;
  const rest = p.slice(2);
  const dot = n.indexOf('.');
  return dot > 0 && n.slice(dot + 1) === rest;
}

export function listHasExact(list: readonly string[], name: string): boolean {
  return list.some((entry) => sameFqdn(entry, name));
}

export function listCoversByWildcard(list: readonly string[], name: string): string | null {
  return list.find((entry) => wildcardCovers(entry, name)) ?? null;
}

/** Why a name is internal (public suffix list, IANA special-use names and address ranges). */
export { internalNameReason } from './internalNames.js';

/** Lync accepts only A-Z a-z 0-9 and hyphens in FQDN labels (no underscore, no Unicode). */
export function badFqdnCharacters(name: string): string[] {
  const labels = normalizeFqdn(name).split('.');
  const bad = new Set<string>();
  labels.forEach((label, i) => {
    for (const ch of label) {
      if (i === 0 && label === '*') continue;
      if (!/[a-z0-9-]/.test(ch)) bad.add(ch);
    }
  });
  return [...bad];
}

/** `ex1.contoso.com`, `*.contoso.com`: dotted, no blanks — as opposed to "Microsoft Corporation". */
export function looksLikeHostName(name: string | null | undefined): name is string {
  return !!name && /^[^\s.]+(\.[^\s.]+)+\.?$/.test(name.trim());
}
