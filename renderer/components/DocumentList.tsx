// Left pane: every loaded file, its verdict for the current role and a days-left badge.
// A listbox: arrow keys move the selection, Delete closes the focused file. A folder of
// thousands of certificates stays fast: the filter works on precomputed text and only the rows
// in view (plus a few either side, plus the selected one) are in the DOM.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Verdict } from '../../shared/rules/engine/status.js';
import { kindLabel } from '../lib/document.js';
import { DOCUMENT_SORTS, filterByQuery, sortDocuments, type DocumentSort } from '../lib/documentSort.js';
import { daysLeftBadge, validityTone } from '../lib/validity.js';
import { renderedIndices, visibleRange } from '../lib/windowing.js';
import type { FailedFile, OpenDocument } from '../state/workbench.js';
import { Icon } from './Icon.js';
import { RefusedFiles } from './RefusedFiles.js';
import { VerdictBadge } from './StatusBadge.js';
import { useServices } from './context.js';
import { Untrusted } from './Untrusted.js';

/** Height of one row in px; `.doc-item` in app.css has the same fixed height. */
export const ROW_HEIGHT = 70;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;

export interface DocumentListProps {
  documents: OpenDocument[];
  failures: FailedFile[];
  selectedDocId: string | null;
  verdicts: Record<string, Verdict | undefined>;
  onSelect(docId: string): void;
  /** Arrow keys: `order` is the list as shown (after the filter). */
  onMove(delta: number, order: readonly string[]): void;
  onClose(docId: string): void;
  onDismissFailure(key: string): void;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

interface RowProps {
  doc: OpenDocument;
  index: number;
  setSize: number;
  selected: boolean;
  focusable: boolean;
  verdict: Verdict | undefined;
  at: number;
  onSelect(docId: string): void;
  onClose(docId: string): void;
}

const DocumentRow = memo(function DocumentRow({ doc, index, setSize, selected, focusable, verdict, at, onSelect, onClose }: RowProps) {
  const { summary } = doc;
  const cert = summary.primaryIndex >= 0 ? summary.certificates[summary.primaryIndex] : undefined;
  const now = new Date(at);
  return (
    <li
      role="option"
      id={`doc-option-${doc.docId}`}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={focusable ? 0 : -1}
      className={`doc-item${selected ? ' selected' : ''}`}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      onClick={() => onSelect(doc.docId)}
      title={doc.path ?? doc.fileName}
      data-testid="document-item"
    >
      <div className="doc-row">
        <Untrusted className="doc-name" text={doc.fileName} />
        {verdict ? <VerdictBadge verdict={verdict} compact /> : null}
      </div>
      <div className="doc-row doc-sub">
        <Untrusted className="doc-headline" text={summary.headline} />
        {cert ? <span className={`days days-${validityTone(cert.notBefore, cert.notAfter, now)}`}>{daysLeftBadge(cert.notBefore, cert.notAfter, now)}</span> : null}
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
    </li>
  );
});

export function DocumentList(props: DocumentListProps) {
  const { now } = useServices();
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Whether the list holds the focus: a focused row can leave the DOM when the window jumps
  // (Home, End), and the focus must follow the selection rather than fall to <body>.
  const listFocused = useRef(false);
  const [query, setQuery] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(800);
  // Days-left badges are judged at one instant per minute, so rows can be memoised. The end of
  // the current minute, not its start: a certificate issued seconds ago is valid, not "not yet".
  const at = Math.ceil(now().getTime() / 60_000) * 60_000;

  const [sort, setSort] = useState<DocumentSort>('opened');
  // A status word ("fail", "expired") or a kind ("pfx") filters by what the file says; other text by name, CN, SAN, thumbprint.
  const statusQuery = /^(fail|fails|failing|failed|warn|warning|warnings|pass|passes|passing|passed|expired|expiring)$/i.test(query.trim());
  const shown = useMemo(
    () => sortDocuments(filterByQuery(props.documents, query, props.verdicts, at), sort, props.verdicts),
    // Verdicts matter only to a status query or the verdict sort: typing a name does not wait for them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.documents, query, sort, statusQuery || sort === 'verdict' ? props.verdicts : null, at],
  );
  const order = useMemo(() => shown.map((d) => d.docId), [shown]);
  const selectedIndex = props.selectedDocId === null ? -1 : order.indexOf(props.selectedDocId);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setViewportHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the selected row in view, and keep the focus on it while the list has the focus.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    if (el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
    // Only when the selection moves, not on every scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIndex]);

  useEffect(() => {
    const list = listRef.current;
    const active = document.activeElement;
    if (!list || !(list.contains(active) || (listFocused.current && (active === null || active === document.body)))) return;
    list.querySelector<HTMLElement>('[aria-selected="true"]')?.focus({ preventScroll: true });
  }, [props.selectedDocId, selectedIndex]);

  const indices = renderedIndices(visibleRange(shown.length, scrollTop, viewportHeight, ROW_HEIGHT, OVERSCAN), selectedIndex);
  const focusIndex = selectedIndex >= 0 ? selectedIndex : 0;
  const filtered = query.trim() !== '';

  return (
    <nav className="documents" aria-label="Documents">
      <div className="pane-title">
        Documents{' '}
        <span className="count" data-testid="document-count" aria-live="polite">
          {filtered ? `${formatCount(shown.length)} of ${formatCount(props.documents.length)}` : formatCount(props.documents.length)}
        </span>
      </div>
      <div className="doc-filter">
        <input
          type="search"
          aria-label="Filter documents"
          placeholder="Filter: name, CN, SAN, thumbprint, fail, expired, pfx…"
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && shown.length > 0) {
              // Down from the filter goes into the list, as in a combo box.
              event.preventDefault();
              if (selectedIndex < 0) props.onSelect(order[0]!);
              requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus({ preventScroll: true }));
            } else if (event.key === 'Escape' && query) {
              event.preventDefault();
              event.stopPropagation();
              setQuery('');
            }
          }}
        />
        <select aria-label="Sort documents" className="doc-sort" value={sort} onChange={(e) => setSort(e.target.value as DocumentSort)}>
          {DOCUMENT_SORTS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div ref={scrollRef} className="doc-scroll" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        <ul
          ref={listRef}
          className="doc-list"
          role="listbox"
          aria-label="Open files"
          style={{ height: shown.length * ROW_HEIGHT }}
          onFocus={() => {
            listFocused.current = true;
          }}
          onBlur={(event) => {
            if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) listFocused.current = false;
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              props.onMove(event.key === 'ArrowDown' ? 1 : -1, order);
            } else if (event.key === 'Home' || event.key === 'End') {
              event.preventDefault();
              props.onMove(event.key === 'Home' ? -order.length : order.length, order);
            } else if (event.key === 'PageDown' || event.key === 'PageUp') {
              event.preventDefault();
              const page = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
              props.onMove(event.key === 'PageDown' ? page : -page, order);
            } else if ((event.key === 'Delete' || event.key === 'Backspace') && props.selectedDocId) {
              event.preventDefault();
              props.onClose(props.selectedDocId);
            }
          }}
        >
          {indices.map((index) => {
            const doc = shown[index]!;
            return (
              <DocumentRow
                key={doc.docId}
                doc={doc}
                index={index}
                setSize={shown.length}
                selected={index === selectedIndex}
                focusable={index === focusIndex}
                verdict={props.verdicts[doc.docId]}
                at={at}
                onSelect={props.onSelect}
                onClose={props.onClose}
              />
            );
          })}
        </ul>
        {filtered && shown.length === 0 ? <p className="doc-empty muted">No open file matches “{query.trim()}”.</p> : null}
      </div>
      <RefusedFiles failures={props.failures} onDismiss={props.onDismissFailure} />
      <div className="drop-hint">Drop more files anywhere</div>
    </nav>
  );
}
