// The session's trust marks in the workbench state, and when the Chain tab offers the control:
// only for a self-signed CA certificate from an open file that ends a chain not otherwise trusted.
import { describe, expect, it } from 'vitest';
import { markableRoot } from '../../renderer/inspector/TrustRootToggle.js';
import type { DocumentSummary } from '../../renderer/lib/documentSummary.js';
import { initialWorkbench, workbenchReducer, type WorkbenchState } from '../../renderer/state/workbench.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { TrustResult, TrustStatus } from '../../shared/trust/types.js';
import type { ChainLink } from '../../renderer/worker/protocol.js';

const summary = {} as DocumentSummary;
function opened(): WorkbenchState {
  return workbenchReducer(initialWorkbench, {
    type: 'opened-batch',
    files: [
      { docId: 'doc-1', fileName: 'leaf.cer', summary: { ...summary, primaryIndex: 0 } },
      { docId: 'doc-2', fileName: 'root.cer', summary: { ...summary, primaryIndex: 0 } },
    ],
  });
}

describe('trust marks in the workbench state', () => {
  it('marks, unmarks, ignores files not open and forgets a closed file', () => {
    let state = workbenchReducer(opened(), { type: 'trust-root', docId: 'doc-2', trusted: true });
    expect(state.trustedDocIds).toEqual(['doc-2']);
    expect(workbenchReducer(state, { type: 'trust-root', docId: 'doc-2', trusted: true })).toBe(state);
    expect(workbenchReducer(state, { type: 'trust-root', docId: 'doc-9', trusted: true }).trustedDocIds).toEqual(['doc-2']);
    expect(workbenchReducer(state, { type: 'trust-root', docId: 'doc-2', trusted: false }).trustedDocIds).toEqual([]);
    state = workbenchReducer(state, { type: 'close', docId: 'doc-2' });
    expect(state.trustedDocIds).toEqual([]);
  });
});

const cert = (isCA: boolean) => ({ isCA }) as CertificateModel;
const trust = (status: TrustStatus, selfSignedTop = true) =>
  ({ status, chain: [{ selfSigned: false }, { selfSigned: selfSignedTop }], problems: [] }) as unknown as TrustResult;
const links = (rootIsCa = true, rootDoc: string | null = 'doc-2'): ChainLink[] => [
  { cert: cert(false), fileName: 'leaf.cer', docId: 'doc-1' },
  { cert: cert(rootIsCa), fileName: 'root.cer', ...(rootDoc ? { docId: rootDoc } : {}) },
];

describe('when the Chain tab offers to trust the root', () => {
  it('offers an open self-signed CA root that is not trusted otherwise', () => {
    expect(markableRoot(links(), trust('untrusted-root'), [])?.docId).toBe('doc-2');
    expect(markableRoot(links(), trust('trusted'), ['doc-2'])?.docId).toBe('doc-2');
  });
  it('does not offer it for a trusted chain, a root from the environment, a non-CA or a chain still building', () => {
    expect(markableRoot(links(), trust('trusted'), [])).toBeNull();
    expect(markableRoot(links(true, null), trust('untrusted-root'), [])).toBeNull();
    expect(markableRoot(links(false), trust('untrusted-root'), [])).toBeNull();
    expect(markableRoot(links(), trust('incomplete', false), [])).toBeNull();
    expect(markableRoot(links(), null, [])).toBeNull();
  });
});
