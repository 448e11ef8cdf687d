// What the decoder worker does, written against injected engines so it can be tested in Node.
// It owns: the bytes of PFX files waiting for a password, the open files (to inspect and
// evaluate them later), and the KeyStore. Summaries and models go to the UI; key bytes and
// PFX bytes never do. Its types and error helpers are in serviceTypes.ts.
import type { Environment } from '../../shared/environment/types.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import type { EvaluateOptions } from '../../shared/rules/engine/types.js';
import { subjectsOf, subjectOf, type ChainScope } from '../../shared/rules/checkDocuments.js';
import type { Subject } from '../../shared/rules/engine/types.js';
import { trustOf } from '../../shared/trust/buildTrust.js';
import type { ChainIndex } from '../../shared/trust/chainIndex.js';
import { buildOpenChainIndex, openChainKey } from './openChainIndex.js';
import type { ChainAdvice } from '../../shared/trust/types.js';
import { summarizeListing } from '../lib/documentSummary.js';
import type { ChainLink, DocumentDetails, OpenOutcome } from './protocol.js';
import {
  errorCode,
  errorMessage,
  RECENT_MODELS,
  type BatchFile,
  type CheckedSubject,
  type DecodeCallOptions,
  type DecodeEngine,
  type IndexedNode,
  type KeyStoreLike,
  type OpenEntry,
  type PendingFile,
} from './serviceTypes.js';

export type { BatchFile, CheckedSubject, DecodeEngine, KeyStoreLike, RulesEngine } from './serviceTypes.js';

/** Where an app user adds a certificate to chain building, for the chain finding's fix. */
const APP_CHAIN_ADVICE: ChainAdvice = {
  addIssuer: 'open the issuing CA certificate alongside it',
  // The control's label is TRUST_ROOT_LABEL (inspector/TrustRootToggle.tsx); the worker does not import UI modules.
  trustRoot: "choose 'Trust this root for checks in this session' in the Chain tab (with the root open beside it), or add it to the environment's trusted internal roots (Environment)",
};

