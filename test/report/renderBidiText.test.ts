// Issue 18.7 in the Markdown and CSV reports: a CN with a RIGHT-TO-LEFT OVERRIDE (U+202E) or a
// zero-width space (U+200B) reaches the file only as a visible marker, so neither a Markdown
// viewer nor a spreadsheet can hide it or reverse the text; formula injection stays defused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../cli/commands/report.js';
import { csvField, escapeMarkdown } from '../../shared/report/render/escape.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';
import { captureIo } from './fixtures.js';

const RLO_CN = 'ex1.contoso.com\u202emoc.live';
const ZWSP_CN = 'ex1\u200b.contoso.com';
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

let dir: string;
let markdown: string;
let csv: string;

beforeAll(async () => {
  dir = makeWorkDir('report-bidi-text');
  const dates = { startDate: '2025-06-01T00:00:00Z', endDate: '2026-06-01T00:00:00Z' };
  const a = selfSigned({ dir, name: 'rlo', subject: `/O=Contoso/CN=${RLO_CN}`, san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], ...dates });
  const b = selfSigned({ dir, name: 'zwsp', subject: `/O=Contoso/CN=${ZWSP_CN}`, san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], ...dates });
  fs.copyFileSync(a.certPem, path.join(dir, 'rlo.cer'));
  fs.copyFileSync(b.certPem, path.join(dir, 'zwsp.cer'));
  for (const out of ['bidi.md', 'bidi.csv']) {
    await report(['rlo.cer', 'zwsp.cer', '--role', 'exchange-um', '--at', '2026-03-01', '--out', out], captureIo(dir));
  }
  markdown = fs.readFileSync(path.join(dir, 'bidi.md'), 'utf8');
  csv = fs.readFileSync(path.join(dir, 'bidi.csv'), 'utf8');
});
afterAll(() => removeWorkDir(dir));

describe('bidi and invisible characters in the Markdown report', () => {
  it('no hidden character reaches the file; each is a marker (brackets escaped, so it renders as [U+202E])', () => {
    expect(markdown).not.toMatch(HIDDEN);
    expect(markdown).toContain('ex1.contoso.com\\[U+202E\\]moc.live');
    expect(markdown).toContain('ex1\\[U+200B\\].contoso.com');
  });

  it('a marker cannot become a link', () => {
    expect(escapeMarkdown('\u202e(javascript:alert(1))')).toBe('\\[U+202E\\](javascript:alert(1))');
  });
});

describe('bidi and invisible characters in the CSV report', () => {
  it('no hidden character reaches a cell; each is a marker a spreadsheet shows', () => {
    // The byte-order mark at the start is the file's own (Excel's UTF-8 signal), not a value's.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).not.toMatch(HIDDEN);
    expect(csv.slice(1)).not.toContain('\uFEFF');
    const rows = csv.slice(1).split('\r\n');
    expect(rows.some((r) => r.includes('ex1.contoso.com[U+202E]moc.live'))).toBe(true);
    expect(rows.some((r) => r.includes('ex1[U+200B].contoso.com'))).toBe(true);
  });

  it('formula injection stays defused, markers or not; tabs and line breaks are kept', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    // A hidden character in front no longer hides the formula from the reader; the cell starts with "[".
    expect(csvField('\u200b=cmd')).toBe('[U+200B]=cmd');
    expect(csvField('ex1\u202e.com')).toBe('ex1[U+202E].com');
  });
});
