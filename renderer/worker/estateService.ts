// The estate in the worker: the snapshot files and server output the user opened or pasted,
// imported, merged and audited by the core (one core: no parsing or rule here). Written
// against an injected engine so it is tested in Node with the real core functions.
import type { Environment } from '../../shared/environment/types.js';
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import type {
  EstateContext,
  EstateImportOptions,
  EstateNote,
  EstateReportMeta,
  EstateSourceInfo,
  EstateState,
  EstateUnderstood,
} from './estateApi.js';
import { estateText, PEM_MARK } from './estateInput.js';
import type { OpenOutcome } from './protocol.js';
import type { BatchFile } from './service.js';
import { routeBatch } from './routeBatch.js';

export interface ImportedOutput {
  snapshot: Snapshot;
  understood: EstateUnderstood[];
  notes: EstateNote[];
}

/** The core's estate functions (shared/estate, shared/report/estate). */
export interface EstateEngine {
  /** Whether the text is a CertBench snapshot (the core decides; parseSnapshot then validates it). */
  isSnapshot(text: string): boolean;
  parseSnapshot(text: string, fileName: string): Snapshot;
  mergeSnapshots(snapshots: Snapshot[]): Snapshot;
  environmentFromSnapshot(snapshot: Snapshot): Environment;
  auditEstate(snapshot: Snapshot, options: { at: Date; extraCertificates?: CertificateModel[]; trustCertificates?: CertificateModel[] }): Promise<EstateAudit>;
  detectServerOutput(text: string): string | null;
  importServerOutput(
    sources: { name: string; text: string }[],
    options: { server?: string; locale?: string; knownCertificates?: CertificateModel[] },
  ): ImportedOutput;
  renderEstateReport(
    audit: EstateAudit,
    snapshot: Snapshot,
    format: 'html' | 'json' | 'md' | 'csv',
    meta: EstateReportMeta,
  ): { text: string; fileName: string; mimeType: string };
  /** The certificates of the open files (by document id), to fill in DER by thumbprint. */
  openCertificates(docIds: readonly string[]): Promise<CertificateModel[]>;
  /** The environment's trusted roots (PEM) as models, for the chain rule. */
  trustCertificates(pems: readonly string[]): Promise<CertificateModel[]>;
}

interface Source extends EstateSourceInfo {
  snapshot?: Snapshot;
  text?: string;
}

interface Built {
  key: string;
  state: EstateState;
  merged: Snapshot | null;
  /** The full audit (the state holds the window's copy). */
  audit: EstateAudit | null;
}

/** The estate as the UI sees it: no certificate bytes travel back (the audit says which had them). */
function withoutDer(snapshot: Snapshot): Snapshot {
  const strip = <T extends { der?: string }>(c: T): T => {
    if (c.der === undefined) return c;
    const { der: _der, ...rest } = c;
    return rest as T;
  };
  return {
    ...snapshot,
    ...(snapshot.exchange ? { exchange: { ...snapshot.exchange, certificates: snapshot.exchange.certificates.map(strip) } } : {}),
    ...(snapshot.skype ? { skype: { ...snapshot.skype, certificates: snapshot.skype.certificates.map(strip) } } : {}),
  };
}

/**
 * The audit as the UI needs it: each certificate's findings without the checks that passed or
 * did not apply. A 50-server estate carries ~12,000 findings (5.8 MB of JSON), mostly passes
 * repeated per server; copying them all to the window cost a 400 ms pause there. The report
 * is rendered here in the worker from the full audit.
 */
