// Shows the exported report HTML exactly, inside a shadow root: its CSS is adopted as a
// constructable stylesheet (the app's CSP allows no inline <style>), scripts and event
// attributes are dropped (the report has none; this is belt and braces).
import { useEffect, useRef } from 'react';

export function ReportPreview({ html }: { html: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    // Inline style attributes would be CSP violations even in a parsed copy; they are renamed
    // before parsing (the report escapes quotes in text, so ` style="` only occurs in tags) and
    // applied through the CSSOM (element.style), which CSP does not govern.
    // <style> elements are taken out before parsing too (a parsed copy inherits the page's CSP).
    const styles: string[] = [];
    const markup = html
      .replace(/<style[^>]*>([\s\S]*?)<\/style>/gi, (_m, css: string) => (styles.push(css), ''))
      .replace(/\sstyle="/g, ' data-inline-style="');
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const css = styles.join('\n');
    doc.querySelectorAll('script, style, meta, link, iframe, object, embed').forEach((n) => n.remove());
    doc.querySelectorAll('*').forEach((n) => {
      for (const attr of [...n.attributes]) if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) n.removeAttribute(attr.name);
    });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css.replace(/(^|[\s,}])html(?=[\s,{.:#[])/g, '$1:host').replace(/(^|[\s,}])body(?=[\s,{.:#[])/g, '$1.report-body'));
    root.adoptedStyleSheets = [sheet];
    const body = document.createElement('div');
    body.className = 'report-body';
    body.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    body.querySelectorAll<HTMLElement | SVGElement>('[data-inline-style]').forEach((n) => {
      n.style.cssText = n.getAttribute('data-inline-style') ?? '';
      n.removeAttribute('data-inline-style');
    });
    root.replaceChildren(body);
  }, [html]);
  return <div ref={host} className="report-preview" data-testid="report-preview" />;
}
