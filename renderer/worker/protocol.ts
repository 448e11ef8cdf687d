// Messages between the UI and the decoder worker. The worker owns the bytes of opened files
// and the KeyStore; the UI only ever receives JSON-safe models (no key bytes, no PFX bytes).
import type { DecodedDocument } from '../../shared/model/document.js';

/** Outcome of opening one file. */
export type OpenOutcome =
  | { status: 'opened'; docId: string; document: DecodedDocument }
  /** A PFX needs its password; the worker keeps the bytes under `pendingId` until unlock/forget. */
  | { status: 'needs-password'; pendingId: string; fileName: string; wrongPassword: boolean; message: string }
  | { status: 'failed'; code: string; message: string };

export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown[];
}

export type WorkerResponse =
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; message: string; code?: string }
  | { id: number; kind: 'progress'; message: string };
