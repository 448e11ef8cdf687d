// Shows the exported report HTML exactly, inside a shadow root: its CSS is adopted as a
// constructable stylesheet (the app's CSP allows no inline <style>), scripts and event
// attributes are dropped (the report has none; this is belt and braces).
//
// 1,100 certificates make a report of tens of thousands of elements (issue 16.10: 12.7 s before
// the preview appeared, 620 ms stalls per customer keystroke). So the HTML is taken apart into
// its top-level blocks (shared/report/render/htmlBlocks.ts): the cover, the summary and the first
// certificates are parsed at once, the other sections in small steps when the page is idle;
// off-screen sections are not laid out (content-visibility); and when a new report differs only
// in a few blocks (a new customer name changes the cover) only those are replaced.
import { useEffect, useRef, type MutableRefObject } from 'react';
import { reportBlocks } from '../../shared/report/render/htmlBlocks.js';

/** Certificate sections parsed together with the summary: the first screenful and more. */
const FIRST_ITEMS = 6;
/** Blocks parsed per idle step (a step stays well under 50 ms). */
const STEP = 25;
/** Up to this many changed blocks are patched in place; more, and the preview is rebuilt. */
const PATCH_AT_MOST = 8;

/** Only in the preview: skip layout and paint of sections out of view (printing lays out all). */
const PREVIEW_CSS = `
section.item { content-visibility: auto; contain-intrinsic-size: auto 1400px; }
#overview, #summary { content-visibility: auto; contain-intrinsic-size: auto 2000px; }
`;

