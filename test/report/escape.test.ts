// The escaping every renderer relies on, value by value, and the timeline SVG's own escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showInvisible } from '../../shared/encoding/invisibleCharacters.js';
import { csvField, escapeHtml, escapeMarkdown } from '../../shared/report/render/escape.js';
import { timelineSvg } from '../../shared/report/render/timelineSvg.js';
import { markdownCells, parseCsv } from './fixtures.js';

describe('csvField (RFC 4180 + formula injection)', () => {
  it('quotes commas, quotes and line breaks; doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as a formula, keeps plain numbers', () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('  =1+1')).toBe("'  =1+1");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField(-12)).toBe('-12');
    expect(csvField('-12')).toBe('-12');
    expect(csvField('CN=x')).toBe('CN=x');
  });

  it('any row of any strings reads back exactly (apart from the apostrophe guard and the markers for hidden characters)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-composite' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const line = cells.map(csvField).join(',') + '\r\n';
        const [row] = parseCsv(line);
        expect(row).toHaveLength(cells.length);
        row!.forEach((got, i) => {
          // Invisible characters (tab and line breaks apart) come back as their markers, "[U+200B]".
          const want = cells[i]!.replace(/[^\t\r\n]+/g, showInvisible);
          expect(got === want || got === `'${want}`).toBe(true);
          expect(/^ *[=+\-@\t\r]/.test(got) && !/^-?\d+(\.\d+)?$/.test(got)).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeHtml', () => {
  it('escapes markup and both quotes', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`"x" & 'y'`)).toBe('&quot;x&quot; &amp; &#39;y&#39;');
    expect(escapeHtml(null)).toBe('');
  });
});

describe('escapeMarkdown', () => {
  it('escapes pipes, raw HTML, emphasis, links and code; one line', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('*.contoso.com')).toBe('\\*.contoso.com');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(escapeMarkdown('`code`')).toBe('\\`code\\`');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('&lt;')).toBe('\\&lt;');
  });

  it('a value never adds or removes a table cell', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = `| ${cells.map(escapeMarkdown).join(' | ')} |`;
        expect(markdownCells(line)).toHaveLength(cells.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('timelineSvg', () => {
  const base = { start: '2025-12-01T00:00:00.000Z', end: '2026-09-01T00:00:00.000Z', at: '2026-03-01T00:00:00.000Z' };

  it('escapes labels, draws one bar per row, marks rows outside the window and bars past its end', () => {
    const svg = timelineSvg({
      ...base,
      rows: [
        { itemId: 'item-1', label: '<script>alert(1)</script>', notBefore: '2025-06-01T00:00:00Z', notAfter: '2026-03-20T00:00:00Z', daysLeft: 19, bucket: '30' },
        { itemId: 'item-2', label: 'long.contoso.com', notBefore: '2025-01-01T00:00:00Z', notAfter: '2030-01-01T00:00:00Z', daysLeft: 1402, bucket: 'ok' },
        { itemId: 'item-3', label: 'gone.contoso.com', notBefore: '2023-01-01T00:00:00Z', notAfter: '2024-01-01T00:00:00Z', daysLeft: -790, bucket: 'expired' },
      ],
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg.match(/<rect [^>]*rx="2"/g)).toHaveLength(2);
    expect(svg).toMatch(/<circle /); // the long-expired certificate: a marker at the left edge
    expect(svg).toContain('19 d left · 2026-03-20');
    expect(svg).toContain('expired 2024-01-01');
    expect(svg.match(/<g>/g)!.length).toBe(svg.match(/<\/g>/g)!.length);
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('says so when there is nothing on the time axis', () => {
    expect(timelineSvg({ ...base, rows: [] })).toContain('No certificate with validity dates');
  });
});
