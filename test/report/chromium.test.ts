// The HTML report renders in Chromium, and `--format pdf` prints it: the mixed Contoso set's
// screenshot, PDF and page images are saved under test-output/report/ (git-ignored) for a
// human to look at. Skipped, with the reason, where Debian Chromium is not installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import os from 'node:os';
import { report } from '../../cli/commands/report.js';
import { printPdf } from '../../cli/printPdf.js';
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
    expect(await report([...reportArgs(set), '--format', 'html', '--out', htmlFile, '--force'], io)).toBe(2);
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
    expect(await report([...reportArgs(set), '--format', 'pdf', '--out', pdf, '--force'], io)).toBe(2);
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

/** Pages in a PDF Chromium printed. */
const pageCount = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe.skipIf(!HAVE_CHROMIUM)('--format pdf prints offline, without scripts, without our environment', () => {
  let listener: net.Server;
  let port: number;
  const connections: string[] = [];

  beforeAll(async () => {
    // A local server the page points at: it must never hear from the printing browser.
    listener = net.createServer((socket) => {
      connections.push(`${socket.remoteAddress}:${socket.remotePort}`);
      socket.destroy();
    });
    await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
    port = (listener.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((done) => listener.close(done));
  });

  it('a page that references the network in every way makes no connection', async () => {
    const base = `http://127.0.0.1:${port}`;
    const html = [
      '<!doctype html><html><head>',
      `<link rel="stylesheet" href="${base}/style.css"><link rel="preconnect" href="http://localhost:${port}">`,
      `<link rel="dns-prefetch" href="http://certbench-test.example.com"><link rel="icon" href="${base}/favicon.ico">`,
      '</head><body><p>report</p>',
      `<img src="${base}/image.png"><img src="http://localhost:${port}/by-name.png"><iframe src="${base}/frame.html"></iframe>`,
      `<script>fetch('${base}/fetch'); new Image().src = '${base}/script-image';</script>`,
      '</body></html>',
    ].join('');
    const pdf = await printPdf(html, CHROMIUM);
    expect(typeof pdf).not.toBe('string');
    // Give a late request a moment to arrive before judging.
    await new Promise((done) => setTimeout(done, 300));
    expect(connections).toEqual([]);
  });

  it('JavaScript does not run: a script that would add pages adds none', async () => {
    const plain = '<!doctype html><html><body><p>one page</p></body></html>';
    const scripted = `<!doctype html><html><body><p>one page</p><script>for (let i = 0; i < 400; i++) { const p = document.createElement('p'); p.textContent = 'line ' + i; document.body.append(p); }</script></body></html>`;
    const a = await printPdf(plain, CHROMIUM);
    const b = await printPdf(scripted, CHROMIUM);
    if (typeof a === 'string' || typeof b === 'string') throw new Error(String(typeof a === 'string' ? a : b));
    expect(pageCount(a)).toBe(1);
    expect(pageCount(b)).toBe(1);
  });

  it('Chromium gets a minimal environment: no PFX_PASSWORD, no variable of ours', async () => {
    // A stand-in for Chromium that records its environment and arguments and prints a "PDF".
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-chromium-'));
    const fake = path.join(dir, 'chromium');
    const envFile = path.join(dir, 'env.txt');
    const argsFile = path.join(dir, 'args.txt');
    fs.writeFileSync(
      fake,
      `#!/bin/sh\nenv > '${envFile}'\nfor a in "$@"; do echo "$a" >> '${argsFile}'; case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "\${a#--print-to-pdf=}";; esac; done\n`,
      { mode: 0o755 },
    );
    try {
      const pdf = await printPdf('<p>x</p>', fake, { ...process.env, PFX_PASSWORD: 'Secret-Pfx-1!', PFX_PW: 'Secret-Pfx-2!', AWS_SECRET_ACCESS_KEY: 'k', LANG: 'C.UTF-8' });
      expect(typeof pdf).not.toBe('string');
      const env = fs.readFileSync(envFile, 'utf8');
      expect(env).not.toContain('Secret-Pfx');
      expect(env).not.toMatch(/^(PFX_PASSWORD|PFX_PW|AWS_SECRET_ACCESS_KEY)=/m);
      const names = env.split('\n').filter(Boolean).map((l) => l.split('=')[0]!).filter((n) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(n));
      expect(names.sort()).toEqual(['HOME', 'LANG', 'PATH', 'TMPDIR', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME']);
      const args = fs.readFileSync(argsFile, 'utf8').split('\n');
      expect(args).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
      expect(args).toContain('--disable-background-networking');
      expect(args.some((a) => a.startsWith('--user-data-dir=' + os.tmpdir()))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an existing PDF is kept when printing fails (never deleted before Chromium runs)', async () => {
    const set = makeMixedSet('report-pdf-keep');
    try {
      const target = path.join(set.dir, 'old.pdf');
      fs.writeFileSync(target, '%PDF-1.4 the old report');
      const broken = path.join(set.dir, 'broken-chromium');
      fs.writeFileSync(broken, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
      const io = captureIo(set.dir, { PFX_PW: 'Contoso-Pfx-1!', CERTBENCH_CHROMIUM: broken });
      expect(await report([...reportArgs(set), '--format', 'pdf', '--out', target, '--force'], io)).toBe(2);
      expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.4 the old report');
      expect(fs.readdirSync(set.dir).filter((f) => f.includes('certbench-'))).toEqual([]);
    } finally {
      removeWorkDir(set.dir);
    }
  });
});
