// The app's open pipeline (renderer/app/openPipeline.ts) against the real decoder service:
// batches in order, the first file shown and kept while a folder arrives, unreadable and
// undecodable files named, progress text, and pasted text routed by what it looks like.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeCertificateText, openFiles, pastedTextFile, planBatches } from '../../renderer/app/openPipeline.js';
import type { InputFile } from '../../renderer/platform/platform.js';
import type { WorkbenchAction } from '../../renderer/state/workbench.js';
import type { WorkerClient } from '../../renderer/worker/client.js';
import { DecoderService } from '../../renderer/worker/service.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';

let dir: string;
let cer: Uint8Array;
let pem: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'certbench-pipeline-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-subj', '/CN=ex1.contoso.com'], { cwd: dir, stdio: 'ignore' });
  execFileSync('openssl', ['x509', '-in', 'c.pem', '-outform', 'DER', '-out', 'c.cer'], { cwd: dir, stdio: 'ignore' });
  cer = new Uint8Array(readFileSync(path.join(dir, 'c.cer')));
  pem = readFileSync(path.join(dir, 'c.pem'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real decoder service behind the one call the pipeline makes. */
function decoder(): WorkerClient {
  const service = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
  return { openBatch: (files) => service.openBatch(files) } as WorkerClient;
}

function recorder() {
  const actions: WorkbenchAction[] = [];
  let estate = 0;
  return { actions, sink: { dispatch: (a: WorkbenchAction) => void actions.push(a), estateChanged: () => void estate++ }, estate: () => estate };
}

describe('the open pipeline', () => {
  it('plans two small batches, then large ones', () => {
    const files: InputFile[] = Array.from({ length: 1_200 }, (_, i) => ({ name: `c${i}.cer`, bytes: cer }));
    expect(planBatches(files).map((b) => b.length)).toEqual([50, 50, 500, 500, 100]);
    expect(planBatches(files).flat().map((f) => f.name)).toEqual(files.map((f) => f.name));
  });

  it('opens a folder batch by batch: the first file shown and kept, bad files named, progress said', async () => {
    const files: InputFile[] = Array.from({ length: 120 }, (_, i) => ({ name: `c${String(i).padStart(3, '0')}.cer`, bytes: cer.slice() }));
    files[60] = { name: 'junk.cer', bytes: new Uint8Array([1, 2, 3]) };
    const { actions, sink } = recorder();
    await openFiles(decoder(), sink, { files, failures: [{ name: 'gone.cer', message: 'gone.cer was moved or deleted.' }] });

    const opened = actions.flatMap((a) => (a.type === 'opened-batch' ? [a] : []));
    expect(opened.map((a) => a.select)).toEqual(['first', 'keep', 'keep']);
    expect(opened.map((a) => a.files.length)).toEqual([50, 49, 20]);
    expect(opened.flatMap((a) => a.files.map((f) => f.fileName))).toEqual(files.filter((f) => f.name !== 'junk.cer').map((f) => f.name));
    const failed = actions.flatMap((a) => (a.type === 'failed-batch' ? a.failures : []));
    expect(failed.map((f) => f.fileName)).toEqual(['gone.cer', 'junk.cer']);
    expect(failed[1]!.message).toContain('junk.cer');
    const busy = actions.flatMap((a) => (a.type === 'busy' ? [a.text] : []));
    expect(busy).toEqual(['Opening 0 of 120…', 'Opening 50 of 120…', 'Opening 100 of 120…', null]);
  });

  it('lists each web batch as soon as it is decoded, before the last batch is in', async () => {
    // 150 chosen files (Blobs, as the web edition hands them over): batches of 50, 50, 50.
    const files: InputFile[] = Array.from({ length: 150 }, (_, i) => ({ name: `w${String(i).padStart(3, '0')}.cer`, blob: new Blob([cer.slice()]) }));
    const inner = decoder();
    let releaseLast!: () => void;
    const lastHeld = new Promise<void>((resolve) => (releaseLast = resolve));
    let calls = 0;
    const worker = {
      openBatch: async (batch: Parameters<WorkerClient['openBatch']>[0]) => {
        if (++calls === 3) await lastHeld;
        return inner.openBatch(batch);
      },
    } as WorkerClient;
    const { actions, sink } = recorder();
    const done = openFiles(worker, sink, { files, failures: [] });
    const listed = () => actions.flatMap((a) => (a.type === 'opened-batch' ? a.files : [])).length;
    for (let i = 0; i < 200 && listed() < 100; i++) await new Promise((r) => setTimeout(r, 5));
    // The first two batches are listed while the third is still with the decoder.
    expect(listed()).toBe(100);
    expect(actions.at(-1)).toEqual({ type: 'busy', text: 'Opening 100 of 150…' });
    releaseLast();
    await done;
    expect(actions.flatMap((a) => (a.type === 'opened-batch' ? a.files.map((f) => f.fileName) : []))).toEqual(files.map((f) => f.name));
  });

  it('decodes the first web batch only once the second is read, so neither timed read runs beside the first render', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let secondRead = false;
    // The second batch (read as one) reads slowly: it claims a byte more than it holds, so the
    // read as one comes out short and each file is read again on its own, which waits.
    class SlowBlob extends Blob {
      override get size(): number {
        return super.size + 1;
      }
      override async arrayBuffer(): Promise<ArrayBuffer> {
        await held;
        secondRead = true;
        return super.arrayBuffer();
      }
    }
    const files: InputFile[] = Array.from({ length: 100 }, (_, i) => ({ name: `s${String(i).padStart(3, '0')}.cer`, blob: i < 50 ? new Blob([cer.slice()]) : new SlowBlob([cer.slice()]) }));
    const inner = decoder();
    const postedWhileSecondUnread: boolean[] = [];
    const worker = {
      openBatch: (batch: Parameters<WorkerClient['openBatch']>[0]) => {
        postedWhileSecondUnread.push(!secondRead);
        return inner.openBatch(batch);
      },
    } as WorkerClient;
    const { actions, sink } = recorder();
    const done = openFiles(worker, sink, { files, failures: [] });
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    expect(postedWhileSecondUnread).toEqual([]);
    release();
    await done;
    expect(postedWhileSecondUnread).toEqual([false, false]);
    expect(actions.flatMap((a) => (a.type === 'opened-batch' ? a.files.map((f) => f.fileName) : []))).toEqual(files.map((f) => f.name));
  });

  it('shows a single file, and reads a web file (Blob) like a desktop one (bytes)', async () => {
    for (const file of [{ name: 'one.cer', bytes: cer.slice() }, { name: 'one.cer', blob: new Blob([cer.slice()]) }] as InputFile[]) {
      const { actions, sink } = recorder();
      await openFiles(decoder(), sink, { files: [file], failures: [] });
      const opened = actions.find((a) => a.type === 'opened-batch');
      expect(opened).toMatchObject({ select: 'last', files: [{ fileName: 'one.cer' }] });
      expect(actions.filter((a) => a.type === 'busy').map((a) => (a as { text: string | null }).text)).toEqual(['Opening one.cer…', null]);
    }
  });

  it('routes pasted text: PEM and long Base64 open as files, a request as .req, other text does not', async () => {
    expect(looksLikeCertificateText(pem)).toBe(true);
    expect(looksLikeCertificateText(Buffer.from(cer).toString('base64'))).toBe(true);
    expect(looksLikeCertificateText('Thumbprint  Services  Subject\n----------  --------  -------')).toBe(false);
    expect(pastedTextFile(pem).files[0]!.name).toBe('pasted.pem');
    expect(pastedTextFile('-----BEGIN NEW CERTIFICATE REQUEST-----\nMII…').files[0]!.name).toBe('pasted.req');
    const { actions, sink } = recorder();
    await openFiles(decoder(), sink, pastedTextFile(pem));
    expect(actions.find((a) => a.type === 'opened-batch')).toMatchObject({ files: [{ fileName: 'pasted.pem' }] });
  });
});
