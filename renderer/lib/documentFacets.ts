// Large sets (issue 16.8): the Documents pane narrowed by what a file is — its verdict, the roles
// it looks like it serves, its kind and its issuer — each a drop-down beside the text filter.
// The roles come from the core's guess (shared/rules/auto/guessRoles.ts, the same guess
// `auto` checks with), made from the names the list already holds and the active environment.
import type { Environment } from '../../shared/environment/types.js';
import type { DocumentKind } from '../../shared/model/document.js';
import { guessRoles } from '../../shared/rules/auto/guessRoles.js';
import type { RoleId } from '../../shared/rules/engine/roles.js';
import type { SubjectFields } from '../../shared/rules/engine/types.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { OpenDocument } from '../state/workbench.js';

export interface DocumentFacets {
  verdict: Verdict | 'none' | null;
  role: RoleId | 'none' | null;
  kind: DocumentKind | null;
  issuer: string | null;
}

export const NO_FACETS: DocumentFacets = { verdict: null, role: null, kind: null, issuer: null };

export const hasFacets = (f: DocumentFacets) => f.verdict !== null || f.role !== null || f.kind !== null || f.issuer !== null;

/** The certificate a row shows (the list's own choice), or undefined for a request or a key. */
const shownCertificate = (doc: OpenDocument) => doc.summary.certificates[doc.certIndex] ?? doc.summary.certificates[doc.summary.primaryIndex];

export function issuerOf(doc: OpenDocument): string | null {
  return shownCertificate(doc)?.issuer ?? null;
}

// Guessed once per document object and environment object: a list of 5,000 files re-filters on
// every key press.
const roleCache = new WeakMap<OpenDocument, { env: Environment; roles: RoleId[] }>();

/** The roles the core guesses for the file's certificate (or request) in this environment. */
export function documentRoles(doc: OpenDocument, environment: Environment): RoleId[] {
  const cached = roleCache.get(doc);
  if (cached && cached.env === environment) return cached.roles;
  const cert = shownCertificate(doc);
  const names = cert ?? doc.summary.request;
  let roles: RoleId[] = [];
  if (names) {
    const commonNames = names.commonNames;
    // guessRoles reads the CN and the SAN DNS names only; the list holds exactly those.
    const fields = { commonName: commonNames[commonNames.length - 1] ?? null, dnsNames: names.dnsNames } as Pick<SubjectFields, 'commonName' | 'dnsNames'>;
    roles = guessRoles(fields as SubjectFields, cert?.thumbprint ?? null, environment).roles;
  }
  roleCache.set(doc, { env: environment, roles });
  return roles;
}

export function applyFacets(
  documents: readonly OpenDocument[],
  facets: DocumentFacets,
  verdicts: Record<string, Verdict | undefined>,
  environment: Environment,
): readonly OpenDocument[] {
  if (!hasFacets(facets)) return documents;
  return documents.filter((doc) => {
    if (facets.verdict !== null) {
      const v = verdicts[doc.docId];
      if (facets.verdict === 'none' ? v !== undefined : v !== facets.verdict) return false;
    }
    if (facets.kind !== null && doc.summary.kind !== facets.kind) return false;
    if (facets.issuer !== null && issuerOf(doc) !== facets.issuer) return false;
    if (facets.role !== null) {
      const roles = documentRoles(doc, environment);
      if (facets.role === 'none' ? roles.length > 0 : !roles.includes(facets.role)) return false;
    }
    return true;
  });
}

/** What the drop-downs offer: the kinds and issuers present, each with how many files. */
export function facetChoices(documents: readonly OpenDocument[]): { kinds: { kind: DocumentKind; count: number }[]; issuers: { issuer: string; count: number }[] } {
  const kinds = new Map<DocumentKind, number>();
  const issuers = new Map<string, number>();
  for (const doc of documents) {
    kinds.set(doc.summary.kind, (kinds.get(doc.summary.kind) ?? 0) + 1);
    const issuer = issuerOf(doc);
    if (issuer !== null) issuers.set(issuer, (issuers.get(issuer) ?? 0) + 1);
  }
  return {
    kinds: [...kinds].map(([kind, count]) => ({ kind, count })),
    issuers: [...issuers].map(([issuer, count]) => ({ issuer, count })).sort((a, b) => b.count - a.count || a.issuer.localeCompare(b.issuer)),
  };
}