export class DecoderService<K extends KeyStoreLike = KeyStoreLike> {
  #nextId = 1;
  readonly #pending = new Map<string, PendingFile>();
  /** The decryptions running for an unlock, by pending id, so the user can stop one. */
  readonly #stops = new Map<string, AbortController>();
  readonly #open = new Map<string, OpenEntry>();
  /** Models decoded again from bytes, least recently used first. */
  readonly #recent = new Map<string, DecodedDocument>();
  /** Thumbprints of every open certificate, rebuilt only after an open or a close (not per check). */
  #batchThumbprints: string[] | null = null;
  /**
   * The chain index of every open certificate, the files marked trusted and the environment's
   * roots (shared/trust, the one chain builder the rules use too), rebuilt only after an open,
   * a close, other roots or other marks.
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
  async verdicts(items: readonly { docId: string; certIndex: number }[], role: RoleChoice, environment: Environment, atIso: string, trustedDocIds: readonly string[] = []): Promise<Record<string, Verdict>> {
    const out: Record<string, Verdict> = {};
    for (const item of items) {
      if (!this.#open.has(item.docId)) continue;
      try {
        out[item.docId] = (await this.evaluate(item.docId, item.certIndex, role, environment, atIso, trustedDocIds)).evaluation.verdict;
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
    const stop = new AbortController();
    this.#stops.set(pendingId, stop);
    try {
      return await this.#decode(pending.fileName, pending.bytes, password, pendingId, stop.signal);
    } finally {
      this.#stops.delete(pendingId);
    }
  }

  /** Stop a decryption the user gave up waiting for: the file waits for its password again. */
  stop(pendingId: string): void {
    this.#stops.get(pendingId)?.abort();
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
  async details(docId: string, certIndex: number, environment: Environment = {}, atIso: string = new Date().toISOString(), trustedDocIds: readonly string[] = []): Promise<DocumentDetails> {
    const entry = this.#open.get(docId);
    if (!entry) throw new Error('That file is no longer open.');
    const document = await this.#model(docId, entry);
    const certificate = document.certificates[certIndex];
    if (!certificate) return { document, chain: [], trust: null };
    const index = await this.#chainIndex(environment, trustedDocIds);
    const trust = await trustOf(certificate, index, { origin: docId, fileName: entry.fileName, at: new Date(atIso) });
    const chain: ChainLink[] = [{ cert: certificate, fileName: entry.fileName, docId }];
    for (const link of trust.chain.slice(1)) {
      const known = link.thumbprint ? index.entry(link.thumbprint) : undefined;
      // A public root known from the list only has no model: the Chain tab shows it from the trust result.
      const from = known?.origins.keys().next().value;
      // A root trusted for the session is a trust anchor first: its file's name comes from the open file.
      const fileName = link.fileName ?? (from ? known?.origins.get(from) : undefined) ?? '';
      if (known) chain.push({ cert: (await index.nodeOf(known)).model, fileName, ...(from ? { docId: from } : {}) });
    }
    return { document, chain, trust };
  }

  /**
   * Checks one certificate of an open document (certIndex ≥ 0) or its request (certIndex -1).
   * The subject comes from the core (subjectOf), its chain from the open files and the
   * environment's trusted roots — as `certbench check` builds it from the files it is given.
   */
  async evaluate(docId: string, certIndex: number, role: RoleChoice, environment: Environment, atIso: string, trustedDocIds: readonly string[] = []): Promise<CheckedSubject> {
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
    const scope: ChainScope = { index: await this.#chainIndex(environment, trustedDocIds), origin: docId, fileName: entry.fileName };
    const subject = await subjectOf(document, certIndex, { at }, scope);
    return { evaluation: rules.evaluate(subject, role, environment, at, options), trust: subject.kind === 'certificate' ? (subject.trust ?? null) : null };
  }

  /**
   * The subjects of one open document with the chain `evaluate` builds (every open certificate,
   * the files marked trusted, the environment's roots), for Compare and Plan: one chain per page.
   */
  async subjects(docId: string, environment: Environment, atIso: string, trustedDocIds: readonly string[] = []): Promise<{ file: string; subjects: Subject[] }> {
    const entry = this.#open.get(docId);
    if (!entry) throw new Error('That file is no longer open.');
    const document = await this.#model(docId, entry);
    const scope: ChainScope = { index: await this.#chainIndex(environment, trustedDocIds), origin: docId, fileName: entry.fileName };
    return { file: entry.fileName, subjects: await subjectsOf(document, { environment, at: new Date(atIso) }, scope) };
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

  /** The index of every open certificate, the files marked trusted (as the CLI's trusted-CA files are) and these roots. */
  #chainIndex(environment: Environment, trustedDocIds: readonly string[]): Promise<ChainIndex> {
    const environmentRoots = environment.trustedRoots ?? [];
    const key = openChainKey(environmentRoots, trustedDocIds);
    if (this.#chains?.roots === key) return this.#chains.index;
    const index = buildOpenChainIndex({ open: this.#open, model: (docId, entry) => this.#model(docId, entry), environmentRoots, trustedDocIds });
    this.#chains = { roots: key, index };
    return index;
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

  async #decode(fileName: string, bytes: Uint8Array, password: string | undefined, pendingId?: string, signal?: AbortSignal): Promise<OpenOutcome> {
    try {
      const options: DecodeCallOptions<K> = { fileName, keyStore: this.engine.keyStore, ...(signal ? { signal } : {}) };
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
      // A stopped decryption reaches here as whatever decode.ts made of it: the signal says.
      const code = signal?.aborted ? 'cancelled' : errorCode(error);
      if (code === 'password-required' || code === 'wrong-password' || code === 'cancelled') {
        const id = pendingId ?? `pending-${this.#nextId++}`;
        this.#pending.set(id, { fileName, bytes });
        if (code === 'cancelled') return { status: 'needs-password', pendingId: id, fileName, wrongPassword: false, message: `Stopped opening ${fileName}.` };
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
