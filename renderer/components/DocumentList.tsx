// Left pane: every loaded file, its verdict for the current role and a days-left badge.
// A listbox: arrow keys move the selection, Delete closes the focused file. A folder of
// thousands of certificates stays fast: the filter works on precomputed text and only the rows
// in view (plus a few either side, plus the selected one) are in the DOM. Drop-downs narrow the
// list by verdict, role, kind and issuer; from 1,000 files on, a compact one-line-per-file mode
// (verdict · name · days left, like columns) shows four times as many at once.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import { ROLE_IDS, type RoleId } from '../../shared/rules/engine/roles.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import { kindLabel } from '../lib/document.js';
import { NO_FACETS, applyFacets, facetChoices, hasFacets, type DocumentFacets } from '../lib/documentFacets.js';
import { roleLabel } from '../lib/roles.js';
import { DOCUMENT_SORTS, filterByQuery, sortDocuments, type DocumentSort } from '../lib/documentSort.js';
import { renderedIndices, visibleRange } from '../lib/windowing.js';
import type { FailedFile, OpenDocument } from '../state/workbench.js';
import { RefusedFiles } from './RefusedFiles.js';
import { COMPACT_ROW_HEIGHT, DocumentRow, ROW_HEIGHT } from './DocumentRow.js';
import { useServices } from './context.js';
import { showInvisible } from '../../shared/encoding/invisibleCharacters.js';

/** From this many files the list starts compact (the toggle overrides it). */
export const COMPACT_FROM = 1000;
const NO_ENVIRONMENT: Environment = {};
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
  /** The active environment: the role filter uses the core's role guess with it. */
  environment?: Environment;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

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
  const [facets, setFacets] = useState<DocumentFacets>(NO_FACETS);
  const [compactChoice, setCompactChoice] = useState<boolean | null>(null);
  const compact = compactChoice ?? props.documents.length >= COMPACT_FROM;
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const environment = props.environment ?? NO_ENVIRONMENT;
  const choices = useMemo(() => facetChoices(props.documents), [props.documents]);
  // A status word ("fail", "expired") or a kind ("pfx") filters by what the file says; other text by name, CN, SAN, thumbprint.
  const statusQuery = /^(fail|fails|failing|failed|warn|warning|warnings|pass|passes|passing|passed|expired|expiring)$/i.test(query.trim());
  const shown = useMemo(
    () => sortDocuments(applyFacets(filterByQuery(props.documents, query, props.verdicts, at), facets, props.verdicts, environment), sort, props.verdicts, environment),
    // Verdicts matter only to a status query, the verdict drop-down or the verdict sort: typing a name does not wait for them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.documents, query, sort, facets, environment, statusQuery || facets.verdict !== null || sort === 'verdict' ? props.verdicts : null, at],
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
    const top = selectedIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    if (el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
    // Only when the selection moves, not on every scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIndex, rowHeight]);

  useEffect(() => {
    const list = listRef.current;
    const active = document.activeElement;
    if (!list || !(list.contains(active) || (listFocused.current && (active === null || active === document.body)))) return;
    list.querySelector<HTMLElement>('[aria-selected="true"]')?.focus({ preventScroll: true });
  }, [props.selectedDocId, selectedIndex]);

  const indices = renderedIndices(visibleRange(shown.length, scrollTop, viewportHeight, rowHeight, OVERSCAN), selectedIndex);
  const focusIndex = selectedIndex >= 0 ? selectedIndex : 0;
  const filtered = query.trim() !== '' || hasFacets(facets);
  const setFacet = <K extends keyof DocumentFacets>(key: K, value: string) => setFacets((f) => ({ ...f, [key]: value === '' ? null : (value as DocumentFacets[K]) }));

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
        <div className="doc-sort-row">
          <select aria-label="Sort documents" className="doc-sort" value={sort} onChange={(e) => setSort(e.target.value as DocumentSort)}>
            {DOCUMENT_SORTS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
          <label className="doc-compact" title="One line per file: verdict, name, days left">
            <input type="checkbox" checked={compact} onChange={(e) => setCompactChoice(e.target.checked)} /> Compact
          </label>
        </div>
        <div className="doc-facets" role="group" aria-label="Narrow the list">
          <select aria-label="Filter by verdict" value={facets.verdict ?? ''} onChange={(e) => setFacet('verdict', e.target.value)}>
            <option value="">Any verdict</option>
            <option value="fail">Fail</option>
            <option value="warn">Warn</option>
            <option value="pass">Pass</option>
            <option value="none">Not checked</option>
          </select>
          <select aria-label="Filter by purpose" value={facets.role ?? ''} onChange={(e) => setFacet('role', e.target.value)} title="The roles CertBench guesses from the names and the environment">
            <option value="">Any role</option>
            {ROLE_IDS.filter((r): r is Exclude<RoleId, 'general'> => r !== 'general').map((r) => (
              <option key={r} value={r}>
                Looks like {roleLabel(r)}
              </option>
            ))}
            <option value="none">No role recognised</option>
          </select>
          <select aria-label="Filter by kind" value={facets.kind ?? ''} onChange={(e) => setFacet('kind', e.target.value)}>
            <option value="">Any kind</option>
            {choices.kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {kindLabel(k.kind)} ({formatCount(k.count)})
              </option>
            ))}
          </select>
          <select aria-label="Filter by issuer" value={facets.issuer ?? ''} onChange={(e) => setFacet('issuer', e.target.value)}>
            <option value="">Any issuer</option>
            {choices.issuers.map((i) => (
              <option key={i.issuer} value={i.issuer}>
                {showInvisible(i.issuer)} ({formatCount(i.count)})
              </option>
            ))}
          </select>
        </div>
      </div>
      <div ref={scrollRef} className="doc-scroll" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        <ul
          ref={listRef}
          role="listbox"
          aria-label="Open files"
          className={compact ? 'doc-list compact' : 'doc-list'}
          style={{ height: shown.length * rowHeight }}
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
              const page = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
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
                compact={compact}
                onSelect={props.onSelect}
                onClose={props.onClose}
              />
            );
          })}
        </ul>
        {filtered && shown.length === 0 ? (
          <p className="doc-empty muted">
            {query.trim() ? <>No open file matches “{query.trim()}”{hasFacets(facets) ? ' with the chosen filters' : ''}.</> : 'No open file matches the chosen filters.'}{' '}
            {hasFacets(facets) ? (
              <button type="button" className="link-btn" onClick={() => setFacets(NO_FACETS)}>
                Clear the filters
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
      <RefusedFiles failures={props.failures} onDismiss={props.onDismissFailure} />
      <div className="drop-hint">Drop more files anywhere</div>
    </nav>
  );
}
