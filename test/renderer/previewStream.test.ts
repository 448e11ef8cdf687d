// The report preview's stream (renderer/views/previewStream.ts) against a sink of plain strings:
// the summary is shown before any further block is asked for, the rest arrives in chunks and is
// shown in slices, a patch replaces only the changed block, finish() waits for every block, and
// `complete` (what a print may show) holds only once every block is shown.
import { describe, expect, it } from 'vitest';
import { PreviewStream, type PreviewSink } from '../../renderer/views/previewStream.js';
import type { ReportChunk } from '../../renderer/worker/api.js';

/** A sink whose "elements" are objects holding their block, recording what happened. */
function recordingSink() {
  const shown: { block: string }[] = [];
  const log: string[] = [];
  const sink: PreviewSink<{ block: string }> = {
    parse: (blocks) => blocks.map((block) => ({ block })),
    reset: () => {
      shown.length = 0;
      log.push('reset');
    },
    append: (els) => {
      shown.push(...els);
      log.push(`append ${els.map((e) => e.block).join(',')}`);
    },
    replace: (old, fresh) => {
      shown[shown.indexOf(old)] = fresh;
      log.push(`replace ${old.block}→${fresh.block}`);
    },
    complete: () => log.push('complete'),
  };
  return { sink, shown, log };
}

/** A scheduler run by hand: each step() runs the waiting slice with a budget of one group. */
function manualScheduler() {
  const waiting: ((budget: () => number) => void)[] = [];
  return {
    schedule: (step: (budget: () => number) => void) => {
      waiting.push(step);
      return () => waiting.splice(waiting.indexOf(step), 1);
    },
    step: () => waiting.shift()?.(() => 0),
    get pending() {
      return waiting.length;
    },
  };
}

