// The HTML report renders in Chromium, and `--format pdf` prints it: the mixed Contoso set's
// screenshot, PDF and page images are saved under test-output/report/ (git-ignored) for a
// human to look at. Skipped, with the reason, where Debian Chromium is not installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../cli/commands/report.js';
import { removeWorkDir } from '../support/openssl.js';
import { captureIo, makeMixedSet, OUTPUT_DIR, type MixedSet } from './fixtures.js';

const CHROMIUM = process.env.CERTBENCH_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const HAVE_PDFTOPPM = hasTool('pdftoppm');
if (!HAVE_CHROMIUM) console.warn(`test/report/chromium.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CERTBENCH_CHROMIUM).`);

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const reportArgs = (set: MixedSet) => [
  ...set.files,
  '--role', 'auto',
  ...set.common,
  '--title', 'Exchange and Skype for Business certificate review',
  '--customer', 'Contoso Ltd',
  '--author', 'A. Consultant, Fabrikam Consulting',
  '--commands',
];

describe.skipIf(!HAVE_CHROMIUM)(`the HTML report in Chromium (${CHROMIUM})`, () => {
  let set: MixedSet;
  let browser: Browser;
  const htmlFile = path.join(OUTPUT_DIR, 'mixed-report.html');

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    set = makeMixedSet('report-chromium');
    const io = captureIo(set.dir);
    expect(await report([...reportArgs(set), '--format', 'html', '--out', htmlFile], io)).toBe(2);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (set) removeWorkDir(set.dir);
  });

  it('renders every section without a script or an error; screenshots saved', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && problems.push(`fetched ${r.url()}`));
    await page.goto(pathToFileURL(htmlFile).href);
    const facts = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      items: document.querySelectorAll('section.item').length,
      svgRows: document.querySelectorAll('svg.timeline rect[rx]').length,
      title: document.querySelector('h1')?.textContent,
      tiles: [...document.querySelectorAll('.tile .n')].map((n) => n.textContent),
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }));
    expect(problems).toEqual([]);
    expect(facts.scripts).toBe(0);
    expect(facts.items).toBe(5);
    expect(facts.svgRows).toBe(4); // four certificates on the time axis (the request has no validity)
    expect(facts.title).toBe('Exchange and Skype for Business certificate review');
    expect(facts.overflow).toBe(false);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'mixed-report-first-screen.png') });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'mixed-report.png'), fullPage: true });
    await page.close();
    expect(fs.statSync(path.join(OUTPUT_DIR, 'mixed-report.png')).size).toBeGreaterThan(50_000);
  });

  it('--format pdf prints it with Chromium; page images saved', async () => {
    const pdf = path.join(OUTPUT_DIR, 'mixed-report.pdf');
    const io = captureIo(set.dir, { PFX_PW: 'Contoso-Pfx-1!', CERTBENCH_CHROMIUM: CHROMIUM });
    expect(await report([...reportArgs(set), '--format', 'pdf', '--out', pdf], io)).toBe(2);
    expect(io.stdout).toMatch(/^Wrote .*mixed-report\.pdf \(PDF\): 5 checked — /);
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // Cover + summary, then one page (at least) per certificate, then the appendix.
    expect(pages).toBeGreaterThanOrEqual(7);
    if (!HAVE_PDFTOPPM) {
      console.warn('pdftoppm not installed (apt-get install poppler-utils): PDF page images not made.');
      return;
    }
    for (const old of fs.readdirSync(OUTPUT_DIR).filter((f) => f.startsWith('mixed-report-page'))) fs.rmSync(path.join(OUTPUT_DIR, old));
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(OUTPUT_DIR, 'mixed-report-page')]);
    const images = fs.readdirSync(OUTPUT_DIR).filter((f) => /^mixed-report-page-\d+\.png$/.test(f));
    expect(images.length).toBe(pages);
  });
});
