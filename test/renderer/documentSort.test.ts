// Issue 16 item 8: "fail", "expired", "pfx" in the filter find those files; sorting by verdict,
// days left and name.
import { describe, expect, it } from 'vitest';
import { filterByQuery, sortDocuments } from '../../renderer/lib/documentSort.js';
import type { OpenDocument } from '../../renderer/state/workbench.js';

const doc = (docId: string, fileName: string, notAfter: string, kind: OpenDocument['summary']['kind'] = 'certificate'): OpenDocument =>
  ({
    docId,
    fileName,
    certIndex: 0,
    summary: {
      kind,
      headline: fileName,
      certificates: [{ thumbprint: docId.padEnd(40, '0').toUpperCase(), name: fileName, commonNames: [fileName], dnsNames: [], notBefore: '2020-01-01T00:00:00Z', notAfter, isCA: false, hasPrivateKey: false, issuer: 'Contoso Issuing CA' }],
      request: null,
      keyCount: 0,
      hasPrivateKey: false,
      primaryIndex: 0,
    },
  }) as OpenDocument;

const at = Date.parse('2026-06-01T00:00:00Z');
const docs = [doc('a', 'b-old.cer', '2026-01-01T00:00:00Z'), doc('b', 'a-soon.pfx', '2026-06-10T00:00:00Z', 'pkcs12'), doc('c', 'c-later.cer', '2027-06-01T00:00:00Z')];
const verdicts = { a: 'fail', b: 'warn', c: 'pass' } as const;

describe('document filter words and sort', () => {
  it('finds by verdict, expiry and kind', () => {
    expect(filterByQuery(docs, 'fail', verdicts, at).map((d) => d.fileName)).toEqual(['b-old.cer']);
    expect(filterByQuery(docs, ' Warning ', verdicts, at).map((d) => d.fileName)).toEqual(['a-soon.pfx']);
    expect(filterByQuery(docs, 'expired', verdicts, at).map((d) => d.fileName)).toEqual(['b-old.cer']);
    expect(filterByQuery(docs, 'expiring', verdicts, at).map((d) => d.fileName)).toEqual(['a-soon.pfx']);
    expect(filterByQuery(docs, 'pfx', verdicts, at).map((d) => d.fileName)).toEqual(['a-soon.pfx']);
    expect(filterByQuery(docs, 'later', verdicts, at).map((d) => d.fileName)).toEqual(['c-later.cer']);
  });

  it('sorts by name, verdict and days left; the opened order by default', () => {
    expect(sortDocuments(docs, 'opened', verdicts).map((d) => d.docId)).toEqual(['a', 'b', 'c']);
    expect(sortDocuments(docs, 'name', verdicts).map((d) => d.docId)).toEqual(['b', 'a', 'c']);
    expect(sortDocuments([...docs].reverse(), 'verdict', verdicts).map((d) => d.docId)).toEqual(['a', 'b', 'c']);
    expect(sortDocuments([...docs].reverse(), 'days-left', verdicts).map((d) => d.docId)).toEqual(['a', 'b', 'c']);
  });
});