/** The worker's reportMore over fixed renderings, answered when the test says. */
function fakeWorker(renderings: Record<number, string[]>, perChunk = 2) {
  const asked: [number, number][] = [];
  const answers: (() => void)[] = [];
  const more = (id: number, from: number) =>
    new Promise<ReportChunk | null>((resolve) => {
      asked.push([id, from]);
      const blocks = renderings[id];
      answers.push(() => resolve(blocks ? { blocks: blocks.slice(from, from + perChunk), done: from + perChunk >= blocks.length } : null));
    });
  const answer = async () => {
    answers.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { more, asked, answer };
}

const PAGE = ['cover', 'summary', 'timeline', 'item-1', 'item-2', 'item-3', 'footer'];
/** A clock a second further on at every look: parsed blocks are shown at every step. */
const ticking = () => {
  let t = 0;
  return () => (t += 1000);
};

describe('PreviewStream', () => {
  it('shows the cover and the summary at once, then the rest chunk by chunk in slices', async () => {
    const { sink, shown, log } = recordingSink();
    const scheduler = manualScheduler();
    const worker = fakeWorker({ 1: PAGE });
    const stream = new PreviewStream(sink, worker.more, scheduler.schedule, ticking());
    stream.show({ kind: 'new', id: 1, css: 'x', verdicts: { pass: 3, warn: 0, fail: 0 }, blocks: PAGE.slice(0, 2), done: false });
    // Shown before the worker answered anything.
    expect(shown.map((e) => e.block)).toEqual(['cover', 'summary']);
    expect(worker.asked).toEqual([[1, 2]]);
    // What a print would show now is not the whole report.
    expect(stream.complete).toBe(false);
    await worker.answer();
    expect(worker.asked).toEqual([[1, 2], [1, 4]]);
    expect(shown.length).toBe(2);
    scheduler.step();
    expect(shown.map((e) => e.block)).toEqual(['cover', 'summary', 'timeline', 'item-1']);
    await worker.answer();
    await worker.answer();
    while (scheduler.pending) scheduler.step();
    expect(shown.map((e) => e.block)).toEqual(PAGE);
    expect(log.at(-1)).toBe('complete');
    expect(stream.complete).toBe(true);
    expect(stream.id).toBe(1);
  });

  it('a patch replaces the changed block only, and later chunks come from the new rendering', async () => {
    const { sink, shown, log } = recordingSink();
    const scheduler = manualScheduler();
    const patched = ['cover-2', ...PAGE.slice(1)];
    const worker = fakeWorker({ 1: PAGE, 2: patched });
    const stream = new PreviewStream(sink, worker.more, scheduler.schedule, ticking());
    stream.show({ kind: 'new', id: 1, css: 'x', verdicts: { pass: 3, warn: 0, fail: 0 }, blocks: PAGE.slice(0, 2), done: false });
    const before = [...shown];
    // The patch arrives while a chunk of rendering 1 is on its way: that chunk is asked again of rendering 2.
    stream.show({ kind: 'patch', id: 2, base: 1, css: 'x', verdicts: { pass: 3, warn: 0, fail: 0 }, changes: [{ index: 0, block: 'cover-2' }], count: PAGE.length });
    expect(shown[0]!.block).toBe('cover-2');
    expect(shown[1]).toBe(before[1]);
    await worker.answer();
    expect(worker.asked).toEqual([[1, 2], [2, 2]]);
    await worker.answer();
    await worker.answer();
    await worker.answer();
    expect(worker.asked).toEqual([[1, 2], [2, 2], [2, 4], [2, 6]]);
    while (scheduler.pending) scheduler.step();
    expect(shown.map((e) => e.block)).toEqual(patched);
    expect(log.filter((l) => l.startsWith('replace'))).toEqual(['replace cover→cover-2']);
    expect(log.filter((l) => l === 'reset')).toHaveLength(1);
  });

  it('parsed sections join the page at most every SHOW_EVERY_MS: with time standing still, in one go at the end', async () => {
    const { sink, shown, log } = recordingSink();
    const scheduler = manualScheduler();
    const worker = fakeWorker({ 1: PAGE });
    const stream = new PreviewStream(sink, worker.more, scheduler.schedule, () => 0);
    stream.show({ kind: 'new', id: 1, css: 'x', verdicts: { pass: 3, warn: 0, fail: 0 }, blocks: PAGE.slice(0, 2), done: false });
    expect(shown.map((e) => e.block)).toEqual(['cover', 'summary']);
    for (let i = 0; i < 3; i++) await worker.answer();
    while (scheduler.pending) scheduler.step();
    expect(shown.map((e) => e.block)).toEqual(PAGE);
    expect(log.filter((l) => l.startsWith('append'))).toEqual(['append cover,summary', 'append timeline,item-1,item-2,item-3,footer']);
  });

  it('finish() waits for every block and shows them all at once (before printing)', async () => {
    const { sink, shown } = recordingSink();
    const scheduler = manualScheduler();
    const worker = fakeWorker({ 1: PAGE }, 10);
    const stream = new PreviewStream(sink, worker.more, scheduler.schedule, ticking());
    stream.show({ kind: 'new', id: 1, css: 'x', verdicts: { pass: 3, warn: 0, fail: 0 }, blocks: PAGE.slice(0, 2), done: false });
    let finished = false;
    const finishing = stream.finish().then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(finished).toBe(false);
    await worker.answer();
    await finishing;
    expect(shown.map((e) => e.block)).toEqual(PAGE);
    expect(stream.complete).toBe(true);
  });

  it('received but not yet shown is not complete: a print then shows the wait notice, not part of the report', async () => {
    const { sink } = recordingSink();
    const scheduler = manualScheduler();
    const worker = fakeWorker({ 1: PAGE }, 10);
    const stream = new PreviewStream(sink, worker.more, scheduler.schedule, ticking());
    stream.show({ kind: 'new', id: 1, css: 'x', verdicts: { pass: 3, warn: 0, fail: 0 }, blocks: PAGE.slice(0, 2), done: false });
    await worker.answer();
    // Every block has arrived; none parsed yet.
    expect(stream.complete).toBe(false);
    stream.finishNow();
    expect(stream.complete).toBe(true);
  });
});
