// The frame every HTML report shares: doctype, a CSP that forbids any script or outside
// resource, the generator, the title, inline CSS and the printed page size. The compliance
// report and the estate report differ only in what goes into <body>.
import { escapeHtml as esc } from './escape.js';
import { REPORT_CSS } from './htmlStyles.js';

export type Paper = 'a4' | 'letter';
export const PAPERS: readonly Paper[] = ['a4', 'letter'];
const PAGE_SIZE: Record<Paper, string> = { a4: 'A4', letter: 'letter' };

export interface HtmlOptions {
  /** Fix the printed page size; absent, the printer's or browser's default applies (both fit). */
  paper?: Paper;
}

/** A whole HTML document; `title` and `generator` are plain text (escaped here), `body` is HTML. */
export function htmlDocument(head: { title: string; generator: string; extraCss?: string }, body: string[], options: HtmlOptions = {}): string {
  const pageSize = options.paper ? `@page { size: ${PAGE_SIZE[options.paper]}; }` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(head.generator)}">`,
    `<title>${esc(head.title)}</title>`,
    `<style>${REPORT_CSS}${head.extraCss ?? ''}${pageSize}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
