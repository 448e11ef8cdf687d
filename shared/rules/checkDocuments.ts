// From opened files to verdicts: pick the end-entity certificates and requests, build each
// certificate's chain (its file, the other files of the batch, --trust, environment roots —
// indexed once per batch), and evaluate it for the role.
// Shared by the CLI (`certbench check`) and the app, so both give the same verdicts.
import type { Environment } from '../environment/types.js';
import type { CertificateModel } from '../model/certificate.js';
import type { DecodedDocument } from '../model/document.js';
import { trustOf } from '../trust/buildTrust.js';
import { ChainIndex } from '../trust/chainIndex.js';
import type { ChainAdvice } from '../trust/types.js';
import { evaluateWith } from './engine/evaluate.js';
import type { RuleRegistry } from './engine/registry.js';
import type { RoleChoice } from './engine/roles.js';
import type { EvaluationResult, Subject } from './engine/types.js';
import { defaultRegistry } from './catalogue.js';
import { endEntityIndexes } from './endEntities.js';

export interface CheckInput {
  /** The file as the user named it. */
  file: string;
  document: DecodedDocument;
}

export interface CheckOptions {
  role: RoleChoice;
  environment: Environment;
  at: Date;
  server?: string;
  /** Certificates from --trust files. */
  trustCertificates?: CertificateModel[];
  registry?: RuleRegistry;
  /** The shell's words for adding a certificate to chain building (absent: words every shell shares). */
  chainAdvice?: ChainAdvice;
}

export interface CheckResult extends EvaluationResult {
  file: string;
  kind: 'certificate' | 'request';
  /** SHA-1 thumbprint (certificates only). */
  thumbprint?: string;
  subject: string;
}

/** Where one document's chains are built: the batch's index, and which file of it this is. */
export interface ChainScope {
  index: ChainIndex;
  /** The id the document's certificates were added under (see chainIndexFor). */
  origin: string;
  fileName?: string;
}

/**
 * The chain index of a batch: the anchors (--trust, the environment's roots) and every
 * certificate of every document, each document under its position as origin. Built once:
 * each certificate's chain is then a few lookups, not a pass over the batch.
 */
export async function chainIndexFor(inputs: readonly CheckInput[], options: Pick<CheckOptions, 'environment' | 'trustCertificates'>): Promise<ChainIndex> {
  const index = await ChainIndex.withAnchors({ trustCertificates: options.trustCertificates ?? [], environmentRoots: options.environment.trustedRoots ?? [] });
  inputs.forEach(({ file, document }, i) => {
    for (const c of document.certificates) index.addModel(c, String(i), file);
  });
  return index;
}

export async function checkDocuments(inputs: readonly CheckInput[], options: CheckOptions): Promise<CheckResult[]> {
  const registry = options.registry ?? defaultRegistry;
  const batchThumbprints = inputs.flatMap((i) => i.document.certificates.map((c) => c.thumbprint));
  const index = await chainIndexFor(inputs, options);
  const results: CheckResult[] = [];
  for (const [i, { file, document }] of inputs.entries()) {
    for (const subject of await subjectsOf(document, options, { index, origin: String(i), fileName: file })) {
      const evaluation = evaluateWith(registry, subject, options.role, options.environment, options.at, {
        server: options.server,
        batchThumbprints,
        ...(options.chainAdvice ? { chainAdvice: options.chainAdvice } : {}),
      });
      const model = subject.kind === 'certificate' ? subject.certificate : subject.request;
      results.push({
        file,
        kind: subject.kind,
        ...(subject.kind === 'certificate' ? { thumbprint: subject.certificate.thumbprint } : {}),
        subject: model.subject,
        ...evaluation,
      });
    }
  }
  return results;
}

/**
 * The subjects one document holds: its end-entity certificates (with chains) and its request.
 * Without a scope, the chains are built from the document alone (with --trust and the
 * environment's roots); checkDocuments passes the batch's.
 */
export async function subjectsOf(document: DecodedDocument, options: Pick<CheckOptions, 'environment' | 'at' | 'trustCertificates'>, scope?: ChainScope): Promise<Subject[]> {
  const chains = scope ?? { index: await chainIndexFor([{ file: '', document }], options), origin: '0' };
  const subjects: Subject[] = [];
  for (const index of endEntityIndexes(document)) subjects.push(await subjectOf(document, index, options, chains));
  if (document.request) subjects.push({ kind: 'request', request: document.request });
  return subjects;
}

/** One certificate of a document as a subject: with its chain, its container and its key. */
export async function subjectOf(document: DecodedDocument, index: number, options: Pick<CheckOptions, 'at'>, chains: ChainScope): Promise<Subject> {
  const certificate = document.certificates[index]!;
  const trust = await trustOf(certificate, chains.index, { origin: chains.origin, at: options.at, ...(chains.fileName !== undefined ? { fileName: chains.fileName } : {}) });
  const key = document.keys.find((k) => k.certificateIndex === index);
  return {
    kind: 'certificate',
    certificate,
    trust,
    ...(document.container ? { container: document.container } : {}),
    documentKind: document.kind,
    ...(key ? { key } : {}),
  };
}

/** One result exactly as `certbench check --json` prints it (the public contract; reports reuse it). */
export function checkJsonResult(r: CheckResult): Record<string, unknown> {
  return {
    file: r.file,
    kind: r.kind,
    ...(r.thumbprint ? { thumbprint: r.thumbprint } : {}),
    subject: r.subject,
    role: r.role,
    roles: r.roles,
    guessed: r.guessed,
    verdict: r.verdict,
    findings: r.findings,
  };
}
