// The report HTML cut into top-level blocks for the app's preview (issue 16.10): every block is
// exactly one element, nothing is lost or reordered, and a new customer name changes one block.
import { describe, expect, it } from 'vitest';
import { reportBlocks } from '../../shared/report/render/htmlBlocks.js';
import { renderHtml } from '../../shared/report/render/html.js';
import { checkAndBuildReport } from '../../shared/report/buildReport.js';
import { decodeFile } from '../support/decodeFile.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

describe('reportBlocks', () => {
  it('cuts a real report into one element per block, in order, and only the cover changes with the customer', async () => {
    const dir = makeWorkDir('report-blocks');
    try {
      const dates = { startDate: '2025-06-01T00:00:00Z', endDate: '2026-06-01T00:00:00Z' };
      // Hostile text inside values must not be taken for a block boundary.
      const names = ['ex1.contoso.com', 'x\n<section class="item">.contoso.com', 'mail.contoso.com'];
      const inputs = [];
      for (const [i, cn] of names.entries()) {
        const cert = selfSigned({ dir, name: `c${i}`, subject: `/O=Contoso/CN=${cn.replace(/\//g, '\\/')}`, san: ['DNS:ex1.contoso.com'], ...dates });
        inputs.push({ file: `c${i}.cer`, document: await decodeFile(cert.certDer) });
      }
      const model = await checkAndBuildReport(inputs, { role: 'exchange-um', environment: {}, at: new Date('2026-01-01T00:00:00Z') }, { fixCommands: true });
      const html = renderHtml(model);
      const { css, blocks, title } = reportBlocks(html);
      expect(css).toContain('.finding');
      expect(title).toBe('Certificate compliance report');
      expect(blocks[0]).toMatch(/^<header class="cover">[\s\S]*<\/header>$/);
      expect(blocks.filter((b) => b.startsWith('<section class="item')).length).toBe(3);
      expect(blocks.at(-1)).toMatch(/^<footer>[\s\S]*<\/footer>$/);
      for (const b of blocks) {
        const tag = /^<(header|section|footer)[\s>]/.exec(b)![1];
        expect(b.endsWith(`</${tag}>`)).toBe(true);
        // No block holds another top-level element's start.
        expect(b.slice(1).match(/<(header|footer)[\s>]/)).toBeNull();
      }
      const body = html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
      // Everything kept, in order (empty parts of the page, e.g. no unusable files, leave blank lines).
      expect(blocks.join('\n')).toBe(body.trim().replace(/\n{2,}/g, '\n'));

      const other = reportBlocks(renderHtml({ ...model, meta: { ...model.meta, customer: 'Contoso Ltd' } })).blocks;
      expect(other.length).toBe(blocks.length);
      expect(other.flatMap((b, i) => (b === blocks[i] ? [] : [i]))).toEqual([0]);
    } finally {
      removeWorkDir(dir);
    }
  });
});
