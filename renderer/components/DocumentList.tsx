// Left pane: every loaded file, its verdict for the current role and a days-left badge.
// A listbox: arrow keys move the selection, Delete closes the focused file.
import { useEffect, useRef } from 'react';
import type { Verdict } from '../../shared/rules/engine/status.js';
import { documentHeadline, kindLabel, primaryCertificateIndex } from '../lib/document.js';
import { daysLeftBadge, validityTone } from '../lib/validity.js';
import type { FailedFile, OpenDocument } from '../state/workbench.js';
import { Icon } from './Icon.js';
import { VerdictBadge } from './StatusBadge.js';
import { useServices } from './context.js';

export interface DocumentListProps {
  documents: OpenDocument[];
  failures: FailedFile[];
  selectedDocId: string | null;
  verdicts: Record<string, Verdict | undefined>;
  onSelect(docId: string): void;
  onMove(delta: number): void;
  onClose(docId: string): void;
  onDismissFailure(key: string): void;
}

export function DocumentList(props: DocumentListProps) {
  const { now } = useServices();
  const listRef = useRef<HTMLUListElement>(null);
  const at = now();
  useEffect(() => {
    const list = listRef.current;
    if (!list || !list.contains(document.activeElement)) return;
    list.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, [props.selectedDocId]);

  return (
    <nav className="documents" aria-label="Documents">
      <div className="pane-title">
        Documents <span className="count">{props.documents.length}</span>
      </div>
      <ul
        ref={listRef}
        className="doc-list"
        role="listbox"
        aria-label="Open files"
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            props.onMove(event.key === 'ArrowDown' ? 1 : -1);
          } else if ((event.key === 'Delete' || event.key === 'Backspace') && props.selectedDocId) {
            event.preventDefault();
            props.onClose(props.selectedDocId);
          }
        }}
      >
        {props.documents.map((doc) => {
          const selected = doc.docId === props.selectedDocId;
          const index = primaryCertificateIndex(doc.document);
          const cert = index >= 0 ? doc.document.certificates[index] : undefined;
          const verdict = props.verdicts[doc.docId];
          return (
            <li
              key={doc.docId}
              role="option"
              aria-selected={selected}
              tabIndex={selected || (!props.selectedDocId && doc === props.documents[0]) ? 0 : -1}
              className={`doc-item${selected ? ' selected' : ''}`}
              onClick={() => props.onSelect(doc.docId)}
              title={doc.path ?? doc.fileName}
              data-testid="document-item"
            >
              <div className="doc-row">
                <span className="doc-name">{doc.fileName}</span>
                {verdict ? <VerdictBadge verdict={verdict} compact /> : null}
              </div>
              <div className="doc-row doc-sub">
                <span className="doc-headline">{documentHeadline(doc.document)}</span>
                {cert ? (
                  <span className={`days days-${validityTone(cert.notBefore, cert.notAfter, at)}`}>{daysLeftBadge(cert.notBefore, cert.notAfter, at)}</span>
                ) : null}
              </div>
              <div className="doc-row doc-sub">
                <span className="doc-kind">
                  {kindLabel(doc.document)}
                  {doc.document.certificates.length > 1 ? ` · ${doc.document.certificates.length} certificates` : ''}
                  {doc.document.hasPrivateKey ? ' · key' : ''}
                </span>
                <button
                  type="button"
                  className="icon-btn doc-close"
                  aria-label={`Close ${doc.fileName}`}
                  tabIndex={-1}
                  onClick={(event) => {
                    event.stopPropagation();
                    props.onClose(doc.docId);
                  }}
                >
                  <Icon name="close" size={12} />
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {props.failures.length > 0 ? (
        <ul className="failures" aria-label="Files that did not open">
          {props.failures.map((failure) => (
            <li key={failure.key} className="failure" role="alert">
              <Icon name="error" size={13} />
              <span>{failure.message}</span>
              <button type="button" className="icon-btn" aria-label={`Dismiss the message about ${failure.fileName}`} onClick={() => props.onDismissFailure(failure.key)}>
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="drop-hint">Drop more files anywhere</div>
    </nav>
  );
}
