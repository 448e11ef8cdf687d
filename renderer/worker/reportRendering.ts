// One rendering of the report for the app's preview: the page's parts (shared/report/render/
// html.ts htmlParts) turned into its top-level blocks only as far as asked. The cover and the
// executive summary are rendered first and sent at once; the timeline, the overview and 1,100
// certificate sections follow in chunks the preview asks for, so the click on Report waits for
// neither the 8 MB page nor its copy between the threads (issue 16.10). Joined, the blocks are
// exactly the body of renderHtml(model) cut by reportBlocks.
import type { ReportModel } from '../../shared/report/model.js';
import { htmlDocument } from '../../shared/report/render/htmlDocument.js';
import { bodyBlocks, reportBlocks } from '../../shared/report/render/htmlBlocks.js';
import { htmlParts } from '../../shared/report/render/html.js';
import { TIMELINE_CSS } from '../../shared/report/render/timelineSvg.js';

/** Characters of blocks per chunk sent to the preview (a few dozen certificate sections). */
export const CHUNK_CHARS = 256 * 1024;

export class ReportRendering {
  /** The blocks rendered so far, in page order. */
  readonly blocks: string[] = [];
  /** The report's stylesheet and page title (as reportBlocks reads them from the file). */
  readonly css: string;
  readonly title: string;
  readonly #parts: (() => string)[];
  #next = 0;

  constructor(
    readonly id: number,
    /** The checked model's cache key: renderings of one key differ only in their cover fields. */
    readonly key: string,
    readonly model: ReportModel,
  ) {
    const { head, parts } = htmlParts(model);
    this.#parts = parts;
    // The page's <style> and <title>, and the timeline chart's <style> (the one style in the body),
    // as reportBlocks reads them from the whole file — without rendering the body.
    ({ css: this.css, title: this.title } = reportBlocks(htmlDocument(head, [`<style>${TIMELINE_CSS}</style>`])));
  }

  get done(): boolean {
    return this.#next >= this.#parts.length;
  }

  /** Renders the next part; false when none is left. */
  #renderPart(): boolean {
    if (this.done) return false;
    this.blocks.push(...bodyBlocks(this.#parts[this.#next++]!()));
    return true;
  }

  /** The blocks up to and including the executive summary (the first screen). */
  head(): string[] {
    while (!this.blocks.some((b) => b.startsWith('<section id="summary"')) && this.#renderPart());
    return this.blocks.slice();
  }

  /** Blocks from `from` on, about CHUNK_CHARS of them (at least one while any is left). */
  chunk(from: number): string[] {
    const out: string[] = [];
    let size = 0;
    for (let i = from; size < CHUNK_CHARS; i++) {
      // A part can hold no block (nothing to show): render on until one is there or none is left.
      while (i >= this.blocks.length && this.#renderPart());
      if (i >= this.blocks.length) break;
      out.push(this.blocks[i]!);
      size += this.blocks[i]!.length;
    }
    return out;
  }

  /** Every block (for comparing two renderings). */
  all(): string[] {
    while (this.#renderPart());
    return this.blocks;
  }
}
