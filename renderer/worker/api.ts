// The calls the UI can make into the worker (implemented in worker.ts, typed for client.ts).
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { DocumentDetails, OpenOutcome } from './protocol.js';
import type { ReportModel } from '../../shared/report/model.js';
import type { CrlDetails } from '../crl/crlService.js';
import type { CatalogueEntry } from '../../shared/rules/catalogueEntries.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { BatchFile, CheckedSubject } from './service.js';
import type { DraftCheck, GeneratedRequest } from './requestService.js';
import type { RequestDraft } from '../../shared/csr/draft.js';
import type { EstateWorkerApi } from './estateApi.js';
import type { RenewalWorkerApi } from './renewalWorker.js';
import type { PfxWorkerApi } from './pfxWorker.js';

export interface WorkerApi extends EstateWorkerApi, RenewalWorkerApi, PfxWorkerApi {
  open(fileName: string, bytes: Uint8Array): Promise<OpenOutcome>;
  /** Opens many files per round trip; outcomes in the order of the files. */
  openBatch(files: BatchFile[]): Promise<OpenOutcome[]>;
  unlock(pendingId: string, password: string): Promise<OpenOutcome>;
  /** Stop the decryption an unlock started (the user gave up waiting): that unlock answers needs-password. */
  stopUnlock(pendingId: string): Promise<void>;
  forget(pendingId: string): Promise<void>;
  close(docId: string): Promise<void>;
  /**
   * The full model of an open file and the chain of one of its certificates, for the inspector:
   * built through the open files and the environment's roots, as the rules build it.
   */
  details(docId: string, certIndex: number, environment: Environment, atIso: string, trustedDocIds?: string[]): Promise<DocumentDetails>;
  /** Open certificates with this SHA-256 fingerprint (64 upper-case hex). */
  findSha256(fingerprint: string): Promise<{ docId: string; certIndex: number }[]>;
  /**
   * Checks one certificate (or the request) of an open document for a role. `trustedDocIds`: open
   * files the user trusts for checks in this session — their certificates are trust anchors, as
   * Trusted-CA files given on the command line are for the CLI (details and verdicts take them too).
   */
  evaluate(docId: string, certIndex: number, role: RoleChoice, environment: Environment, atIso: string, trustedDocIds?: string[]): Promise<CheckedSubject>;
  /** Only the verdicts, for the documents list: many documents per call (docId → verdict). */
  verdicts(items: { docId: string; certIndex: number }[], role: RoleChoice, environment: Environment, atIso: string, trustedDocIds?: string[]): Promise<Record<string, Verdict>>;
  /** Live rule results for a request draft (a preview CSR with a throw-away key). */
  checkDraft(draft: RequestDraft, environment: Environment, atIso: string): Promise<DraftCheck>;
  /** CSR with a fresh key, the key encrypted with the passphrase, the INF and the server-side script. */
  generateRequest(draft: RequestDraft, passphrase: string): Promise<GeneratedRequest>;
  /** The rule catalogue (the same as `certbench rules`). */
  catalogue(): Promise<CatalogueEntry[]>;
  /**
   * The compliance report for the given open documents, for the preview: its first blocks (the
   * cover and the summary), or — when `shownId` is a rendering of the same checked model — only
   * the blocks that differ from it. Further blocks come from reportMore.
   */
  report(docIds: string[], role: RoleChoice, environment: Environment, atIso: string, meta: ReportMetaInput, shownId?: number): Promise<ReportStart>;
  /**
   * Decode these open documents' models in the background, so a report of them starts from the
   * check (the files are open; the report is not asked for yet).
   */
  reportPrepare(docIds: string[]): Promise<void>;
  /** The next blocks of rendering `id` from block `from` on; null when that rendering is gone. */
  reportMore(id: number, from: number): Promise<ReportChunk | null>;
  /** An open revocation list: issuer, dates, which open certificates it revokes, its signature against an open CA. */
  crlDetails(docId: string): Promise<CrlDetails>;
  /** The report last built by `report` as a file: self-contained HTML, CSV, JSON or Markdown (the model stays in the worker). */
  reportExport(format: 'html' | 'csv' | 'json' | 'md'): Promise<string>;
}

export interface ReportMetaInput {
  title?: string;
  customer?: string;
  author?: string;
  fixCommands: boolean;
  /** Files that did not open (no password given, unreadable): the report names them as left out. */
  leftOut?: { file: string; message: string }[];
  /** Open files marked "Trust this root" for the session: chain anchors, as the CLI's trusted-CA files. */
  trustedDocIds?: string[];
}

interface ReportStartCommon {
  /** This rendering's number, for reportMore and for the next call's `shownId`. */
  id: number;
  /** The report's stylesheet (the <style> of the exported file). */
  css: string;
  /**
   * The summary's verdict counts. The model itself stays in the worker (for 1,100 certificates it
   * is megabytes to copy on every customer keystroke); exports come from reportExport.
   */
  verdicts: ReportModel['summary']['verdicts'];
}

/**
 * A report for the preview, as top-level blocks of the exported file's body (shared/report/
 * render/htmlBlocks.ts). `new`: its first blocks, up to the executive summary; `patch`: rendering
 * `base` with the blocks at these indexes replaced (it has `count` blocks in all).
 */
export type ReportStart =
  | (ReportStartCommon & { kind: 'new'; blocks: string[]; done: boolean })
  | (ReportStartCommon & { kind: 'patch'; base: number; changes: { index: number; block: string }[]; count: number });

/** Further blocks of a rendering; `done` once the last block is among them. */
export interface ReportChunk {
  blocks: string[];
  done: boolean;
}
