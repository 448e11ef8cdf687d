// A small pool of PFX decryption workers inside the decoder worker. Opening a PFX is the one
// long job the decoder does (a MAC KDF, then the parts: up to the per-file cap of 4,000,000
// rounds, seconds of work): run here, it no longer holds the decoder, so other files keep
// opening and checking, two PFX files decrypt side by side, and a decryption the user stops is
// ended by terminating its worker (a JavaScript KDF loop cannot be interrupted any other way).
import type { Pkcs12Contents } from '../../shared/x509/pkcs12/openPfx.js';
import { PfxCancelled, pfxErrorFrom, type PfxJob, type PfxJobResult } from './pfxPoolProtocol.js';

/** What the pool needs of a Worker (a fake one in the unit tests). */
export interface PoolWorker {
  postMessage(message: PfxJob, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: PfxJobResult }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

interface Job extends PfxJob {
  resolve(contents: Pkcs12Contents): void;
  reject(error: Error): void;
  signal?: AbortSignal;
  worker?: PoolWorker;
}

/** Two: the machine's other core stays for the decoder and the page. */
export const PFX_POOL_SIZE = 2;

export class PfxPool {
  readonly #idle: PoolWorker[] = [];
  readonly #queue: Job[] = [];
  readonly #running = new Set<Job>();

  constructor(
    private readonly create: () => PoolWorker,
    private readonly size = PFX_POOL_SIZE,
  ) {}

  /** Open a PFX in a pool worker; rejects with PfxCancelled when `signal` aborts. */
  open(der: Uint8Array, password: string | undefined, signal?: AbortSignal): Promise<Pkcs12Contents> {
    if (signal?.aborted) return Promise.reject(new PfxCancelled());
    return new Promise((resolve, reject) => {
      // A copy moves to the worker (which zeroes it there); the caller keeps its bytes for a retry.
      const job: Job = { der: der.slice(), password, resolve, reject, ...(signal ? { signal } : {}) };
      signal?.addEventListener('abort', () => this.#cancel(job), { once: true });
      this.#queue.push(job);
      this.#schedule();
    });
  }

  /** How many decryptions are running now (for tests and the UI's busy text). */
  get running(): number {
    return this.#running.size;
  }

  #schedule(): void {
    while (this.#queue.length > 0 && this.#running.size < this.size) {
      const job = this.#queue.shift()!;
      const worker = this.#idle.pop() ?? this.#spawn();
      job.worker = worker;
      this.#running.add(job);
      worker.postMessage({ der: job.der, password: job.password }, [job.der.buffer as ArrayBuffer]);
    }
  }

  #spawn(): PoolWorker {
    const worker = this.create();
    worker.addEventListener('message', (event) => {
      const job = [...this.#running].find((j) => j.worker === worker);
      if (!job) return;
      this.#running.delete(job);
      this.#idle.push(worker);
      const result = event.data;
      if ('contents' in result) job.resolve(result.contents);
      else job.reject(pfxErrorFrom(result.error));
      this.#schedule();
    });
    worker.addEventListener('error', (event) => {
      const job = [...this.#running].find((j) => j.worker === worker);
      worker.terminate();
      if (!job) return;
      this.#running.delete(job);
      job.reject(new Error(event.message || 'the decryption stopped unexpectedly'));
      this.#schedule();
    });
    return worker;
  }

  #cancel(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      job.der.fill(0);
    } else if (this.#running.delete(job)) {
      // The worker may be deep in a KDF loop: end it; a fresh one takes its place when needed.
      job.worker!.terminate();
    } else {
      return; // already finished
    }
    job.reject(new PfxCancelled());
    this.#schedule();
  }
}
