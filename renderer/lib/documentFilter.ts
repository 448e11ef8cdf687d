// The Documents pane's filter: a case-insensitive match on the file name, the common names, the
// SAN DNS names and the thumbprints of everything in a file. A thumbprint pasted from the
// Windows dialog (spaced pairs, a hidden U+200E in front) or from OpenSSL (colons) matches too.
import { cleanThumbprint } from '../../shared/model/thumbprint.js';
import type { OpenDocument } from '../state/workbench.js';

interface SearchText {
  /** File name, CNs and DNS names, lower case, one per line (a match never spans two). */
  words: string;
  /** Thumbprints, upper-case hex, one per line. */
  thumbprints: string;
}

// Computed once per document object: typing a character in front of 5,000 files must not
// rebuild 5,000 strings.
const cache = new WeakMap<OpenDocument, SearchText>();

function searchText(doc: OpenDocument): SearchText {
  let text = cache.get(doc);
  if (text) return text;
  const words: string[] = [doc.fileName];
  const thumbprints: string[] = [];
  for (const cert of doc.summary.certificates) {
    words.push(...cert.commonNames, ...cert.dnsNames);
    thumbprints.push(cert.thumbprint.toUpperCase());
  }
  const request = doc.summary.request;
  if (request) words.push(...request.commonNames, ...request.dnsNames);
  text = { words: words.join('\n').toLowerCase(), thumbprints: thumbprints.join('\n') };
  cache.set(doc, text);
  return text;
}

/** A compiled filter: null when the query is empty (everything shows). */
export type DocumentMatcher = ((doc: OpenDocument) => boolean) | null;

export function documentMatcher(query: string): DocumentMatcher {
  const words = query.trim().toLowerCase();
  if (!words) return null;
  // A pasted thumbprint keeps its spaces, colons and invisible marks; compare it cleaned.
  const cleaned = cleanThumbprint(query);
  const hex = cleaned.unexpected.length === 0 && cleaned.value.length >= 2 ? cleaned.value : null;
  return (doc) => {
    const text = searchText(doc);
    return text.words.includes(words) || (hex !== null && text.thumbprints.includes(hex));
  };
}

export function filterDocuments(documents: readonly OpenDocument[], query: string): readonly OpenDocument[] {
  const match = documentMatcher(query);
  return match ? documents.filter(match) : documents;
}
