// The Estate view's calls into the worker: snapshots and pasted server output are read,
// merged and audited there (1,000 bindings must not freeze the window). What comes back is
// JSON-safe and holds no key material: snapshots carry public certificates only.
import type { Environment } from '../../shared/environment/types.js';
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';

/** What the importer said it read from one pasted or dropped text. */
export interface EstateUnderstood {
  source: string;
  format: string;
  summary: string;
}

export interface EstateNote {
  source: string;
  level: 'info' | 'warn' | 'error' | string;
  message: string;
  /** The importer's code for the note, e.g. `dates-ambiguous` (the view offers the locale picker beside it). */
  code?: string;
}

/** One input of the estate: a snapshot file, or server output (pasted, dropped or opened). */
export interface EstateSourceInfo {
  id: string;
  name: string;
  kind: 'snapshot' | 'output';
  /** For server output: the format the importer recognised (Get-ExchangeCertificate, …). */
  format: string | null;
}

/** Options the importer needs for text: the shell's culture and the server it ran on. */
export interface EstateImportOptions {
  /** `en-US`, `en-GB`, `de-DE`, … or null to let the importer decide (and say when it cannot). */
  locale: string | null;
  /** The server the output came from when the text does not name it. */
  server: string | null;
}

/** Everything the Estate view shows, computed in the worker. */
export interface EstateState {
  sources: EstateSourceInfo[];
  options: EstateImportOptions;
  understood: EstateUnderstood[];
  notes: EstateNote[];
  /** The merged snapshot without certificate bytes (`der` removed; the audit says which had them). */
  snapshot: Snapshot | null;
  audit: EstateAudit | null;
  environment: Environment | null;
  /** One sentence when the estate could not be built (the sources stay, so the user can fix them). */
  error: string | null;
}

/** Which open certificate files the audit may use (their certificates fill in DER by thumbprint). */
export interface EstateContext {
  atIso: string;
  openDocIds: string[];
  /** The environment's trusted internal roots (PEM), trusted as the CLI audit trusts the roots it is given. */
  trustedRoots?: string[];
  /** Open files marked "Trust this root" for the session: trusted as the environment's roots are. */
  trustedDocIds?: string[];
}

export interface EstateReportMeta {
  title?: string;
  customer?: string;
  author?: string;
}

export interface EstateWorkerApi {
  /** The estate as it stands (audited at `context.atIso`). */
  estateState(context: EstateContext): Promise<EstateState>;
  /**
   * Adds pasted text. Returns null without adding anything when `onlyIfServerOutput` is set and
   * the text is not server output the core recognises (the caller then opens it as PEM / Base64).
   */
  estatePaste(name: string, text: string, onlyIfServerOutput: boolean, context: EstateContext): Promise<EstateState | null>;
  /** Adds the text when it is server output the core recognises; false (nothing added) otherwise. */
  estateAddText(name: string, text: string): Promise<boolean>;
  estateRemove(sourceId: string, context: EstateContext): Promise<EstateState>;
  estateClear(): Promise<void>;
  estateSetOptions(options: EstateImportOptions, context: EstateContext): Promise<EstateState>;
  /** The estate report, rendered by the core, as the file's text. */
  estateReport(format: 'html' | 'json' | 'md' | 'csv', meta: EstateReportMeta, context: EstateContext): Promise<{ text: string; fileName: string; mimeType: string }>;
}
