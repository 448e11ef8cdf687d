// The Report view's worker calls (renderer/worker/reportWorker.ts), with real certificates: the
// first answer is the cover and the executive summary only, the rest comes in chunks, and all
// of it is exactly the exported file's body; a new customer name comes back as the cover alone;
// the documents' models are decoded before the click when the files are open (issue 16.10).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DecodedDocument } from '../../shared/model/document.js';
import { checkAndBuildReport } from '../../shared/report/buildReport.js';
import { renderHtml } from '../../shared/report/render/html.js';
import { reportBlocks } from '../../shared/report/render/htmlBlocks.js';
import type { ReportStart } from '../../renderer/worker/api.js';
import { reportApi } from '../../renderer/worker/reportWorker.js';
import { decodeFile } from '../support/decodeFile.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

const AT = '2026-01-01T00:00:00Z';
const META = { fixCommands: true, leftOut: [{ file: 'broken.cer', message: 'Not a certificate.' }] };
let dir: string;
const open = new Map<string, { file: string; document: DecodedDocument }>();

beforeAll(async () => {
  dir = makeWorkDir('report-worker');
  const dates = { startDate: '2025-06-01T00:00:00Z', endDate: '2026-06-01T00:00:00Z' };
  for (const [i, cn] of ['ex1.contoso.com', 'mail.contoso.com', '*.contoso.com', 'sip.contoso.com'].entries()) {
    const cert = selfSigned({ dir, name: `c${i}`, subject: `/O=Contoso/CN=${cn}`, san: [`DNS:${cn}`], ...dates });
    open.set(`doc-${i + 1}`, { file: `c${i}.cer`, document: await decodeFile(cert.certDer) });
  }
});
afterAll(() => removeWorkDir(dir));

/** The worker's service as the report sees it: the open documents by id, counting the calls. */
function fakeService() {
  return { documents: vi.fn(async (ids: readonly string[]) => ids.flatMap((id) => open.get(id) ?? [])) };
}

async function expected(docIds: string[], customer?: string) {
  const model = await checkAndBuildReport(
    docIds.map((id) => open.get(id)!),
    { role: 'auto', environment: {}, at: new Date(AT) },
    { fixCommands: true, generator: 'CertBench', unusable: META.leftOut, ...(customer ? { customer } : {}) },
  );
  return renderHtml(model);
}

async function allBlocks(api: ReturnType<typeof reportApi>, start: ReportStart): Promise<string[]> {
  if (start.kind !== 'new') throw new Error('expected a new rendering');
  const blocks = [...start.blocks];
  for (let done = start.done; !done; ) {
    const chunk = (await api.reportMore(start.id, blocks.length))!;
    expect(chunk.blocks.length).toBeGreaterThan(0);
    blocks.push(...chunk.blocks);
    done = chunk.done;
  }
  return blocks;
}

describe('reportApi', () => {
  const ids = ['doc-1', 'doc-2', 'doc-3', 'doc-4'];

  it('answers with the cover and the summary first; the chunks after them make exactly the exported body', async () => {
    const api = reportApi(fakeService());
    const start = await api.report(ids, 'auto', {}, AT, META);
    expect(start.kind).toBe('new');
    if (start.kind !== 'new') return;
    expect(start.blocks[0]).toMatch(/^<header class="cover">/);
    expect(start.blocks.at(-1)).toMatch(/^<section id="summary">/);
    expect(start.blocks.some((b) => b.startsWith('<section class="item'))).toBe(false);
    expect(start.done).toBe(false);
    expect(start.verdicts.pass + start.verdicts.warn + start.verdicts.fail).toBe(4);

    const html = await expected(ids);
    const file = reportBlocks(html);
    expect(start.css).toBe(file.css);
    expect(await allBlocks(api, start)).toEqual(file.blocks);
    expect(await api.reportExport('html')).toBe(html);
  });

  it('a new customer name on the same files comes back as the changed cover only', async () => {
    const api = reportApi(fakeService());
    const first = await api.report(ids, 'auto', {}, AT, META);
    const shown = await allBlocks(api, first);
    const next = await api.report(ids, 'auto', {}, AT, { ...META, customer: 'Contoso Ltd' }, first.id);
    expect(next.kind).toBe('patch');
    if (next.kind !== 'patch') return;
    expect(next.base).toBe(first.id);
    expect(next.count).toBe(shown.length);
    expect(next.changes.map((c) => c.index)).toEqual([0]);
    const patched = shown.map((b, i) => next.changes.find((c) => c.index === i)?.block ?? b);
    expect(patched).toEqual(reportBlocks(await expected(ids, 'Contoso Ltd')).blocks);
    // Another set of files is a new report, not a patch.
    expect((await api.report(ids.slice(0, 2), 'auto', {}, AT, META, next.id)).kind).toBe('new');
  });

  it('decodes the open documents before the click: the report then decodes none', async () => {
    const service = fakeService();
    const api = reportApi(service);
    await api.reportPrepare(ids);
    expect(service.documents).toHaveBeenCalled();
    service.documents.mockClear();
    const start = await api.report(ids, 'auto', {}, AT, META);
    expect(service.documents).not.toHaveBeenCalled();
    expect(await allBlocks(api, start)).toEqual(reportBlocks(await expected(ids)).blocks);
    // A file opened after the preparation is decoded when the report asks for it; a closed one is dropped.
    await api.reportPrepare(['doc-1', 'doc-2']);
    service.documents.mockClear();
    await api.report(['doc-1', 'doc-2', 'doc-3'], 'auto', {}, AT, META);
    expect(service.documents.mock.calls).toEqual([[['doc-3']]]);
  });
});
