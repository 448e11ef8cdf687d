// One row of the document list: the full three-line card, or one line of columns in the compact
// mode (verdict · name · days left). Names are untrusted text: isolated, invisibles shown.
import { memo } from 'react';
import type { Verdict } from '../../shared/rules/engine/status.js';
import { kindLabel } from '../lib/document.js';
import { daysLeftBadge, validityTone } from '../lib/validity.js';
import type { OpenDocument } from '../state/workbench.js';
import { Icon } from './Icon.js';
import { VerdictBadge } from './StatusBadge.js';
import { Untrusted } from './Untrusted.js';

/** Height of one row in px; `.doc-item` in app.css has the same fixed height. */
export const ROW_HEIGHT = 70;
/** One line per file in the compact mode (`.doc-item.compact` in app.css). */
export const COMPACT_ROW_HEIGHT = 26;

export interface RowProps {
  doc: OpenDocument;
  index: number;
  setSize: number;
  selected: boolean;
  focusable: boolean;
  verdict: Verdict | undefined;
  at: number;
  compact: boolean;
  onSelect(docId: string): void;
  onClose(docId: string): void;
}

export const DocumentRow = memo(function DocumentRow({ doc, index, setSize, selected, focusable, verdict, at, compact, onSelect, onClose }: RowProps) {
  const { summary } = doc;
  const cert = summary.primaryIndex >= 0 ? summary.certificates[summary.primaryIndex] : undefined;
  const now = new Date(at);
  const days = cert ? <span className={`days days-${validityTone(cert.notBefore, cert.notAfter, now)}`}>{daysLeftBadge(cert.notBefore, cert.notAfter, now)}</span> : null;
  const height = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  return (
    <li
      role="option"
      id={`doc-option-${doc.docId}`}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={focusable ? 0 : -1}
      className={`doc-item${compact ? ' compact' : ''}${selected ? ' selected' : ''}`}
      style={{ top: index * height, height }}
      onClick={() => onSelect(doc.docId)}
      // Compact rows show less, so their tooltip carries the rest.
      title={compact ? `${doc.path ?? doc.fileName}\n${summary.headline} · ${kindLabel(summary.kind)}${cert?.issuer ? ` · issued by ${cert.issuer}` : ''}` : (doc.path ?? doc.fileName)}
      data-testid="document-item"
    >
      {compact ? (
        // Columns: verdict · file name (the certificate's name beside it, muted) · days left.
        <>
          <span className="doc-col-verdict">{verdict ? <VerdictBadge verdict={verdict} compact /> : <span className="muted">…</span>}</span>
          <span className="doc-col-name">
            <Untrusted className="doc-name" text={doc.fileName} /> <Untrusted className="doc-headline muted" text={summary.headline} />
          </span>
          <span className="doc-col-days">{days}</span>
        </>
      ) : (
        <>
          <div className="doc-row">
            <Untrusted className="doc-name" text={doc.fileName} />
            {verdict ? <VerdictBadge verdict={verdict} compact /> : null}
          </div>
          <div className="doc-row doc-sub">
            <Untrusted className="doc-headline" text={summary.headline} />
            {days}
          </div>
          <div className="doc-row doc-sub">
            <span className="doc-kind">
              {kindLabel(summary.kind)}
              {summary.certificates.length > 1 ? ` · ${summary.certificates.length} certificates` : ''}
              {summary.hasPrivateKey ? ' · key' : ''}
            </span>
            <button
              type="button"
              className="icon-btn doc-close"
              aria-label={`Close ${doc.fileName}`}
              tabIndex={-1}
              onClick={(event) => {
                event.stopPropagation();
                onClose(doc.docId);
              }}
            >
              <Icon name="close" size={12} />
            </button>
          </div>
        </>
      )}
    </li>
  );
});
