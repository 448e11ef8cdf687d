// The Documents pane at scale: the filter (names, CNs, SANs, pasted thumbprints), batched
// opening in the workbench state, movement within the filtered list, and the windowed rows.
import { describe, expect, it } from 'vitest';
import { documentMatcher, filterDocuments } from '../../renderer/lib/documentFilter.js';
import { renderedIndices, visibleRange } from '../../renderer/lib/windowing.js';
import { initialWorkbench, workbenchReducer, type OpenDocument } from '../../renderer/state/workbench.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { summarizeListing } from '../../renderer/lib/documentSummary.js';
import { listingOf } from '../../shared/model/listing.js';

const THUMB = '5EAE133C1DA653E15DB590720B42814C9C9B8BFF';

function certDoc(cn: string, dns: string[], thumbprint: string): DecodedDocument {
  return {
    kind: 'certificate',
    encoding: 'der',
    certificates: [{ commonName: cn, commonNames: [cn], subject: `CN=${cn}`, subjectName: { rfc4514: `CN=${cn}` }, issuerName: { rfc4514: 'CN=CA' }, subjectAltNames: { dns }, thumbprint, isCA: false, hasPrivateKey: false }],
    keys: [],
    hasPrivateKey: false,
    notes: [],
  } as unknown as DecodedDocument;
}

const open = (docId: string, fileName: string, document: DecodedDocument): OpenDocument => ({ docId, fileName, summary: summarizeListing(listingOf(document)), certIndex: 0 });

const docs = [
  open('a', 'Exchange-UM.cer', certDoc('ex1.contoso.com', ['ex1.contoso.com', 'autodiscover.contoso.com'], THUMB)),
  open('b', 'lync.pfx', certDoc('pool.fabrikam.com', ['sip.fabrikam.com'], '0123456789ABCDEF0123456789ABCDEF01234567')),
  open('c', 'other.cer', certDoc('web.example.org', [], 'FEDCBA9876543210FEDCBA9876543210FEDCBA98')),
];

describe('documents filter', () => {
  it('matches file name, CN and SAN DNS names, ignoring case', () => {
    expect(filterDocuments(docs, 'exchange').map((d) => d.docId)).toEqual(['a']);
    expect(filterDocuments(docs, 'POOL.fabrikam').map((d) => d.docId)).toEqual(['b']);
    expect(filterDocuments(docs, 'Autodiscover').map((d) => d.docId)).toEqual(['a']);
    expect(filterDocuments(docs, 'sip.').map((d) => d.docId)).toEqual(['b']);
    expect(filterDocuments(docs, 'nothing-like-this')).toEqual([]);
  });
  it('shows everything for an empty or blank query', () => {
    expect(documentMatcher('   ')).toBeNull();
    expect(filterDocuments(docs, '')).toBe(docs);
  });
  it('matches a thumbprint pasted from the Windows dialog, with spaces and U+200E, in lower case', () => {
    const pasted = '\u200e' + THUMB.toLowerCase().replace(/(..)(?!$)/g, '$1 ');
    expect(filterDocuments(docs, pasted).map((d) => d.docId)).toEqual(['a']);
    expect(filterDocuments(docs, '5e:ae:13').map((d) => d.docId)).toEqual(['a']);
    expect(filterDocuments(docs, 'fedcba98').map((d) => d.docId)).toEqual(['c']);
  });
  it('does not let a match span two fields', () => {
    // "contoso.com" ends one name, "autodiscover" starts the next: "comauto" is no match.
    expect(filterDocuments(docs, 'comauto')).toEqual([]);
  });
});

describe('opening many files', () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ docId: `d${i}`, fileName: `c${i}.cer`, summary: summarizeListing(listingOf(certDoc(`h${i}.contoso.com`, [], THUMB))) }));
  it('adds a batch in one update and selects its first file, then keeps the selection', () => {
    let s = workbenchReducer(initialWorkbench, { type: 'failed', fileName: 'c1.cer', message: 'c1.cer could not be read' });
    s = workbenchReducer(s, { type: 'opened-batch', files: many.slice(0, 100), select: 'first' });
    expect(s.documents).toHaveLength(100);
    expect(s.selectedDocId).toBe('d0');
    expect(s.failures).toEqual([]);
    s = workbenchReducer(s, { type: 'opened-batch', files: many.slice(100), select: 'keep' });
    expect(s.documents).toHaveLength(5000);
    expect(s.selectedDocId).toBe('d0');
    s = workbenchReducer(s, { type: 'failed-batch', failures: [{ fileName: 'x.cer', message: 'x' }, { fileName: 'y.cer', message: 'y' }] });
    expect(s.failures.map((f) => f.fileName)).toEqual(['x.cer', 'y.cer']);
  });
  it('moves the selection within the filtered order', () => {
    let s = workbenchReducer(initialWorkbench, { type: 'opened-batch', files: many.slice(0, 10), select: 'first' });
    const order = ['d2', 'd5', 'd7'];
    s = workbenchReducer(s, { type: 'move-selection', delta: 1, order });
    expect(s.selectedDocId).toBe('d2');
    s = workbenchReducer(s, { type: 'move-selection', delta: 1, order });
    expect(s.selectedDocId).toBe('d5');
    s = workbenchReducer(s, { type: 'move-selection', delta: 10, order });
    expect(s.selectedDocId).toBe('d7');
    s = workbenchReducer(s, { type: 'move-selection', delta: -10, order });
    expect(s.selectedDocId).toBe('d2');
  });
});

describe('windowed rows', () => {
  it('renders the rows in view plus overscan, and the selected row wherever it is', () => {
    expect(visibleRange(5000, 0, 700, 70, 6)).toEqual({ first: 0, last: 16 });
    expect(visibleRange(5000, 70_000, 700, 70, 6)).toEqual({ first: 994, last: 1016 });
    expect(visibleRange(5000, 349_300, 700, 70, 6)).toEqual({ first: 4984, last: 5000 });
    expect(visibleRange(3, 0, 700, 70, 6)).toEqual({ first: 0, last: 3 });
    expect(renderedIndices({ first: 10, last: 13 }, 2)).toEqual([2, 10, 11, 12]);
    expect(renderedIndices({ first: 10, last: 13 }, 4000)).toEqual([10, 11, 12, 4000]);
    expect(renderedIndices({ first: 10, last: 13 }, 11)).toEqual([10, 11, 12]);
  });
});
