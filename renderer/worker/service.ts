// What the decoder worker does, written against injected engines so it can be tested in Node.
// It owns: the bytes of PFX files waiting for a password, the decoded documents (to evaluate
// them later), and the KeyStore. Models go to the UI; key bytes and PFX bytes never do.
import type { Environment } from '../../shared/environment/types.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { EvaluateOptions, EvaluationResult, Subject } from '../../shared/rules/engine/types.js';
import type { TrustInput } from '../../shared/trust/buildTrust.js';
import type { TrustResult } from '../../shared/trust/types.js';
import type { OpenOutcome } from './protocol.js';

/** The rule engine and chain builder, as shared/rules and shared/trust export them. */
export interface RulesEngine {
  evaluate(subject: Subject, role: RoleChoice, environment: Environment, at: Date, options?: EvaluateOptions): EvaluationResult;
  buildTrust(leaf: CertificateModel, input: TrustInput): Promise<TrustResult>;
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

export interface DecodeEngine<K extends KeyStoreLike = KeyStoreLike> {
  decodeDocument(
    bytes: Uint8Array,
    options: { fileName: string; password?: string; keyStore?: K },
  ): Promise<DecodedDocument>;
  keyStore: K;
  rules?: RulesEngine;
}

interface PendingFile {
  fileName: string;
  bytes: Uint8Array;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return undefined;
}

function errorMessage(error: unknown, fileName: string): string {
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

export class DecoderService<K extends KeyStoreLike = KeyStoreLike> {
  #nextId = 1;
  readonly #pending = new Map<string, PendingFile>();
  readonly #documents = new Map<string, { fileName: string; document: DecodedDocument }>();
  /** Thumbprints of every open certificate, rebuilt only after an open or a close (not per check). */
  #batchThumbprints: string[] | null = null;
  /** Batches are decoded one after another, in the order asked, even when the UI sends several at once. */
  #batchQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly engine: DecodeEngine<K>) {}

  async open(fileName: string, bytes: Uint8Array): Promise<OpenOutcome> {
    return this.#decode(fileName, bytes, undefined);
  }

  /**
   * Opens many files in one round trip (a folder of 5,000 certificates is 20 calls, not 5,000).
   * The outcomes are in the order of the files.
   */
  openBatch(files: readonly BatchFile[]): Promise<OpenOutcome[]> {
    const run = async () => {
      const outcomes: OpenOutcome[] = [];
      for (const file of files) outcomes.push(await this.#decode(file.fileName, file.bytes, undefined));
      return outcomes;
    };
    const result = this.#batchQueue.then(run, run);
    this.#batchQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * The verdicts for the documents list, many documents per call: the same check as
   * `evaluate`, keeping only the verdict so thousands of results stay small. A document whose
   * check fails is left out (the findings pane shows the error when it is selected).
   */
  async verdicts(items: readonly { docId: string; certIndex: number }[], role: RoleChoice, environment: Environment, atIso: string): Promise<Record<string, Verdict>> {
    const out: Record<string, Verdict> = {};
    for (const item of items) {
      if (!this.#documents.has(item.docId)) continue;
      try {
        out[item.docId] = (await this.evaluate(item.docId, item.certIndex, role, environment, atIso)).evaluation.verdict;
      } catch {
        /* reported when the document is selected */
      }
    }
    return out;
  }

  async unlock(pendingId: string, password: string): Promise<OpenOutcome> {
    const pending = this.#pending.get(pendingId);
    if (!pending) return { status: 'failed', code: 'unreadable', message: 'That file is no longer waiting for a password; open it again.' };
    this.#pending.delete(pendingId);
    return this.#decode(pending.fileName, pending.bytes, password, pendingId);
  }

  forget(pendingId: string): void {
    const pending = this.#pending.get(pendingId);
    if (pending) pending.bytes.fill(0);
    this.#pending.delete(pendingId);
  }

  close(docId: string): void {
    const entry = this.#documents.get(docId);
    if (!entry) return;
    for (const key of entry.document.keys) if (key.id) this.engine.keyStore.delete(key.id);
    this.#documents.delete(docId);
    this.#batchThumbprints = null;
  }

  document(docId: string): DecodedDocument | undefined {
    return this.#documents.get(docId)?.document;
  }

  /**
   * Checks one certificate of an open document (certIndex ≥ 0) or its request (certIndex -1).
   * The chain is built from the certificates in the same file and the environment's trusted
   * roots — exactly what `certbench check FILE --env ENV` uses, so app and CLI agree.
   */
  async evaluate(docId: string, certIndex: number, role: RoleChoice, environment: Environment, atIso: string): Promise<CheckedSubject> {
    const rules = this.engine.rules;
    if (!rules) throw new Error('The rule engine is not part of this build.');
    const entry = this.#documents.get(docId);
    if (!entry) throw new Error('That file is no longer open.');
    const at = new Date(atIso);
    const document = entry.document;
    const batchThumbprints = (this.#batchThumbprints ??= [...this.#documents.values()].flatMap((d) => d.document.certificates.map((c) => c.thumbprint)));
    if (certIndex < 0) {
      if (!document.request) throw new Error(`${entry.fileName} holds no certificate request.`);
      const evaluation = rules.evaluate({ kind: 'request', request: document.request }, role, environment, at, { batchThumbprints });
      return { evaluation, trust: null };
    }
    const certificate = document.certificates[certIndex];
    if (!certificate) throw new Error(`${entry.fileName} has no certificate number ${certIndex + 1}.`);
    const trust = await rules.buildTrust(certificate, {
      fileCertificates: document.certificates.filter((c) => c.sha256 !== certificate.sha256),
      environmentRoots: environment.trustedRoots ?? [],
      at,
    });
    const key = document.keys.find((k) => k.certificateIndex === certIndex);
    const subject: Subject = {
      kind: 'certificate',
      certificate,
      trust,
      documentKind: document.kind,
      ...(document.container ? { container: document.container } : {}),
      ...(key ? { key } : {}),
    };
    return { evaluation: rules.evaluate(subject, role, environment, at, { batchThumbprints }), trust };
  }

  /** The open documents, by id, for the report (in the order asked). */
  documents(docIds: readonly string[]): { file: string; document: DecodedDocument }[] {
    return docIds.flatMap((id) => {
      const entry = this.#documents.get(id);
      return entry ? [{ file: entry.fileName, document: entry.document }] : [];
    });
  }

  get keyStore(): K {
    return this.engine.keyStore;
  }

  async #decode(fileName: string, bytes: Uint8Array, password: string | undefined, pendingId?: string): Promise<OpenOutcome> {
    try {
      const options: { fileName: string; password?: string; keyStore: K } = { fileName, keyStore: this.engine.keyStore };
      if (password !== undefined) options.password = password;
      const document = await this.engine.decodeDocument(bytes, options);
      const docId = `doc-${this.#nextId++}`;
      // The input is not zeroed here: a key store entry may be a view into it.
      this.#documents.set(docId, { fileName, document });
      this.#batchThumbprints = null;
      return { status: 'opened', docId, document };
    } catch (error) {
      const code = errorCode(error);
      if (code === 'password-required' || code === 'wrong-password') {
        const id = pendingId ?? `pending-${this.#nextId++}`;
        this.#pending.set(id, { fileName, bytes });
        const wrongPassword = code === 'wrong-password' && password !== undefined;
        return {
          status: 'needs-password',
          pendingId: id,
          fileName,
          wrongPassword,
          message: wrongPassword ? `That password does not open ${fileName}.` : `${fileName} is protected by a password.`,
        };
      }
      bytes.fill(0);
      return { status: 'failed', code: code ?? 'malformed', message: errorMessage(error, fileName) };
    }
  }
}
