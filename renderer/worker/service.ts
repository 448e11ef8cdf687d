// What the decoder worker does, written against injected engines so it can be tested in Node.
// It owns: the bytes of PFX files waiting for a password, the open files (to inspect and
// evaluate them later), and the KeyStore. Summaries and models go to the UI; key bytes and
// PFX bytes never do.
import type { Environment } from '../../shared/environment/types.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { DocumentListing } from '../../shared/model/listing.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { EvaluateOptions, EvaluationResult, Subject } from '../../shared/rules/engine/types.js';
import { subjectOf, type ChainScope } from '../../shared/rules/checkDocuments.js';
import { trustOf } from '../../shared/trust/buildTrust.js';
import { ChainIndex } from '../../shared/trust/chainIndex.js';
import type { ChainAdvice, TrustResult } from '../../shared/trust/types.js';
import { summarizeListing, type DocumentSummary } from '../lib/documentSummary.js';
import type { ChainLink, DocumentDetails, OpenOutcome } from './protocol.js';

/** The rule engine, as shared/rules exports it. */
export interface RulesEngine {
  evaluate(subject: Subject, role: RoleChoice, environment: Environment, at: Date, options?: EvaluateOptions): EvaluationResult;
}

/** Where an app user adds a certificate to chain building, for the chain finding's fix. */
const APP_CHAIN_ADVICE: ChainAdvice = {
  addIssuer: 'open the issuing CA certificate alongside it',
  trustRoot: "add it to the environment's trusted internal roots (Environment)",
};

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
  /** The lean listing used when files open (shared/x509/decode.ts). */
  listDocument(
    bytes: Uint8Array,
    options: { fileName: string; password?: string; keyStore?: K },
  ): Promise<{ listing: DocumentListing; document?: DecodedDocument }>;
  keyStore: K;
  rules?: RulesEngine;
}

interface PendingFile {
  fileName: string;
  bytes: Uint8Array;
}

/** What the chain index needs of one open certificate before its model is asked for. */
interface IndexedNode {
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
interface OpenEntry {
  fileName: string;
  summary: DocumentSummary;
  nodes: IndexedNode[];
  document?: DecodedDocument;
  bytes?: Uint8Array;
}

/** Models decoded again and kept for the files used most recently (the selection, a verdict run). */
const RECENT_MODELS = 256;

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
  readonly #open = new Map<string, OpenEntry>();
  /** Models decoded again from bytes, least recently used first. */
  readonly #recent = new Map<string, DecodedDocument>();
  /** Thumbprints of every open certificate, rebuilt only after an open or a close (not per check). */
  #batchThumbprints: string[] | null = null;
  /**
   * The chain index of every open certificate and the environment's roots (shared/trust, the
   * one chain builder the rules use too), rebuilt only after an open, a close or other roots.
   */
  #chains: { roots: string; index: Promise<ChainIndex> } | null = null;
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
      if (!this.#open.has(item.docId)) continue;
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
    const entry = this.#open.get(docId);
    if (!entry) return;
    if (entry.document) for (const key of entry.document.keys) if (key.id) this.engine.keyStore.delete(key.id);
    entry.bytes?.fill(0);
    this.#open.delete(docId);
    this.#recent.delete(docId);
    this.#batchThumbprints = null;
    this.#chains = null;
  }

  /**
   * The full model of one open file for the inspector, with the chain of its certificate
   * `certIndex` through every open file and the environment's roots: the very chain the rules
   * judge (evaluate builds it the same way), with the models of its certificates.
   */
  async details(docId: string, certIndex: number, environment: Environment = {}, atIso: string = new Date().toISOString()): Promise<DocumentDetails> {
    const entry = this.#open.get(docId);
    if (!entry) throw new Error('That file is no longer open.');
    const document = await this.#model(docId, entry);
    const certificate = document.certificates[certIndex];
    if (!certificate) return { document, chain: [], trust: null };
    const index = await this.#chainIndex(environment);
    const trust = await trustOf(certificate, index, { origin: docId, fileName: entry.fileName, at: new Date(atIso) });
    const chain: ChainLink[] = [{ cert: certificate, fileName: entry.fileName }];
    for (const link of trust.chain.slice(1)) {
      const known = link.thumbprint ? index.entry(link.thumbprint) : undefined;
      // A public root known from the list only has no model: the Chain tab shows it from the trust result.
      if (known) chain.push({ cert: (await index.nodeOf(known)).model, fileName: link.fileName ?? '' });
    }
    return { document, chain, trust };
  }

