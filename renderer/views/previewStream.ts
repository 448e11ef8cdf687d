// Keeps the report preview in step with the worker's renderings (renderer/worker/reportWorker.ts):
// shows the first blocks — the cover and the executive summary — at once, then fetches the
// following blocks chunk by chunk and turns them into elements in small slices between frames, so
// the summary is on screen before the 1,100 certificate sections are even rendered and no slice
// holds the page up (issue 16.10). A patch (a new customer name) replaces only the blocks that
// changed. Written against a sink of elements so it runs without a DOM in the unit tests.
import type { ReportChunk, ReportStart } from '../worker/api.js';

export interface PreviewSink<E> {
  /** Elements for these blocks, one per block. */
  parse(blocks: readonly string[]): E[];
  /** Empties the preview and sets its stylesheet. */
  reset(css: string): void;
  append(elements: readonly E[]): void;
  replace(old: E, fresh: E): void;
  /** Every block is shown. */
  complete(): void;
}

/** Runs `step` when the page has time; `budget()` tells how long it may keep going. Returns a cancel. */
export type Scheduler = (step: (budget: () => number) => void) => () => void;

/** About this many characters of blocks are parsed together (a few certificate sections). */
const GROUP_CHARS = 48 * 1024;
/**
 * Parsed sections join the page at most this often: every change to the page is a frame to lay
 * out and paint, and a frame per slice made the stream slower than the parsing (issue 16.10).
 */
export const SHOW_EVERY_MS = 250;

export class PreviewStream<E> {
  #id = 0;
  #css = '';
  /** Every block received, in page order; the first `elements.length` are shown, the next `parsed.length` parsed. */
  #blocks: string[] = [];
  #elements: E[] = [];
  #parsed: E[] = [];
  #shownAt = 0;
  #done = false;
  #generation = 0;
  /** The generation whose chunks are being fetched (one loop per rendering shown). */
  #fetching = -1;
  #cancelStep: (() => void) | null = null;
  #waiting: (() => void)[] = [];

  constructor(
    private readonly sink: PreviewSink<E>,
    private readonly more: (id: number, from: number) => Promise<ReportChunk | null>,
    private readonly schedule: Scheduler,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The rendering shown (for the next report call's `shownId`). */
  get id(): number {
    return this.#id;
  }

  /** Every block of the rendering has arrived and is shown (what is printed is the whole report). */
  get complete(): boolean {
    return this.#done && this.#elements.length === this.#blocks.length;
  }

  /** How many blocks are shown as elements. */
  get shown(): number {
    return this.#elements.length;
  }

  show(start: ReportStart): void {
    if (start.kind === 'patch' && start.base === this.#id && start.css === this.#css) this.#patch(start);
    // A patch of a rendering not shown here (should not happen): the whole new one, from its start.
    else if (start.kind === 'patch') this.#restart(start.id, start.css, [], false);
    else this.#restart(start.id, start.css, start.blocks, start.done);
  }

  /** Shows every block at once, once all have arrived (before printing). */
  async finish(): Promise<void> {
    while (!this.#done) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.finishNow();
  }

  /** Shows every block received so far at once (the browser's print does not wait). */
  finishNow(): void {
    this.#cancelStep?.();
    this.#cancelStep = null;
    this.#parseUpTo(this.#blocks.length);
    this.#showParsed();
    this.#settle();
  }

  stop(): void {
    this.#generation++;
    this.#cancelStep?.();
    this.#cancelStep = null;
  }

  #restart(id: number, css: string, blocks: readonly string[], done: boolean): void {
    this.stop();
    this.#id = id;
    this.#css = css;
    this.#blocks = blocks.slice();
    this.#elements = [];
    this.#parsed = [];
    this.#done = done;
    this.sink.reset(css);
    // The first blocks (up to the summary) now, in one go: they are the first screen.
    this.#parseUpTo(this.#blocks.length);
    this.#showParsed();
    this.#afterChange();
  }

  #patch(start: Extract<ReportStart, { kind: 'patch' }>): void {
    for (const { index, block } of start.changes) {
      if (index < this.#elements.length) {
        const [fresh] = this.sink.parse([block]);
        this.sink.replace(this.#elements[index]!, fresh!);
        this.#elements[index] = fresh!;
      } else if (index < this.#elements.length + this.#parsed.length) {
        this.#parsed[index - this.#elements.length] = this.sink.parse([block])[0]!;
      }
      // Received but not shown yet: shown as it is now when its turn comes. Not received yet:
      // fetched from the new rendering.
      if (index < this.#blocks.length) this.#blocks[index] = block;
    }
    this.#id = start.id;
    if (this.#blocks.length > start.count) this.#blocks.length = start.count;
    this.#done = this.#blocks.length === start.count;
    this.#afterChange();
  }

  #afterChange(): void {
    this.#scheduleParse();
    void this.#fetch();
    this.#settle();
  }

  async #fetch(): Promise<void> {
    const generation = this.#generation;
    if (this.#fetching === generation) return;
    this.#fetching = generation;
    try {
      while (!this.#done && generation === this.#generation) {
        const id = this.#id;
        const from = this.#blocks.length;
        const chunk = await this.more(id, from);
        if (generation !== this.#generation) return;
        // A patch came in meanwhile: this chunk may be of the rendering before it; ask again.
        if (id !== this.#id || from !== this.#blocks.length) continue;
        if (!chunk) return;
        this.#blocks.push(...chunk.blocks);
        this.#done = chunk.done;
        this.#scheduleParse();
        this.#settle();
      }
    } finally {
      if (this.#fetching === generation) this.#fetching = -1;
    }
  }

  /** Blocks parsed or shown. */
  get #ready(): number {
    return this.#elements.length + this.#parsed.length;
  }

  #scheduleParse(): void {
    if (this.#cancelStep || (this.#ready >= this.#blocks.length && this.#parsed.length === 0)) return;
    const generation = this.#generation;
    this.#cancelStep = this.schedule((budget) => {
      this.#cancelStep = null;
      if (generation !== this.#generation) return;
      // At least one group per step, more while the frame has time.
      if (this.#ready < this.#blocks.length) {
        do this.#parseGroup();
        while (this.#ready < this.#blocks.length && budget() > 0);
      }
      // Onto the page every SHOW_EVERY_MS, and once the last block is parsed.
      if (this.now() - this.#shownAt >= SHOW_EVERY_MS || (this.#done && this.#ready === this.#blocks.length)) this.#showParsed();
      this.#scheduleParse();
      this.#settle();
    });
  }

  /** Parses and shows the next few blocks (about GROUP_CHARS; at least one). */
  #parseGroup(): void {
    let end = this.#ready;
    for (let size = 0; end < this.#blocks.length && (size === 0 || size + this.#blocks[end]!.length <= GROUP_CHARS); end++) size += this.#blocks[end]!.length;
    this.#parseUpTo(end);
  }

  #parseUpTo(end: number): void {
    if (end <= this.#ready) return;
    this.#parsed.push(...this.sink.parse(this.#blocks.slice(this.#ready, end)));
  }

  #showParsed(): void {
    this.#shownAt = this.now();
    if (this.#parsed.length === 0) return;
    const fresh = this.#parsed;
    this.#parsed = [];
    this.#elements.push(...fresh);
    this.sink.append(fresh);
  }

  #settle(): void {
    if (!this.#done) return;
    for (const resolve of this.#waiting.splice(0)) resolve();
    if (this.#elements.length === this.#blocks.length) this.sink.complete();
  }
}
