// Finding rules by what an admin has in front of them: an event id ("1344"), an error code
// ("0x800B010F"), a line of log text ("Certificate subject name is not valid"), a role or a
// word of the requirement. Both shells (the CLI's `rules` and the app's Rules view) call this.
import type { CatalogueEntry } from './catalogueEntries.js';

/** The text a rule is found by: everything the catalogue says about it. */
function haystack(e: CatalogueEntry): string {
  return [e.id, e.title, e.requirement, e.roles.join(' '), e.citation, e.symptoms ?? '', ...(e.outcomes ?? []).map((o) => `${e.id}/${o.id} ${o.title ?? ''} ${o.meaning}`)]
    .join('\n')
    .toLowerCase();
}

/**
 * One search term as a matcher. A number or hex code must stand alone ("1344" does not find
 * "13440"; "0x800b010f" matches any case); other words match anywhere.
 */
function matcher(term: string): (text: string) => boolean {
  const t = term.toLowerCase();
  if (/^(0x)?[0-9a-f]*[0-9][0-9a-f]*$/.test(t)) {
    const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![0-9a-z])${escaped}(?![0-9a-z])`);
    return (text) => re.test(text);
  }
  return (text) => text.includes(t);
}

/**
 * The entries that match every term of the query (terms split on blanks; a quoted phrase is
 * one term). An empty query returns every entry.
 */
export function searchCatalogue(entries: readonly CatalogueEntry[], query: string): CatalogueEntry[] {
  const terms = [...query.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => (m[1] ?? m[2]!).trim()).filter(Boolean);
  if (terms.length === 0) return [...entries];
  const matchers = terms.map(matcher);
  return entries.filter((e) => {
    const text = haystack(e);
    return matchers.every((m) => m(text));
  });
}
