import { describe, expect, it } from 'vitest';
import { primaryCertificateIndex, toPem } from '../../renderer/lib/document.js';
import { daysLeft, daysLeftLabel, elapsedFraction, validityTone } from '../../renderer/lib/validity.js';
import {
  activeEnvironment,
  loadBook,
  removeEnvironment,
  renameEnvironment,
  saveBook,
  STORAGE_KEY,
  upsertEnvironment,
} from '../../renderer/state/environments.js';
import { initialWorkbench, workbenchReducer } from '../../renderer/state/workbench.js';
import type { DocumentSummary } from '../../renderer/lib/documentSummary.js';

const certs = (list: { isCA?: boolean; hasPrivateKey?: boolean }[]) => list.map((c) => ({ isCA: false, hasPrivateKey: false, ...c }));
const doc = (list: { isCA?: boolean; hasPrivateKey?: boolean }[]): DocumentSummary =>
  ({ kind: 'pkcs12', headline: 'x', certificates: certs(list), request: null, keyCount: 0, hasPrivateKey: false, primaryIndex: primaryCertificateIndex(certs(list)) }) as unknown as DocumentSummary;

describe('workbench state', () => {
  it('opens, selects, moves with arrows and closes documents', () => {
    let s = workbenchReducer(initialWorkbench, { type: 'opened', docId: 'a', fileName: 'a.cer', summary: doc([{}]) });
    s = workbenchReducer(s, { type: 'opened', docId: 'b', fileName: 'b.pfx', summary: doc([{ isCA: true }, { hasPrivateKey: true }]) });
    expect(s.selectedDocId).toBe('b');
    expect(s.documents[1]!.certIndex).toBe(1);
    s = workbenchReducer(s, { type: 'move-selection', delta: -1 });
    expect(s.selectedDocId).toBe('a');
    s = workbenchReducer(s, { type: 'move-selection', delta: -1 });
    expect(s.selectedDocId).toBe('a');
    s = workbenchReducer(s, { type: 'close', docId: 'a' });
    expect(s.selectedDocId).toBe('b');
    expect(s.documents.map((d) => d.docId)).toEqual(['b']);
  });
  it('keeps one password prompt per pending file and replaces it on a wrong password', () => {
    let s = workbenchReducer(initialWorkbench, { type: 'prompt', prompt: { pendingId: 'p1', fileName: 'um.pfx', wrongPassword: false, message: '' } });
    s = workbenchReducer(s, { type: 'prompt', prompt: { pendingId: 'p1', fileName: 'um.pfx', wrongPassword: true, message: 'That password does not open um.pfx.' } });
    expect(s.prompts).toHaveLength(1);
    expect(s.prompts[0]!.wrongPassword).toBe(true);
    expect(workbenchReducer(s, { type: 'prompt-done', pendingId: 'p1' }).prompts).toEqual([]);
  });
  it('a failure for a file is replaced when it opens later', () => {
    let s = workbenchReducer(initialWorkbench, { type: 'failed', fileName: 'x.cer', message: 'x.cer is empty' });
    expect(s.failures).toHaveLength(1);
    s = workbenchReducer(s, { type: 'opened', docId: 'x', fileName: 'x.cer', summary: doc([{}]) });
    expect(s.failures).toEqual([]);
  });
  it('picks the end-entity certificate of a file', () => {
    expect(primaryCertificateIndex(certs([{ isCA: true }, {}]))).toBe(1);
    expect(primaryCertificateIndex(certs([{ isCA: true }]))).toBe(0);
    expect(primaryCertificateIndex(certs([]))).toBe(-1);
    expect(toPem('QUJD')).toBe('-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n');
  });
});

describe('validity', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  it('counts whole days left and colours by them', () => {
    expect(daysLeft('2025-07-11T12:00:00Z', now)).toBe(40);
    expect(validityTone('2025-01-01T00:00:00Z', '2025-07-11T12:00:00Z', now)).toBe('soon');
    expect(validityTone('2025-01-01T00:00:00Z', '2025-06-20T00:00:00Z', now)).toBe('critical');
    expect(validityTone('2025-01-01T00:00:00Z', '2026-06-20T00:00:00Z', now)).toBe('ok');
    expect(validityTone('2025-01-01T00:00:00Z', '2025-05-20T00:00:00Z', now)).toBe('expired');
    expect(validityTone('2025-07-01T00:00:00Z', '2026-05-20T00:00:00Z', now)).toBe('not-yet');
    expect(daysLeftLabel('2025-01-01T00:00:00Z', '2025-05-20T00:00:00Z', now)).toBe('expired 13 days ago');
    expect(daysLeftLabel('2025-01-01T00:00:00Z', '2025-06-02T13:00:00Z', now)).toBe('expires in 1 day');
    expect(elapsedFraction('2025-05-01T12:00:00Z', '2025-07-01T12:00:00Z', now)).toBeCloseTo(31 / 61, 5);
  });
});

describe('environments', () => {
  // Import and storage go through the core validator: test/environment/oneValidator.test.ts.
  it('stores several named environments and survives a damaged store', () => {
    const memory = new Map<string, string>();
    const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
    let book = loadBook(storage);
    book = upsertEnvironment(book, { name: 'Contoso', sipDomains: ['contoso.com'] });
    book = upsertEnvironment(book, { sipDomains: ['fabrikam.com'] });
    expect(book.active).toBe('Imported 1');
    book = renameEnvironment(book, 'Imported 1', 'Fabrikam');
    saveBook(storage, book);
    const again = loadBook(storage);
    expect(again.environments.map((e) => e.name)).toEqual(['My environment', 'Contoso', 'Fabrikam']);
    expect(activeEnvironment(again).sipDomains).toEqual(['fabrikam.com']);
    expect(removeEnvironment(again, 'Fabrikam').active).toBe('My environment');
    memory.set(STORAGE_KEY, '{broken');
    expect(loadBook(storage).environments).toHaveLength(1);
  });
});
