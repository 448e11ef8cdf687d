// From opened files to verdicts: pick the end-entity certificates and requests, build each
// certificate's chain (file + --trust + environment roots), and evaluate it for the role.
// Shared by the CLI (`certbench check`) and the app, so both give the same verdicts.
import type { Environment } from '../environment/types.js';
import type { CertificateModel } from '../model/certificate.js';
import type { DecodedDocument } from '../model/document.js';
import { buildTrust } from '../trust/buildTrust.js';
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
}

export interface CheckResult extends EvaluationResult {
  file: string;
  kind: 'certificate' | 'request';
  /** SHA-1 thumbprint (certificates only). */
  thumbprint?: string;
  subject: string;
}

export async function checkDocuments(inputs: readonly CheckInput[], options: CheckOptions): Promise<CheckResult[]> {
  const registry = options.registry ?? defaultRegistry;
  const batchThumbprints = inputs.flatMap((i) => i.document.certificates.map((c) => c.thumbprint));
  const results: CheckResult[] = [];
  for (const { file, document } of inputs) {
    for (const subject of await subjectsOf(document, options)) {
      const evaluation = evaluateWith(registry, subject, options.role, options.environment, options.at, {
        server: options.server,
        batchThumbprints,
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

/** The subjects one document holds: its end-entity certificates (with chains) and its request. */
export async function subjectsOf(document: DecodedDocument, options: Pick<CheckOptions, 'environment' | 'at' | 'trustCertificates'>): Promise<Subject[]> {
  const subjects: Subject[] = [];
  for (const index of endEntityIndexes(document)) {
    const certificate = document.certificates[index]!;
    const trust = await buildTrust(certificate, {
      fileCertificates: document.certificates.filter((_, i) => i !== index),
      trustCertificates: options.trustCertificates ?? [],
      environmentRoots: options.environment.trustedRoots ?? [],
      at: options.at,
    });
    const key = document.keys.find((k) => k.certificateIndex === index);
    subjects.push({
      kind: 'certificate',
      certificate,
      trust,
      ...(document.container ? { container: document.container } : {}),
      documentKind: document.kind,
      ...(key ? { key } : {}),
    });
  }
  if (document.request) subjects.push({ kind: 'request', request: document.request });
  return subjects;
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
