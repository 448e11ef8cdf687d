// Large sets: the Documents pane filtered by what a file says about itself — its verdict
// ("fail", "warn", "pass"), its dates ("expired", "expiring") or its kind ("pfx", "request") —
// and sorted by name, verdict, days left, issuer or kind. Text queries still go to
// documentFilter.ts; the drop-downs (verdict, role, kind, issuer) to documentFacets.ts.
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { OpenDocument } from '../state/workbench.js';
import { kindLabel } from './document.js';
import { filterDocuments } from './documentFilter.js';
import { documentRoles, issuerOf } from './documentFacets.js';
import type { Environment } from '../../shared/environment/types.js';
import { roleLabel } from './roles.js';

export type DocumentSort = 'opened' | 'name' | 'verdict' | 'days-left' | 'issuer' | 'kind' | 'role';
export const DOCUMENT_SORTS: { id: DocumentSort; label: string }[] = [
  { id: 'opened', label: 'Order opened' },
  { id: 'name', label: 'Name' },
  { id: 'verdict', label: 'Verdict (fail first)' },
  { id: 'days-left', label: 'Days left' },
  { id: 'issuer', label: 'Issuer' },
  { id: 'kind', label: 'Kind' },
  { id: 'role', label: 'Role (guessed)' },
];

const DAY = 86_400_000;
const VERDICT_WORDS: Record<string, Verdict> = { fail: 'fail', fails: 'fail', failing: 'fail', failed: 'fail', warn: 'warn', warning: 'warn', warnings: 'warn', pass: 'pass', passes: 'pass', passing: 'pass', passed: 'pass' };
const VERDICT_RANK: Record<string, number> = { fail: 0, warn: 1, pass: 2 };

const notAfterOf = (doc: OpenDocument) => {
  const cert = doc.summary.certificates[doc.certIndex];
  return cert ? Date.parse(cert.notAfter) : Number.POSITIVE_INFINITY;
};

/** Names in a person's order; files without one (a request has no issuer) last. */
const compareText = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }));

/** The documents a query keeps: a status word, a kind, or else text (name, CN, SAN, thumbprint). */
export function filterByQuery(documents: readonly OpenDocument[], query: string, verdicts: Record<string, Verdict | undefined>, at: number): readonly OpenDocument[] {
  const word = query.trim().toLowerCase();
  const verdict = VERDICT_WORDS[word];
  if (verdict) return documents.filter((d) => verdicts[d.docId] === verdict);
  if (word === 'expired') return documents.filter((d) => notAfterOf(d) < at);
  if (word === 'expiring') return documents.filter((d) => notAfterOf(d) >= at && notAfterOf(d) - at <= 30 * DAY);
  const byKind = documents.filter((d) => kindLabel(d.summary.kind).toLowerCase() === word);
  if (word && byKind.length > 0) return byKind;
  return filterDocuments(documents, query);
}

export function sortDocuments(
  documents: readonly OpenDocument[],
  sort: DocumentSort,
  verdicts: Record<string, Verdict | undefined>,
  environment: Environment = {},
): readonly OpenDocument[] {
  if (sort === 'opened') return documents;
  const list = [...documents];
  if (sort === 'name') list.sort((a, b) => a.fileName.localeCompare(b.fileName, 'en', { numeric: true, sensitivity: 'base' }));
  else if (sort === 'verdict') list.sort((a, b) => (VERDICT_RANK[verdicts[a.docId] ?? ''] ?? 3) - (VERDICT_RANK[verdicts[b.docId] ?? ''] ?? 3));
  else if (sort === 'issuer') list.sort((a, b) => compareText(issuerOf(a), issuerOf(b)) || notAfterOf(a) - notAfterOf(b));
  else if (sort === 'role') {
    // By the first role the core guesses (named as in the drop-down), files with none last; then by days left.
    const roleOf = (d: OpenDocument) => {
      const role = documentRoles(d, environment)[0];
      return role ? roleLabel(role) : null;
    };
    list.sort((a, b) => compareText(roleOf(a), roleOf(b)) || notAfterOf(a) - notAfterOf(b));
  } else if (sort === 'kind') list.sort((a, b) => compareText(kindLabel(a.summary.kind), kindLabel(b.summary.kind)) || notAfterOf(a) - notAfterOf(b));
  else list.sort((a, b) => notAfterOf(a) - notAfterOf(b));
  return list;
}