  /**
   * Checks one certificate of an open document (certIndex ≥ 0) or its request (certIndex -1).
   * The subject comes from the core (subjectOf), its chain from the open files and the
   * environment's trusted roots — as `certbench check` builds it from the files it is given.
   */
  async evaluate(docId: string, certIndex: number, role: RoleChoice, environment: Environment, atIso: string): Promise<CheckedSubject> {
    const rules = this.engine.rules;
    if (!rules) throw new Error('The rule engine is not part of this build.');
    const entry = this.#open.get(docId);
    if (!entry) throw new Error('That file is no longer open.');
    const at = new Date(atIso);
    const document = await this.#model(docId, entry);
    const batchThumbprints = (this.#batchThumbprints ??= [...this.#open.values()].flatMap((e) => e.summary.certificates.map((c) => c.thumbprint)));
    const options: EvaluateOptions = { batchThumbprints, chainAdvice: APP_CHAIN_ADVICE };
    if (certIndex < 0) {
      if (!document.request) throw new Error(`${entry.fileName} holds no certificate request.`);
      return { evaluation: rules.evaluate({ kind: 'request', request: document.request }, role, environment, at, options), trust: null };
    }
    if (!document.certificates[certIndex]) throw new Error(`${entry.fileName} has no certificate number ${certIndex + 1}.`);
    const scope: ChainScope = { index: await this.#chainIndex(environment), origin: docId, fileName: entry.fileName };
    const subject = await subjectOf(document, certIndex, { at }, scope);
    return { evaluation: rules.evaluate(subject, role, environment, at, options), trust: subject.kind === 'certificate' ? (subject.trust ?? null) : null };
  }

  /**
   * The open certificates with this SHA-256 fingerprint (64 upper-case hex), for the
   * thumbprint tool: the list knows SHA-1 thumbprints only, so each file's model is read.
   */
  async findSha256(fingerprint: string): Promise<{ docId: string; certIndex: number }[]> {
    const found: { docId: string; certIndex: number }[] = [];
    for (const [docId, entry] of this.#open) {
      const document = await this.#model(docId, entry);
      document.certificates.forEach((c, certIndex) => c.sha256 === fingerprint && found.push({ docId, certIndex }));
    }
    return found;
  }

  /** The open documents, by id, for the report (in the order asked). */
  async documents(docIds: readonly string[]): Promise<{ file: string; document: DecodedDocument }[]> {
    const out: { file: string; document: DecodedDocument }[] = [];
    for (const id of docIds) {
      const entry = this.#open.get(id);
      if (entry) out.push({ file: entry.fileName, document: await this.#model(id, entry) });
    }
    return out;
  }

  /** Every open document, in the order opened (the PFX builder looks through all of them). */
  openIds(): string[] {
    return [...this.#open.keys()];
  }

  /** A copy of the bytes of an open file kept as bytes (a locked key file), or undefined. */
  bytesOf(docId: string): Uint8Array | undefined {
    return this.#open.get(docId)?.bytes?.slice();
  }

  get keyStore(): K {
    return this.engine.keyStore;
  }

  /** The index of every open certificate (models loaded only for candidate issuers) and these roots. */
  #chainIndex(environment: Environment): Promise<ChainIndex> {
    const roots = environment.trustedRoots ?? [];
    const key = roots.join('\n');
    if (this.#chains?.roots === key) return this.#chains.index;
    const build = async () => {
      const index = await ChainIndex.withAnchors({ environmentRoots: roots });
      for (const [docId, entry] of this.#open) {
        for (const n of entry.nodes) {
          index.addEntry({
            thumbprint: n.thumbprint,
            subjectRfc4514: n.subjectKey,
            subjectKeyIdentifier: n.subjectKeyIdentifier,
            origin: docId,
            fileName: entry.fileName,
            load: async () => (await this.#model(docId, entry)).certificates[n.certIndex]!,
          });
        }
      }
      return index;
    };
    this.#chains = { roots: key, index: build() };
    return this.#chains.index;
  }

  async #model(docId: string, entry: OpenEntry): Promise<DecodedDocument> {
    if (entry.document) return entry.document;
    const recent = this.#recent.get(docId);
    if (recent) {
      this.#recent.delete(docId);
      this.#recent.set(docId, recent);
      return recent;
    }
    // The same bytes and name decode to the same model; no KeyStore, as the file holds no key.
    const document = await this.engine.decodeDocument(entry.bytes!, { fileName: entry.fileName });
    this.#recent.set(docId, document);
    if (this.#recent.size > RECENT_MODELS) this.#recent.delete(this.#recent.keys().next().value!);
    return document;
  }

  async #decode(fileName: string, bytes: Uint8Array, password: string | undefined, pendingId?: string): Promise<OpenOutcome> {
    try {
      const options: { fileName: string; password?: string; keyStore: K } = { fileName, keyStore: this.engine.keyStore };
      if (password !== undefined) options.password = password;
      // Plain certificates get the lean listing; anything else comes back fully decoded.
      const { listing, document } = await this.engine.listDocument(bytes, options);
      const docId = `doc-${this.#nextId++}`;
      const summary = summarizeListing(listing);
      const nodes = listing.certificates.map((c, certIndex): IndexedNode => ({ thumbprint: c.thumbprint, subjectKey: c.subjectKey, subjectKeyIdentifier: c.subjectKeyIdentifier, certIndex }));
      // A file with keys keeps its model, and a PFX always does, as it cannot be decoded again
      // without its password. Their bytes are zeroed: a PEM key file holds the key in the clear,
      // and the KeyStore has its own copy. Every other file keeps its bytes.
      const keep = document !== undefined && (document.keys.length > 0 || document.kind === 'pkcs12');
      // A key file whose keys are all still encrypted keeps its bytes too (they hold nothing in the
      // clear): completing it into a PFX decrypts them with the passphrase then (pfxWorker.ts).
      const lockedOnly = keep && document.kind !== 'pkcs12' && document.keys.length > 0 && document.keys.every((k) => k.locked);
      this.#open.set(docId, keep ? { fileName, summary, nodes, document, ...(lockedOnly ? { bytes } : {}) } : { fileName, summary, nodes, bytes });
      if (keep && !lockedOnly) bytes.fill(0);
      this.#batchThumbprints = null;
      this.#chains = null;
      return { status: 'opened', docId, summary };
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
