// The report's HTML blocks made into elements of the app's document for the preview, and its
// stylesheet made fit for a shadow root. Scripts and event attributes are dropped (the report has
// none; belt and braces); inline style attributes are applied through the CSSOM, as the app's CSP
// allows no inline style.

/** Only in the preview: skip layout and paint of sections out of view (printing lays out all). */
const PREVIEW_CSS = `
section.item { content-visibility: auto; contain-intrinsic-size: auto 1400px; }
#overview, #summary { content-visibility: auto; contain-intrinsic-size: auto 2000px; }
`;

/** An event handler attribute or a javascript: URL (neither is ever in a report). */
function unsafeAttribute(attr: Attr): boolean {
  const name = attr.name;
  if (name.length >= 2 && (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110) return true; // on…
  return attr.value.includes(':') && /^\s*javascript:/i.test(attr.value);
}

/** Parse blocks into elements of this document: no script, no event attribute, inline styles through the CSSOM. */
export function parseBlocks(blocks: readonly string[]): Element[] {
  // Inline style attributes would be CSP violations even in a parsed copy; they are renamed
  // before parsing (the report escapes quotes in text, so ` style="` only occurs in tags) and
  // applied through the CSSOM (element.style), which CSP does not govern.
  const markup = blocks.map((b) => b.replace(/\sstyle="/g, ' data-inline-style="').replace(/<style[^>]*>[\s\S]*?<\/style>/gi, ''));
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${markup.join('\n')}</body></html>`, 'text/html');
  doc.querySelectorAll('script, style, meta, link, iframe, object, embed').forEach((n) => n.remove());
  const all = doc.body.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const attrs = all[i]!.attributes;
    for (let a = attrs.length - 1; a >= 0; a--) if (unsafeAttribute(attrs[a]!)) all[i]!.removeAttribute(attrs[a]!.name);
  }
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
    // Moved, not copied, out of the inert parsed document.
    const el = document.adoptNode(n);
    for (const styled of [el, ...el.querySelectorAll<HTMLElement | SVGElement>('[data-inline-style]')]) {
      const style = styled.getAttribute('data-inline-style');
      if (style === null) continue;
      (styled as HTMLElement).style.cssText = style;
      styled.removeAttribute('data-inline-style');
    }
    return el;
  });
}

/**
 * The report's stylesheet for the shadow root: `:root` and `html` become `:host` (a shadow root
 * has no :root, so the report's colour variables were undefined and, in dark mode, the page's
 * light text colour showed on the report's white paper), `body` becomes `.report-body`; the
 * report keeps its own light colour scheme whatever the app's is.
 */
export function previewSheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  const scoped = css
    .replace(/(^|[\s,}]):root(?=[\s,{])/g, '$1:host')
    .replace(/(^|[\s,}])html(?=[\s,{.:#[])/g, '$1:host')
    .replace(/(^|[\s,}])body(?=[\s,{.:#[])/g, '$1.report-body');
  sheet.replaceSync(`${scoped}\n:host { color-scheme: light; }\n${PREVIEW_CSS}`);
  return sheet;
}
