// Issue 18.7 in the HTML report: a CN with a RIGHT-TO-LEFT OVERRIDE (U+202E) or a zero-width
// space (U+200B) reaches the report only as a visible marker, inside <bdi>; the finding that
// quotes it cannot be reversed; the rule general.invisible-characters reports it. Checked in the
// HTML text and in Chromium (computed unicode-bidi, what a reader sees).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../cli/commands/report.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';
import { captureIo } from './fixtures.js';

const CHROMIUM = process.env.CERTBENCH_CHROMIUM ?? '/usr/bin/chromium';
const RLO_CN = 'ex1.contoso.com\u202emoc.live';
const ZWSP_CN = 'ex1\u200b.contoso.com';
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

let dir: string;
let html: string;

beforeAll(async () => {
  dir = makeWorkDir('report-bidi');
  const dates = { startDate: '2025-06-01T00:00:00Z', endDate: '2026-06-01T00:00:00Z' };
  const a = selfSigned({ dir, name: 'rlo', subject: `/O=Contoso/CN=${RLO_CN}`, san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], ...dates });
  const b = selfSigned({ dir, name: 'zwsp', subject: `/O=Contoso/CN=${ZWSP_CN}`, san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], ...dates });
  fs.copyFileSync(a.certPem, path.join(dir, 'rlo.cer'));
  fs.copyFileSync(b.certPem, path.join(dir, 'zwsp.cer'));
  await report(['rlo.cer', 'zwsp.cer', '--role', 'exchange-um', '--at', '2026-03-01', '--format', 'html', '--out', 'bidi.html'], captureIo(dir));
  html = fs.readFileSync(path.join(dir, 'bidi.html'), 'utf8');
});
afterAll(() => removeWorkDir(dir));

describe('bidi and invisible characters in the HTML report', () => {
  it('no hidden character reaches the HTML raw; each is a marker naming its code point', () => {
    expect(html).not.toMatch(HIDDEN);
    expect(html).toContain('<span class="invisible" title="U+202E RIGHT-TO-LEFT OVERRIDE">[U+202E]</span>');
    expect(html).toContain('<span class="invisible" title="U+200B ZERO WIDTH SPACE">[U+200B]</span>');
    expect(html).toMatch(/<bdi>ex1\.contoso\.com<span class="invisible"[^>]*>\[U\+202E\]<\/span>moc\.live<\/bdi>/);
  });

  it('the rule reports both names in the Exchange UM role', () => {
    const rows = html.match(/data-rule="general\.invisible-characters" data-status="error"/g) ?? [];
    expect(rows.length).toBe(2);
  });

  it.skipIf(!fs.existsSync(CHROMIUM))('in Chromium: names isolated (bdi, unicode-bidi: isolate) and markers visible', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(dir, 'bidi.html')).href);
      const facts = await page.evaluate(() => {
        const names = [...document.querySelectorAll('section.item h2 .name bdi')];
        const markers = [...document.querySelectorAll('.invisible')];
        return {
          names: names.map((n) => n.textContent),
          bidi: names.map((n) => getComputedStyle(n).unicodeBidi),
          markerWidths: markers.map((m) => m.getBoundingClientRect().width),
          details: [...document.querySelectorAll('.finding[data-rule="general.invisible-characters"] p')].map((p) => p.textContent ?? '').join('\n'),
        };
      });
      expect(facts.names).toEqual(['ex1.contoso.com[U+202E]moc.live', 'ex1[U+200B].contoso.com']);
      expect(facts.bidi).toEqual(['isolate', 'isolate']);
      expect(facts.markerWidths.length).toBeGreaterThan(4);
      expect(Math.min(...facts.markerWidths)).toBeGreaterThan(10);
      expect(facts.details).toContain('RIGHT-TO-LEFT OVERRIDE');
    } finally {
      await browser.close();
    }
  });
});
