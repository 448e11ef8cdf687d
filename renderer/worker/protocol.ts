// Messages between the UI and the decoder worker. The worker owns the bytes of opened files,
// the decoded models and the KeyStore; the UI receives a small summary per file for the list
// and the JSON-safe model of the file it shows (no key bytes, no PFX bytes, ever).
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { TrustResult } from '../../shared/trust/types.js';
import type { DocumentSummary } from '../lib/documentSummary.js';

/** Outcome of opening one file. */
export type OpenOutcome =
  | { status: 'opened'; docId: string; summary: DocumentSummary }
  /** A PFX needs its password; the worker keeps the bytes under `pendingId` until unlock/forget. */
  | { status: 'needs-password'; pendingId: string; fileName: string; wrongPassword: boolean; message: string }
  | { status: 'failed'; code: string; message: string }
  /** A snapshot or server output: it joined the estate (the Estate view shows it). */
  | { status: 'estate'; fileName: string; kind: 'snapshot' | 'output' };

export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown[];
}

export type WorkerResponse =
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; message: string; code?: string };

/** One link of a chain built across the open files, and the file it came from ('' for an environment root). */
export interface ChainLink {
  cert: CertificateModel;
  fileName: string;
  /** The open file it came from (absent for a root from the environment only), so it can be marked trusted. */
  docId?: string;
}

/** What the inspector shows of one file: its full model and the chain of the certificate asked for. */
export interface DocumentDetails {
  document: DecodedDocument;
  /** The models of the chain's certificates, the certificate first (empty for a request or a lone key). */
  chain: ChainLink[];
  /** The chain as the rules judge it (shared/trust), null for a request or a lone key. */
  trust: TrustResult | null;
}
