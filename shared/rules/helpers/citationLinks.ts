// The addresses behind a citation, so every shell can offer "open the source": a finding's
// citation quotes one or more documents of CITE / ESTATE_CITE word for word, and each of those
// has an address in citationUrls.ts (some citations also carry an address in their text). One
// function for the app's finding cards, the rule catalogue and the sources page.
import { ESTATE_CITE } from '../estate/citations.js';
import { CITE } from './citations.js';
import { CITE_URL, ESTATE_CITE_URL, UNCONFIRMED_URLS } from './citationUrls.js';

export interface CitationLink {
  url: string;
  /** Where the link goes, for a short label: the host name (learn.microsoft.com, github.com…). */
  host: string;
  /** False where the address was put together and nobody opened it (UNCONFIRMED_URLS). */
  confirmed: boolean;
}

const URL_IN_TEXT = /https?:\/\/[^\s"'<>]+/g;

/** The keys of `table` whose text the citation quotes, in the order they appear in it. */
export function citedKeys(citation: string, table: Readonly<Record<string, string>>): string[] {
  return Object.entries(table)
    .map(([key, text]) => ({ key, at: citation.indexOf(text) }))
    .filter((k) => k.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((k) => k.key);
}

/** Addresses in running text: trailing punctuation and a closing parenthesis the URL did not open are not part of it. */
function urlsIn(text: string): string[] {
  return (text.match(URL_IN_TEXT) ?? []).map((u) => {
    let url = u.replace(/[.,;]+$/, '');
    while (url.endsWith(')') && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) url = url.slice(0, -1).replace(/[.,;]+$/, '');
    return url;
  });
}

/** Every address a reader can open for this citation, without repeats. */
export function citationLinks(citation: string): CitationLink[] {
  const found: { url: string; confirmed: boolean }[] = [];
  for (const key of citedKeys(citation, CITE)) {
    for (const url of urlsIn(CITE_URL[key as keyof typeof CITE])) found.push({ url, confirmed: !UNCONFIRMED_URLS.has(key as keyof typeof CITE) });
  }
  for (const key of citedKeys(citation, ESTATE_CITE)) {
    const own = ESTATE_CITE_URL[key as keyof typeof ESTATE_CITE];
    for (const url of own ? urlsIn(own) : []) found.push({ url, confirmed: !UNCONFIRMED_URLS.has(key as keyof typeof ESTATE_CITE) });
  }
  for (const url of urlsIn(citation)) found.push({ url, confirmed: true });
  const seen = new Set<string>();
  const links: CitationLink[] = [];
  for (const f of found) {
    if (seen.has(f.url)) continue;
    seen.add(f.url);
    links.push({ ...f, host: hostOf(f.url) });
  }
  return links;
}

function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#]+)/.exec(url);
  return m ? m[1]!.replace(/^www\./, '') : url;
}
