#!/usr/bin/env node
// Benchmark (f) of `npm run bench` (issue 16.10): the web edition's report preview of 1,100
// certificates, in the real browser. Serves out/renderer with scripts/serve-web.js on a free
// loopback port, opens the files through the Open file chooser, waits until every verdict is in,
// then times
//   (i)   a click on Report → the preview's summary on screen, and → every certificate's section in it,
//   (ii)  typing a customer name (11 keys, 60 ms apart, as a person types): the longest main-thread
//         task and the slowest key (input event to the next frame) while typing and until the
//         preview shows the name, and how long after the last key the preview shows it.
// Times are taken inside the page with performance.now() and the Long Tasks API. Repeated in
// fresh tabs (--runs, default 3); medians printed beside the goals (preview < 1 s, no stall).
// Then the memory the worker holds for the report while files are open (it decodes up to 2,500
// models ahead, renderer/worker/reportInputs.ts): in a fresh tab per count (--heap-counts, default
// 1100,2500; "none" to skip), the files opened and checked, the worker's JS heap once it stops
// growing, after a full garbage collection (scripts/benchWorkerHeap.js). Adding 2501 (above the
// cap, so nothing is kept ahead) shows what the kept models cost: on the 2-core VM (2026-12-02,
// one run) 1,100 files 14.0 MB, 2,500 files 27.7 MB, 2,501 files 9.4 MB of JS heap.
//
//   node scripts/bench-web-report.js <folder-of-certificates> [--count 1100] [--runs N] [--heap-counts 1100,2500] [--chromium PATH] [--root DIR] [--json]
// --root serves another build of the web edition (default out/renderer), to compare two builds in one sitting.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesIn, flagValue, fmt, launchChromium, median, root, startServer, verdict } from './benchBrowser.js';
import { settledHeap, workerSession } from './benchWorkerHeap.js';

const args = process.argv.slice(2);
const valueOf = (flag) => flagValue(args, flag);
const folder = args.find((a, i) => !a.startsWith('--') && !['--chromium', '--runs', '--count', '--root', '--heap-counts'].includes(args[i - 1]));
const RUNS = Math.max(1, Number(valueOf('--runs')) || 3);
const COUNT = Math.max(1, Number(valueOf('--count')) || 1100);
const chromiumPath = valueOf('--chromium') ?? process.env.CERTBENCH_CHROMIUM ?? '/usr/bin/chromium';
const asJson = args.includes('--json');
const webRoot = path.resolve(valueOf('--root') ?? path.join(root, 'out', 'renderer'));
const HEAP_COUNTS = valueOf('--heap-counts') === 'none' ? [] : (valueOf('--heap-counts') ?? '1100,2500').split(',').map(Number).filter((n) => n > 0);

const PREVIEW_TARGET_MS = 1000;
/** A stall a person notices while typing (RAIL: respond to input within 100 ms). */
const STALL_TARGET_MS = 100;
const CUSTOMER = 'Contoso Ltd';
const STEP_TIMEOUT_MS = 120_000;
/** The worker that decodes, checks and builds the report (renderer/main.tsx names it). */
const WORKER_NAME = 'certbench-decoder';

function usage(message) {
  console.error(`${message}\nusage: node scripts/bench-web-report.js <folder-of-certificates> [--count 1100] [--runs N] [--heap-counts 1100,2500|none] [--chromium PATH] [--root DIR] [--json]`);
  process.exit(2);
}

/**
 * Resolves in the page, on the frame after the condition holds (so the render is included):
 * `count` = the Documents count reads `arg`; `summary` = the preview shows its summary tiles;
 * `sections` = the preview holds `arg` certificate sections; `customer` = the cover names `arg`.
 * (Conditions are named, not passed as code: the app's CSP allows no eval.)
 */
