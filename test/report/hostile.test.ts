// Certificates are written by whoever asked for them. Subjects such as
// `CN=<script>alert(1)</script>` and `CN==cmd|' /C calc'!A0`, a file named `=1+2.cer` and a
// hostile report title must come out as text in every format: no markup in HTML (checked in
// Chromium too), no formula in CSV, no raw HTML or broken table in Markdown.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../cli/commands/check.js';
import { report } from '../../cli/commands/report.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';
import { captureIo, csvRecords, markdownCells, parseCsv } from './fixtures.js';

const CHROMIUM = process.env.CERTBENCH_CHROMIUM ?? '/usr/bin/chromium';
const SCRIPT_CN = '<script>alert(1)</script>';
const FORMULA_CN = "=cmd|' /C calc'!A0";
const TITLE = '<img src=x onerror=alert(1)> | Q1 review';
const CUSTOMER = '=HYPERLINK("http://evil.example/","Contoso")';

let dir: string;
const out: Record<string, string> = {};
let results: { file: string; thumbprint: string; subject: string; verdict: string }[];

beforeAll(async () => {
  dir = makeWorkDir('report-hostile');
  const dates = { startDate: '2025-06-01T00:00:00Z', endDate: '2026-06-01T00:00:00Z' };
  // -subj separates attributes with "/" and RDN members with "+": inside a value they are written "\/" and "\+".
  const a = selfSigned({ dir, name: 'script', subject: `/O=Evil | Corp "quoted", Inc/CN=<script>alert(1)<\\/script>`, san: ['DNS:evil.contoso.com'], eku: ['serverAuth'], ...dates });
  const b = selfSigned({ dir, name: 'formula', subject: `/O=@SUM(1\\+1)/CN==cmd|' \\/C calc'!A0`, san: ['DNS:=1+1.contoso.com'], eku: ['serverAuth'], ...dates });
  fs.copyFileSync(a.certPem, path.join(dir, 'script.cer'));
  fs.copyFileSync(b.certPem, path.join(dir, '=1+2.cer'));
  const files = ['script.cer', '=1+2.cer'];
  const common = ['--role', 'auto', '--at', '2026-03-01'];
  const cio = captureIo(dir);
  await check([...files, ...common, '--json'], cio);
  results = (JSON.parse(cio.stdout) as { results: typeof results }).results;
  for (const format of ['html', 'csv', 'md', 'json']) {
    await report([...files, ...common, '--format', format, '--out', `hostile.${format}`, '--title', TITLE, '--customer', CUSTOMER, '--author', 'Mallory | <b>bold</b>'], captureIo(dir));
    out[format] = fs.readFileSync(path.join(dir, `hostile.${format}`), 'utf8');
  }
});
afterAll(() => removeWorkDir(dir));

describe('hostile names in reports', () => {
  it('the fixtures really carry the hostile names', () => {
    expect(results).toHaveLength(2);
    expect(results[0]!.subject).toContain(SCRIPT_CN);
    expect(results[1]!.subject).toContain(FORMULA_CN);
  });

  it('HTML: every hostile value is text, never markup', () => {
    const html = out.html!;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example/&quot;,&quot;Contoso&quot;)');
  });

  it.skipIf(!fs.existsSync(CHROMIUM))('HTML in Chromium: no element from a certificate, the names shown as written', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(path.join(dir, 'hostile.html')).href);
      const facts = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        imgs: document.querySelectorAll('img').length,
        bolds: document.querySelectorAll('b').length,
        h1: document.querySelector('h1')!.textContent,
        names: [...document.querySelectorAll('section.item h2 .name')].map((n) => n.textContent),
        svgLabels: [...document.querySelectorAll('svg.timeline text')].map((t) => t.textContent).join('\n'),
      }));
      expect(dialogs).toEqual([]);
      expect(facts).toMatchObject({ scripts: 0, imgs: 0, bolds: 0, h1: TITLE });
      expect(facts.names).toEqual([`1. Certificate: ${SCRIPT_CN}`, `2. Certificate: ${FORMULA_CN}`]);
      expect(facts.svgLabels).toContain(SCRIPT_CN);
    } finally {
      await browser.close();
    }
  });

  it('CSV: no cell a spreadsheet would run; the values survive behind the apostrophe', () => {
    const cells = parseCsv(out.csv!).flat();
    for (const cell of cells) {
      if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
      expect(cell, cell).not.toMatch(/^ *[=+\-@\t\r]/);
    }
    const rows = csvRecords(out.csv!);
    const script = rows.find((r) => r.thumbprint === results[0]!.thumbprint)!;
    const formula = rows.find((r) => r.thumbprint === results[1]!.thumbprint)!;
    expect(script.subject).toBe(results[0]!.subject); // quotes, commas and pipes round-trip
    expect(script.commonName).toBe(SCRIPT_CN);
    expect(formula.commonName).toBe(`'${FORMULA_CN}`);
    expect(formula.file).toBe("'=1+2.cer");
    expect(formula.certificateVerdict).toBe(results[1]!.verdict);
  });

  it('Markdown: no raw HTML, no broken table, hostile values escaped', () => {
    const md = out.md!;
    // Every "<" is escaped ("\<"): no tag can reach a Markdown renderer.
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md.split('\n')[0]).toBe('# \\<img src=x onerror=alert(1)\\> \\| Q1 review');
    const lines = md.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| # | Certificate |'));
    for (const line of lines.slice(header + 2, header + 4)) expect(markdownCells(line)).toHaveLength(7);
  });

  it('JSON: the values as they are (JSON.stringify is the escaping)', () => {
    const doc = JSON.parse(out.json!) as { report: { title: string; customer: string }; results: { subject: string }[] };
    expect(doc.report.title).toBe(TITLE);
    expect(doc.report.customer).toBe(CUSTOMER);
    expect(doc.results.map((r) => r.subject)).toEqual(results.map((r) => r.subject));
  });
});
