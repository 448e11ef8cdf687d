// Shows the exported report exactly, inside a shadow root: its CSS is adopted as a constructable
// stylesheet (the app's CSP allows no inline <style>), its blocks parsed without scripts or event
// attributes (reportParse.ts).
//
// 1,100 certificates make a report of 8 MB and tens of thousands of elements (issue 16.10). The
// worker sends the cover and the executive summary first and the rest in chunks; they are
// parsed in small slices when the page is idle (previewStream.ts); off-screen sections are not
// laid out (content-visibility); a new customer name replaces the cover only. Printed before
// every section has arrived (Ctrl+P at once), the page says so instead of a partial report.
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { ReportChunk, ReportStart } from '../worker/api.js';
import { PreviewStream, type PreviewSink, type Scheduler } from './previewStream.js';
import { parseBlocks, previewSheet } from './reportParse.js';
import '../styles/report.css';

/** Slices of parsing run in idle time; past this wait one runs anyway. */
const IDLE_TIMEOUT_MS = 100;
/** Without requestIdleCallback: how long one slice may run. */
const SLICE_MS = 8;

const whenIdle: Scheduler = (step) => {
  const w = window as Window & { requestIdleCallback?: typeof requestIdleCallback; cancelIdleCallback?: typeof cancelIdleCallback };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback((deadline) => step(() => (deadline.didTimeout ? 0 : deadline.timeRemaining() - 1)), { timeout: IDLE_TIMEOUT_MS });
    return () => w.cancelIdleCallback!(id);
  }
  const id = setTimeout(() => {
    const until = performance.now() + SLICE_MS;
    step(() => until - performance.now());
  }, 0);
  return () => clearTimeout(id);
};

function shadowSink(root: ShadowRoot): PreviewSink<Element> {
  let body: HTMLElement | null = null;
  let css: string | null = null;
  return {
    parse: parseBlocks,
    reset(next) {
      if (next !== css) root.adoptedStyleSheets = [previewSheet(next)];
      css = next;
      body = document.createElement('div');
      body.className = 'report-body';
      root.replaceChildren(body);
    },
    append: (elements) => body?.append(...elements),
    replace: (old, fresh) => old.replaceWith(fresh),
    complete: () => {
      body?.setAttribute('data-complete', '');
      root.host.setAttribute('data-complete', '');
    },
  };
}

export function ReportPreview({
  start,
  more,
  streamRef,
}: {
  /** The worker's answer to the last report call: the first blocks, or the blocks that changed. */
  start: ReportStart;
  /** The worker's reportMore. */
  more: (id: number, from: number) => Promise<ReportChunk | null>;
  /** Set to the stream shown (its id for the next report call; finish() before printing). */
  streamRef?: MutableRefObject<PreviewStream<Element> | null>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const stream = useRef<PreviewStream<Element> | null>(null);
  const moreRef = useRef(more);
  moreRef.current = more;
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    if (!stream.current) {
      const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
      stream.current = new PreviewStream(shadowSink(root), (id, from) => moreRef.current(id, from), whenIdle);
      if (streamRef) streamRef.current = stream.current;
    }
    stream.current.show(start);
    // Until every section is shown, a printed page says the report is still being prepared
    // (report.css) instead of looking like a whole report.
    el.toggleAttribute('data-complete', stream.current.complete);
  }, [start, streamRef]);
  useEffect(() => {
    // Printing (Ctrl+P) must show every section the preview has.
    const finish = () => stream.current?.finishNow();
    window.addEventListener('beforeprint', finish);
    return () => {
      window.removeEventListener('beforeprint', finish);
      stream.current?.stop();
      stream.current = null;
      if (streamRef) streamRef.current = null;
    };
  }, [streamRef]);
  return (
    <>
      <div ref={host} className="report-preview" data-testid="report-preview" />
      <p className="report-print-wait" data-testid="report-print-wait">
        The report is still being prepared: not every certificate has arrived yet, so this page is not the report. Wait until the preview is complete, or use the Print button, which waits for it.
      </p>
    </>
  );
}
