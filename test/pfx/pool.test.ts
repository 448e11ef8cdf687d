// The PFX decryption pool (renderer/worker/pfxPool.ts): a slow file holds one worker only, the
// others keep opening beside it, and a stopped decryption ends its worker at once. The workers
// here run the real openPfx in this process; a "slow" one is held until the test releases it.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPfx, Pkcs12PasswordError } from '../../shared/x509/pkcs12/openPfx.js';
import { PfxPool, type PoolWorker } from '../../renderer/worker/pfxPool.js';
import { PfxCancelled, describePfxError, type PfxJob, type PfxJobResult } from '../../renderer/worker/pfxPoolProtocol.js';
import { createCa, issue, makeWorkDir, pfx, removeWorkDir } from '../support/openssl.js';

const PASSWORD = 'pool-Pass-1';
let dir: string;
let quick: Uint8Array;

beforeAll(() => {
  dir = makeWorkDir('pfx-pool');
  const root = createCa({ dir, cn: 'Pool Root', key: 'ec-p256', startDate: '2024-01-01T00:00:00Z', endDate: '2034-01-01T00:00:00Z' });
  const leaf = issue(root, { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], key: 'ec-p256', startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
  quick = new Uint8Array(fs.readFileSync(pfx({ out: path.join(dir, 'quick.pfx'), cert: leaf.certPem, key: leaf.keyPem, password: PASSWORD, profile: 'aes' })));
}, 60_000);
afterAll(() => removeWorkDir(dir));

/** A worker that runs openPfx here; while `hold` is set, it waits before answering. */
class InProcessWorker implements PoolWorker {
  static made: InProcessWorker[] = [];
  terminated = false;
  received: PfxJob[] = [];
  hold: Promise<void> | null = null;
  readonly #listeners: Record<string, ((event: never) => void)[]> = { message: [], error: [] };
  constructor() {
    InProcessWorker.made.push(this);
  }
  addEventListener(type: 'message' | 'error', listener: (event: never) => void): void {
    this.#listeners[type]!.push(listener);
  }
  postMessage(job: PfxJob): void {
    this.received.push(job);
    void (async () => {
      if (this.hold) await this.hold;
      if (this.terminated) return;
      let data: PfxJobResult;
      try {
        data = { contents: await openPfx(job.der, job.password) };
      } catch (error) {
        data = { error: describePfxError(error) };
      }
      if (!this.terminated) for (const l of this.#listeners.message!) l({ data } as never);
    })();
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('PFX decryption pool', () => {
  it('opens a PFX, and a wrong password comes back as the password error decode.ts knows', async () => {
    InProcessWorker.made = [];
    const pool = new PfxPool(() => new InProcessWorker());
    const contents = await pool.open(quick, PASSWORD);
    expect(contents.keys).toHaveLength(1);
    await expect(pool.open(quick, 'wrong')).rejects.toBeInstanceOf(Pkcs12PasswordError);
    expect(InProcessWorker.made).toHaveLength(1); // the idle worker was reused
    expect(quick.some((b) => b !== 0)).toBe(true); // the caller's bytes are untouched (a copy moved)
  });

  it('a slow file holds one worker: another PFX opens beside it, and stopping the slow one ends its worker', async () => {
    InProcessWorker.made = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pool = new PfxPool(() => {
      const w = new InProcessWorker();
      if (InProcessWorker.made.length === 1) w.hold = held; // the first worker is the slow one
      return w;
    });
    const stop = new AbortController();
    const slow = pool.open(quick, PASSWORD, stop.signal);
    const other = await pool.open(quick, PASSWORD);
    expect(other.keys).toHaveLength(1);
    expect(pool.running).toBe(1);
    stop.abort();
    await expect(slow).rejects.toBeInstanceOf(PfxCancelled);
    expect(InProcessWorker.made[0]!.terminated).toBe(true);
    expect(pool.running).toBe(0);
    release();
    // The pool goes on with a fresh worker in place of the ended one.
    expect((await pool.open(quick, PASSWORD)).keys).toHaveLength(1);
  });

  it('at most two run at once; a queued job that is stopped never reaches a worker', async () => {
    InProcessWorker.made = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pool = new PfxPool(() => Object.assign(new InProcessWorker(), { hold: held }));
    const a = pool.open(quick, PASSWORD);
    const b = pool.open(quick, PASSWORD);
    const stop = new AbortController();
    const c = pool.open(quick, PASSWORD, stop.signal);
    expect(pool.running).toBe(2);
    stop.abort();
    await expect(c).rejects.toBeInstanceOf(PfxCancelled);
    release();
    await Promise.all([a, b]);
    expect(InProcessWorker.made).toHaveLength(2);
    expect(InProcessWorker.made.flatMap((w) => w.received)).toHaveLength(2);
  });
});
