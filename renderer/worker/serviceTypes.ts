// The decoder service's types and its two error helpers (service.ts holds the behaviour):
// the engines it is written against, so it can be tested in Node, and what it keeps per file.
import type { Environment } from '../../shared/environment/types.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { DocumentListing } from '../../shared/model/listing.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { EvaluateOptions, EvaluationResult, Subject } from '../../shared/rules/engine/types.js';
import type { TrustResult } from '../../shared/trust/types.js';
import type { Pkcs12Contents } from '../../shared/x509/pkcs12/openPfx.js';
import type { DocumentSummary } from '../lib/documentSummary.js';

/** The rule engine, as shared/rules exports it. */
export interface RulesEngine {
  evaluate(subject: Subject, role: RoleChoice, environment: Environment, at: Date, options?: EvaluateOptions): EvaluationResult;
}

export interface CheckedSubject {
  evaluation: EvaluationResult;
  /** The chain built for a certificate (null for a request). */
  trust: TrustResult | null;
}

export interface KeyStoreLike {
  delete(id: string): void;
  clear(): void;
}

/** What the service passes to the decoder for one file. */
export interface DecodeCallOptions<K> {
  fileName: string;
  password?: string;
  keyStore?: K;
  /** Aborted when the user stops opening this file (a PFX decryption in the pool ends). */
  signal?: AbortSignal;
  /** How a PFX is opened (the worker passes its decryption pool). */
  openPfx?: (der: Uint8Array, password: string | undefined) => Promise<Pkcs12Contents>;
}

export interface DecodeEngine<K extends KeyStoreLike = KeyStoreLike> {
  decodeDocument(
    bytes: Uint8Array,
    options: DecodeCallOptions<K>,
  ): Promise<DecodedDocument>;
  /** The lean listing used when files open (shared/x509/decode.ts). */
  listDocument(
    bytes: Uint8Array,
    options: DecodeCallOptions<K>,
  ): Promise<{ listing: DocumentListing; document?: DecodedDocument }>;
  keyStore: K;
  rules?: RulesEngine;
}

export interface PendingFile {
  fileName: string;
  bytes: Uint8Array;
}

/** What the chain index needs of one open certificate before its model is asked for. */
export interface IndexedNode {
  thumbprint: string;
  /** RFC 4514 subject, as the listing holds it. */
  subjectKey: string;
  subjectKeyIdentifier: string | null;
  certIndex: number;
}

/**
 * One open file. A file that holds private keys keeps its model (its KeyStore ids; a PFX cannot
 * be decoded again without its password). Every other file keeps only its bytes, summary and
 * chain nodes, and its model is decoded again when asked for: holding 5,000 full models made
 * opening a folder a third slower in the garbage collector alone (each survives the young
 * generation and is copied), and decoding one again takes a fraction of a millisecond.
 */
export interface OpenEntry {
  fileName: string;
  summary: DocumentSummary;
  nodes: IndexedNode[];
  document?: DecodedDocument;
  bytes?: Uint8Array;
}

/** Models decoded again and kept for the files used most recently (the selection, a verdict run). */
export const RECENT_MODELS = 256;

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return undefined;
}

export function errorMessage(error: unknown, fileName: string): string {
  if (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'InputError') {
    return (error as Error).message;
  }
  // Anything else is a bug in the decoder: say so without leaking internals or bytes.
  return `${fileName} could not be opened: ${(error as Error)?.message ?? String(error)}`;
}

/** One file of a batch: its name and bytes (transferred, not copied, into the worker). */
export interface BatchFile {
  fileName: string;
  bytes: Uint8Array;
}
