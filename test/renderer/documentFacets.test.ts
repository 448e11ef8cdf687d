// Issue 16.8: the Documents pane narrowed by verdict, role (the core's guess), kind and issuer,
// and sorted by issuer and kind; the issuer shown is the issuer's CN.
import { describe, expect, it } from 'vitest';
import { NO_FACETS, applyFacets, documentRoles, facetChoices } from '../../renderer/lib/documentFacets.js';
import { sortDocuments } from '../../renderer/lib/documentSort.js';
import { issuerName } from '../../renderer/lib/documentSummary.js';
import type { OpenDocument } from '../../renderer/state/workbench.js';
import type { Environment } from '../../shared/environment/types.js';

const doc = (docId: string, cn: string, issuer: string, kind: OpenDocument['summary']['kind'] = 'certificate'): OpenDocument =>
  ({
    docId,
    fileName: `${docId}.cer`,
    certIndex: 0,
    summary: {
      kind,
      headline: cn,
      certificates: [{ thumbprint: docId.padEnd(40, '0').toUpperCase(), name: cn, commonNames: [cn], dnsNames: [cn], notBefore: '2025-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z', isCA: false, hasPrivateKey: false, issuer }],
      request: null,
      keyCount: 0,
      hasPrivateKey: false,
      primaryIndex: 0,
    },
  }) as OpenDocument;

const env: Environment = {
  exchangeServers: [{ fqdn: 'ex1.contoso.com', roles: ['Mailbox', 'UM'], version: '2016' }],
  edgePools: [{ internalFqdn: 'edge-int.contoso.com', accessEdgeFqdn: 'sip.contoso.com' }],
} as Environment;
const docs = [
  doc('a', 'ex1.contoso.com', 'Contoso Issuing CA', 'pkcs12'),
  doc('b', 'sip.contoso.com', 'DigiCert Global G2'),
  doc('c', 'Microsoft Exchange Server Auth Certificate', 'Microsoft Exchange Server Auth Certificate'),
  doc('d', 'intranet.contoso.com', 'Contoso Issuing CA'),
];
const verdicts = { a: 'fail', b: 'pass', c: 'warn' } as const;
const ids = (list: readonly OpenDocument[]) => list.map((d) => d.docId);

describe('document facets', () => {
  it('verdict (and not yet checked)', () => {
    expect(ids(applyFacets(docs, { ...NO_FACETS, verdict: 'fail' }, verdicts, env))).toEqual(['a']);
    expect(ids(applyFacets(docs, { ...NO_FACETS, verdict: 'none' }, verdicts, env))).toEqual(['d']);
  });

  it('role: what the core guesses from the names and the environment', () => {
    expect(documentRoles(docs[0]!, env)).toEqual(['exchange-um']);
    expect(ids(applyFacets(docs, { ...NO_FACETS, role: 'edge-external' }, verdicts, env))).toEqual(['b']);
    expect(ids(applyFacets(docs, { ...NO_FACETS, role: 'exchange-auth' }, verdicts, env))).toEqual(['c']);
    expect(ids(applyFacets(docs, { ...NO_FACETS, role: 'none' }, verdicts, env))).toEqual(['d']);
    // Another environment: guessed again, not served from the cache.
    expect(ids(applyFacets(docs, { ...NO_FACETS, role: 'exchange-um' }, verdicts, {}))).toEqual([]);
  });

  it('kind and issuer, combined', () => {
    expect(ids(applyFacets(docs, { ...NO_FACETS, issuer: 'Contoso Issuing CA' }, verdicts, env))).toEqual(['a', 'd']);
    expect(ids(applyFacets(docs, { ...NO_FACETS, issuer: 'Contoso Issuing CA', kind: 'pkcs12' }, verdicts, env))).toEqual(['a']);
    expect(facetChoices(docs).issuers[0]).toEqual({ issuer: 'Contoso Issuing CA', count: 2 });
    expect(facetChoices(docs).kinds).toEqual([
      { kind: 'pkcs12', count: 1 },
      { kind: 'certificate', count: 3 },
    ]);
  });

  it('sorts by issuer, by kind and by guessed role', () => {
    expect(ids(sortDocuments(docs, 'issuer', verdicts))).toEqual(['a', 'd', 'b', 'c']);
    // Edge external, Exchange Auth, Exchange UM (as the drop-down names them), then the file with no role.
    expect(ids(sortDocuments(docs, 'role', verdicts, env))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(sortDocuments(docs, 'kind', verdicts))[0]).not.toBe('a');
  });

  it("the issuer's CN from its RFC 4514 name", () => {
    expect(issuerName('CN=Contoso Issuing CA,DC=contoso,DC=com')).toBe('Contoso Issuing CA');
    expect(issuerName('O=Evil\\, Inc,CN=A\\, B')).toBe('A, B');
    expect(issuerName('O=Contoso')).toBe('O=Contoso');
  });
});
