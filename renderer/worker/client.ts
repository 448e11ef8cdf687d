// The UI side of the worker: promise-returning calls, one answer each.
// Byte arrays are transferred (not copied) into the worker.
import type { WorkerApi } from './api.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

type Pending = {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};

export class WorkerCallError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export type WorkerClient = {
  [K in keyof WorkerApi]: (...args: Parameters<WorkerApi[K]>) => Promise<Awaited<ReturnType<WorkerApi[K]>>>;
};

/**
 * The byte buffers among the arguments — top level, or `bytes` of the objects in an array
 * argument (a batch of files) — so they move into the worker instead of being copied.
 */
export function transferables(args: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (value: unknown) => {
    if (value instanceof Uint8Array && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  };
  for (const arg of args) {
    add(arg);
    if (Array.isArray(arg)) for (const item of arg) if (typeof item === 'object' && item !== null && 'bytes' in item) add((item as { bytes: unknown }).bytes);
  }
  return [...buffers];
}

export function createWorkerClient(worker: Worker): WorkerClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.kind === 'result') entry.resolve(message.value);
    else entry.reject(new WorkerCallError(message.message, message.code));
  });
  worker.addEventListener('error', (event) => {
    for (const entry of pending.values()) entry.reject(new WorkerCallError(event.message || 'The decoder stopped unexpectedly.'));
    pending.clear();
  });

  function call(method: string, args: unknown[]): Promise<unknown> {
    const id = nextId++;
    const transfer = transferables(args);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args } satisfies WorkerRequest, transfer);
    });
  }

  return new Proxy({} as WorkerClient, {
    get: (_target, method: string) => (...args: unknown[]) => call(method, args),
  });
}