/** Parse blocks into elements of this document: no script, no event attribute, inline styles through the CSSOM. */
function parseBlocks(blocks: readonly string[]): Element[] {
  // Inline style attributes would be CSP violations even in a parsed copy; they are renamed
  // before parsing (the report escapes quotes in text, so ` style="` only occurs in tags) and
  // applied through the CSSOM (element.style), which CSP does not govern.
  const markup = blocks.map((b) => b.replace(/\sstyle="/g, ' data-inline-style="').replace(/<style[^>]*>[\s\S]*?<\/style>/gi, ''));
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${markup.join('\n')}</body></html>`, 'text/html');
  doc.querySelectorAll('script, style, meta, link, iframe, object, embed').forEach((n) => n.remove());
  doc.body.querySelectorAll('*').forEach((n) => {
    for (const attr of [...n.attributes]) if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) n.removeAttribute(attr.name);
  });
  let elements = [...doc.body.children];
  // Each block is one element; should one ever not be, each block gets a wrapper of its own.
  if (elements.length !== blocks.length) {
    elements = markup.map((b) => {
      const wrapper = doc.createElement('div');
      wrapper.append(...new DOMParser().parseFromString(`<!DOCTYPE html><body>${b}</body>`, 'text/html').body.childNodes);
      wrapper.querySelectorAll('script, style, iframe, object, embed').forEach((n) => n.remove());
      return wrapper;
    });
  }
  return elements.map((n) => {
    const copy = document.importNode(n, true);
    for (const el of [copy, ...copy.querySelectorAll<HTMLElement | SVGElement>('[data-inline-style]')]) {
      const style = el.getAttribute('data-inline-style');
      if (style === null) continue;
      (el as HTMLElement).style.cssText = style;
      el.removeAttribute('data-inline-style');
    }
    return copy;
  });
}

/**
 * The report's stylesheet for the shadow root: `:root` and `html` become `:host` (a shadow root
 * has no :root, so the report's colour variables were undefined and, in dark mode, the page's
 * light text colour showed on the report's white paper), `body` becomes `.report-body`; the
 * report keeps its own light colour scheme whatever the app's is.
 */
function previewSheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  const scoped = css
    .replace(/(^|[\s,}]):root(?=[\s,{])/g, '$1:host')
    .replace(/(^|[\s,}])html(?=[\s,{.:#[])/g, '$1:host')
    .replace(/(^|[\s,}])body(?=[\s,{.:#[])/g, '$1.report-body');
  sheet.replaceSync(`${scoped}\n:host { color-scheme: light; }\n${PREVIEW_CSS}`);
  return sheet;
}

interface Shown {
  css: string;
  blocks: string[];
  /** One element per block rendered so far (a prefix of `blocks`). */
  elements: Element[];
  body: HTMLElement;
  /** Renders every block still waiting, at once (printing needs them all). */
  finish(): void;
}

const schedule = (step: () => void): (() => void) => {
  const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(step, { timeout: 100 });
    return () => w.cancelIdleCallback!(id);
  }
  const id = setTimeout(step, 0);
  return () => clearTimeout(id);
};

export function ReportPreview({ html, finishRef }: { html: string; /** Set to a function that renders every section at once (before printing). */ finishRef?: MutableRefObject<(() => void) | null> }) {
  const host = useRef<HTMLDivElement>(null);
  const shown = useRef<Shown | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const { css, blocks } = reportBlocks(html);
    const prev = shown.current;
    if (!prev || prev.css !== css) root.adoptedStyleSheets = [previewSheet(css)];

    // A few blocks changed (the cover, after a new customer name): replace just those.
    if (prev && prev.css === css && prev.blocks.length === blocks.length && prev.elements.length === blocks.length) {
      const changed = blocks.flatMap((b, i) => (b === prev.blocks[i] ? [] : [i]));
      if (changed.length <= PATCH_AT_MOST) {
        const fresh = parseBlocks(changed.map((i) => blocks[i]!));
        changed.forEach((i, k) => {
          prev.elements[i]!.replaceWith(fresh[k]!);
          prev.elements[i] = fresh[k]!;
        });
        prev.blocks = blocks;
        return;
      }
    }

    // Otherwise: the cover and the executive summary now (the first screen), the rest — the
    // timeline, the overview table, every certificate — when the page is idle.
    const summary = blocks.findIndex((b) => b.startsWith('<section id="summary"'));
    const firstItem = blocks.findIndex((b) => b.startsWith('<section class="item'));
    const firstCount = summary >= 0 ? summary + 1 : firstItem < 0 ? blocks.length : Math.min(blocks.length, firstItem + FIRST_ITEMS);
    const body = document.createElement('div');
    body.className = 'report-body';
    const elements = parseBlocks(blocks.slice(0, firstCount));
    body.append(...elements);
    root.replaceChildren(body);
    let cancel: (() => void) | null = null;
    const next: Shown = {
      css,
      blocks,
      elements,
      body,
      finish() {
        cancel?.();
        cancel = null;
        if (elements.length < blocks.length) {
          const rest = parseBlocks(blocks.slice(elements.length));
          elements.push(...rest);
          body.append(...rest);
        }
      },
    };
    shown.current = next;
    const step = () => {
      cancel = null;
      if (shown.current !== next) return;
      const more = parseBlocks(blocks.slice(elements.length, elements.length + STEP));
      elements.push(...more);
      body.append(...more);
      if (elements.length < blocks.length) cancel = schedule(step);
      else body.setAttribute('data-complete', '');
    };
    if (elements.length < blocks.length) cancel = schedule(step);
    else body.setAttribute('data-complete', '');
    // A patch by the next html keeps these steps going; a rebuild replaces `shown` and they stop.
  }, [html]);
  useEffect(() => {
    // Printing (Ctrl+P, or the view's Print / PDF) must show every section.
    const finish = () => shown.current?.finish();
    if (finishRef) finishRef.current = finish;
    window.addEventListener('beforeprint', finish);
    return () => {
      window.removeEventListener('beforeprint', finish);
      if (finishRef) finishRef.current = null;
      shown.current = null;
    };
  }, [finishRef]);
  return <div ref={host} className="report-preview" data-testid="report-preview" />;
}