function forTheWindow(audit: EstateAudit): EstateAudit {
  return {
    ...audit,
    servers: audit.servers.map((server) => ({
      ...server,
      certificates: server.certificates.map((c) => ({ ...c, findings: c.findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable') })),
    })),
  };
}

function sentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class EstateService {
  #nextId = 1;
  #revision = 0;
  #sources: Source[] = [];
  #options: EstateImportOptions = { locale: null, server: null };
  #built: Built | null = null;

  constructor(private readonly engine: EstateEngine) {}

  /**
   * Opens a batch of files: snapshots and server output join the estate (outcome `estate`),
   * everything else goes to the certificate decoder, and the outcomes come back in file order.
   */
  routeBatch(files: readonly BatchFile[], openRest: (files: BatchFile[]) => Promise<OpenOutcome[]>): Promise<OpenOutcome[]> {
    return routeBatch(
      files,
      (file) => {
        const routed = this.#routeOne(file);
        // The estate keeps what it needs as text; the raw bytes are not kept around.
        if (routed) file.bytes.fill(0);
        return routed;
      },
      openRest,
    );
  }

  #routeOne(file: BatchFile): OpenOutcome | null {
    const text = estateText(file.bytes);
    if (text === null) return null;
    try {
      if (!text.includes(PEM_MARK) && this.engine.isSnapshot(text)) {
        const snapshot = this.engine.parseSnapshot(text, file.fileName);
        this.#add({ name: this.#uniqueName(file.fileName), kind: 'snapshot', format: null, snapshot });
        return { status: 'estate', fileName: file.fileName, kind: 'snapshot' };
      }
      const format = this.engine.detectServerOutput(text);
      if (format === null) return null;
      this.#add({ name: this.#uniqueName(file.fileName), kind: 'output', format, text });
      return { status: 'estate', fileName: file.fileName, kind: 'output' };
    } catch (error) {
      return { status: 'failed', code: 'estate', message: sentence(error) };
    }
  }

  paste(name: string, text: string, onlyIfServerOutput: boolean): boolean {
    // Pasted text that is a whole snapshot is read as one (parseSnapshot names what is wrong).
    if (this.engine.isSnapshot(text)) {
      this.#add({ name: this.#uniqueName(name), kind: 'snapshot', format: null, snapshot: this.engine.parseSnapshot(text, name) });
      return true;
    }
    let format: string | null;
    try {
      format = this.engine.detectServerOutput(text);
    } catch {
      format = null;
    }
    if (format === null && onlyIfServerOutput) return false;
    this.#add({ name: this.#uniqueName(name), kind: 'output', format, text });
    return true;
  }

  remove(sourceId: string): void {
    this.#sources = this.#sources.filter((s) => s.id !== sourceId);
    this.#changed();
  }

  clear(): void {
    this.#sources = [];
    this.#changed();
  }

  setOptions(options: EstateImportOptions): void {
    this.#options = { locale: options.locale || null, server: options.server?.trim() || null };
    this.#changed();
  }

  async state(context: EstateContext): Promise<EstateState> {
    return (await this.#build(context)).state;
  }

  async report(format: 'html' | 'json' | 'md' | 'csv', meta: EstateReportMeta, context: EstateContext) {
    const built = await this.#build(context);
    if (!built.merged || !built.audit) throw new Error(built.state.error ?? 'Open a snapshot or paste server output first: the report covers the estate.');
    return this.engine.renderEstateReport(built.audit, built.merged, format, meta);
  }

  /** A name no other source has ("Pasted text", "Pasted text (2)", …), so the importer's notes say which. */
  #uniqueName(name: string): string {
    const taken = new Set(this.#sources.map((s) => s.name));
    if (!taken.has(name)) return name;
    let n = 2;
    while (taken.has(`${name} (${n})`)) n++;
    return `${name} (${n})`;
  }

  #add(source: Omit<Source, 'id'>): void {
    this.#sources.push({ ...source, id: `source-${this.#nextId++}` });
    this.#changed();
  }

  #changed(): void {
    this.#revision++;
    this.#built = null;
  }

  async #build(context: EstateContext): Promise<Built> {
    const roots = context.trustedRoots ?? [];
    const trustedDocIds = [...new Set(context.trustedDocIds ?? [])].sort();
    const key = `${this.#revision}\n${context.atIso}\n${context.openDocIds.join(',')}\n${roots.join('\n')}\n${trustedDocIds.join(',')}`;
    if (this.#built?.key === key) return this.#built;
    const state: EstateState = {
      sources: this.#sources.map(({ id, name, kind, format }) => ({ id, name, kind, format })),
      options: this.#options,
      understood: [],
      notes: [],
      snapshot: null,
      audit: null,
      environment: null,
      error: null,
    };
    let merged: Snapshot | null = null;
    let audit: EstateAudit | null = null;
    if (this.#sources.length > 0) {
      try {
        const known = await this.engine.openCertificates(context.openDocIds);
        const snapshots = this.#sources.flatMap((s) => (s.snapshot ? [s.snapshot] : []));
        const outputs = this.#sources.flatMap((s) => (s.text !== undefined ? [{ name: s.name, text: s.text }] : []));
        if (outputs.length > 0) {
          const imported = this.engine.importServerOutput(outputs, {
            ...(this.#options.server ? { server: this.#options.server } : {}),
            ...(this.#options.locale ? { locale: this.#options.locale } : {}),
            knownCertificates: known,
          });
          state.understood = imported.understood;
          state.notes = imported.notes;
          snapshots.push(imported.snapshot);
        }
        merged = snapshots.length === 1 ? snapshots[0]! : this.engine.mergeSnapshots(snapshots);
        state.snapshot = withoutDer(merged);
        state.environment = this.engine.environmentFromSnapshot(merged);
        const trust = [
          ...(roots.length > 0 ? await this.engine.trustCertificates(roots) : []),
          // The roots trusted for the session, as the workbench, Commands and the report trust them.
          ...(trustedDocIds.length > 0 ? await this.engine.openCertificates(trustedDocIds) : []),
        ];
        audit = await this.engine.auditEstate(merged, { at: new Date(context.atIso), extraCertificates: known, ...(trust.length > 0 ? { trustCertificates: trust } : {}) });
        state.audit = forTheWindow(audit);
      } catch (error) {
        state.error = sentence(error);
      }
    }
    this.#built = { key, state, merged, audit };
    return this.#built;
  }
}
