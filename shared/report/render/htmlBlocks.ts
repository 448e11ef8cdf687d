// The report HTML cut into its top-level blocks — the cover, each summary section, each
// certificate's section, the appendix, the footer — plus its stylesheet. The app's preview
// (renderer/views/ReportPreview.tsx) parses the first blocks at once and the rest in the
// background, and when only the customer name changed it replaces the cover and keeps the other
// 1,100 sections as they are. A pure string operation: renderHtml writes each top-level block
// on its own line starting with <header, <section or <footer, and never nests them; every value
// inside is escaped, so a "<section" in the text can only be markup.

export interface ReportBlocks {
  /** The <style> contents. */
  css: string;
  /** The <title> text, escaped as in the file. */
  title: string;
  /** Top-level body elements, in order, each one element's markup. */
  blocks: string[];
}

const TOP_LEVEL = /\n(?=<(?:header|section|footer)[\s>])/;

export function reportBlocks(html: string): ReportBlocks {
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!).join('\n');
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const start = html.indexOf('<body>');
  const end = html.lastIndexOf('</body>');
  const body = start >= 0 && end > start ? html.slice(start + '<body>'.length, end) : html;
  return { css, title, blocks: bodyBlocks(body) };
}

/** A piece of the body (one part of htmlParts, or all of it) cut into its top-level blocks. */
export function bodyBlocks(body: string): string[] {
  return body
    .split(TOP_LEVEL)
    .map((b) => b.trim())
    .filter((b) => b !== '');
}