const untilFrame = (page, what, arg) =>
  page.evaluate(
    ({ what, arg }) =>
      new Promise((resolve, reject) => {
        const preview = () => document.querySelector('[data-testid="report-preview"]')?.shadowRoot ?? null;
        const tests = {
          count: () => document.querySelector('[data-testid="document-count"]')?.textContent?.trim() === arg,
          summary: () => preview()?.querySelector('#summary .tiles') != null,
          sections: () => (preview()?.querySelectorAll('section.item').length ?? 0) >= arg,
          customer: () => [...(preview()?.querySelectorAll('.cover dd') ?? [])].some((d) => d.textContent === arg),
        };
        const started = performance.now();
        const check = () => {
          if (tests[what]()) requestAnimationFrame(() => resolve(performance.now()));
          else if (performance.now() - started > 120_000) reject(new Error(`${what} timed out`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { what, arg },
  );

/** A fresh tab with the web edition. */
async function newTab(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.goto(url);
  return page;
}

/** Opens the files through the Open file chooser and waits until every one is listed and checked. */
async function openAndCheck(page, files) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open files…' }).click();
  await (await chooser).setFiles(files);
  const expected = files.length.toLocaleString('en-US');
  await untilFrame(page, 'count', expected);
  // Every row's verdict in (the list checks in the background, in the same worker): the report
  // then starts from a settled app. The list's "Not checked" filter shows none left.
  await page.getByLabel('Filter by verdict').selectOption('none');
  await untilFrame(page, 'count', `0 of ${expected}`);
  await page.getByLabel('Filter by verdict').selectOption('');
  await untilFrame(page, 'count', expected);
}

/** The report worker's heap with these files open and checked, once its background preparation is done. */
async function workerHeapWith(browser, url, files) {
  const page = await newTab(browser, url);
  try {
    const worker = await workerSession(page, WORKER_NAME);
    await openAndCheck(page, files);
    // The preparation starts 500 ms after the last change (renderer/app/useReportWarmup.ts).
    await page.waitForTimeout(1000);
    const heap = await settledHeap(worker, { timeoutMs: STEP_TIMEOUT_MS });
    await worker.detach();
    return { files: files.length, ...heap };
  } finally {
    await page.close();
  }
}

async function oneRun(browser, url, files) {
  const page = await newTab(browser, url);
  try {
    await openAndCheck(page, files);
    await page.evaluate(() => {
      const w = window;
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: false });
      w.__keys = [];
      document.addEventListener(
        'input',
        (e) => {
          if (!(e.target instanceof HTMLInputElement) || e.target.getAttribute('aria-label') !== 'Customer') return;
          const at = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - at), 0));
        },
        { capture: true },
      );
    });
    const clickAt = await page.evaluate(() => performance.now());
    await page.getByRole('toolbar').getByRole('button', { name: 'Report' }).click();
    const summaryAt = await untilFrame(page, 'summary');
    const allAt = await untilFrame(page, 'sections', files.length);
    const clickTasks = await page.evaluate((from) => window.__longTasks.filter((t) => t.start >= from).map((t) => t.duration), clickAt);

    const typeFrom = await page.evaluate(() => performance.now());
    await page.getByLabel('Customer').click();
    await page.keyboard.type(CUSTOMER, { delay: 60 });
    const lastKeyAt = await page.evaluate(() => performance.now());
    const shownAt = await untilFrame(page, 'customer', CUSTOMER);
    await page.waitForTimeout(300);
    const typing = await page.evaluate((from) => ({ tasks: window.__longTasks.filter((t) => t.start >= from).map((t) => t.duration), keys: window.__keys }), typeFrom);
    return {
      summaryMs: summaryAt - clickAt,
      allSectionsMs: allAt - clickAt,
      longestTaskAfterClickMs: Math.max(0, ...clickTasks),
      longestTaskTypingMs: Math.max(0, ...typing.tasks),
      slowestKeyMs: Math.max(0, ...typing.keys),
      customerShownAfterLastKeyMs: shownAt - lastKeyAt,
    };
  } finally {
    await page.close();
  }
}

async function main() {
  if (!folder) usage('Name a folder of certificates.');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) usage(`${folder} is not a folder.`);
  if (!existsSync(path.join(webRoot, 'index.html'))) usage(`No web edition in ${webRoot}: run "npm run build:web" first.`);
  if (!existsSync(chromiumPath)) usage(`No Chromium at ${chromiumPath}.`);
  const all = filesIn(folder);
  const files = all.slice(0, COUNT);
  if (files.length < COUNT) usage(`${folder} holds ${files.length} files, fewer than ${COUNT}.`);
  const heapCounts = HEAP_COUNTS.filter((n) => n <= all.length);
  const server = startServer(webRoot);
  const browser = await launchChromium(chromiumPath);
  try {
    const url = await server.url;
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, url, files));
    const m = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
    const heaps = [];
    for (const n of heapCounts) heaps.push(await workerHeapWith(browser, url, all.slice(0, n)));
    if (asJson) {
      console.log(JSON.stringify({ files: files.length, runs, median: m, workerHeap: heaps }, null, 2));
      return;
    }
    const line = (label, ms, target) => console.log(`${label.padEnd(58)} ${fmt(ms).padStart(7)} ms${target ? `   goal < ${fmt(target)} ms: ${verdict(ms, target)}` : ''}`);
    console.log(`(f) web edition, report preview of ${fmt(files.length)} certificates (median of ${RUNS} fresh tabs)`);
    line('    Report clicked → summary in the preview', m.summaryMs, PREVIEW_TARGET_MS);
    line('    Report clicked → every certificate in the preview', m.allSectionsMs);
    line('    longest main-thread task after the click', m.longestTaskAfterClickMs);
    line(`    typing "${CUSTOMER}": longest main-thread task`, m.longestTaskTypingMs, STALL_TARGET_MS);
    line('    typing: slowest key (input → next frame)', m.slowestKeyMs, STALL_TARGET_MS);
    line('    last key → the name in the preview', m.customerShownAfterLastKeyMs);
    for (const h of heaps) {
      console.log(`    report worker heap with ${fmt(h.files)} files: ${h.usedMB.toFixed(1)} MB (after GC; + ${h.arrayBuffersMB.toFixed(1)} MB array buffers)`);
    }
    for (const n of HEAP_COUNTS.filter((c) => !heapCounts.includes(c))) console.log(`    report worker heap with ${fmt(n)} files: skipped, ${folder} holds ${fmt(all.length)}`);
  } finally {
    await browser.close();
    server.child.kill();
  }
}

main().catch((error) => {
  console.error(`bench-web-report: ${error.message}`);
  process.exit(1);
});
