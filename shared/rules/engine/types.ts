// The shape of a rule, of what it is shown (the context) and of what it says (a finding).
// Modelled on zlint's lint metadata + pkilint's declared finding catalogue.
import type { Environment } from '../../environment/types.js';
import type { CertificateModel } from '../../model/certificate.js';
import type { DocumentKind, KeyInfo, Pkcs12Info } from '../../model/document.js';
import type { RequestModel } from '../../model/request.js';
import type { ChainAdvice, TrustResult } from '../../trust/types.js';
import type { RoleChoice, RoleId, RuleRole } from './roles.js';
import type { MaxStatus, OutcomeStatus, Status, Verdict } from './status.js';

export type RuleSource = 'microsoft' | 'cabf' | 'rfc' | 'community' | 'workbench';

/** An issued certificate, with what we know about where it came from. */
export interface CertificateSubject {
  kind: 'certificate';
  certificate: CertificateModel;
  /** The chain built for it (shared/trust). Absent when no one built one. */
  trust?: TrustResult;
  /** PKCS#12 encryption profile when the certificate came out of a PFX. */
  container?: Pkcs12Info;
  documentKind?: DocumentKind;
  /** The private key found with it (its Windows provider, if the PFX named one). */
  key?: KeyInfo;
}

/** A PKCS#10 request (or a draft from the request designer): checked before it reaches a CA. */
export interface RequestSubject {
  kind: 'request';
  request: RequestModel;
}

export type Subject = CertificateSubject | RequestSubject;

/** The fields certificates and requests share: most rules read only these. */
export type SubjectFields = Pick<
  CertificateModel,
  | 'subject'
  | 'subjectName'
  | 'commonName'
  | 'commonNames'
  | 'dnsNames'
  | 'subjectAltNames'
  | 'keyAlgorithm'
  | 'keySize'
  | 'publicKey'
  | 'signatureAlgorithm'
  | 'signatureAlgorithmOid'
  | 'signatureHash'
  | 'keyUsage'
  | 'extendedKeyUsage'
  | 'template'
  | 'extensions'
>;

export interface EvaluateOptions {
  /** The server the certificate is for (`--server`): the UM server, OWA pool, Edge… */
  server?: string;
  /** Thumbprints of every certificate checked together (to tell "not among your files"). */
  batchThumbprints?: string[];
  /** The shell's words for adding a certificate to chain building (general.chain-trust). */
  chainAdvice?: ChainAdvice;
}

export interface RuleContext {
  subject: Subject;
  /** The certificate, or null for a request. */
  certificate: CertificateModel | null;
  request: RequestModel | null;
  fields: SubjectFields;
  /** Roles under evaluation (never `auto`; `general` is always among them). */
  roles: readonly RoleId[];
  has(role: RoleId): boolean;
  env: Environment;
  at: Date;
  /** `--server`, lower-cased, or null. */
  server: string | null;
  trust: TrustResult | null;
  /** The chain ends in a public root, or (for a request) the role needs a public CA. */
  intendedPublic: boolean;
  batchThumbprints: readonly string[];
  /** The shell's words for adding a certificate to chain building; null: words every shell shares. */
  chainAdvice: ChainAdvice | null;
  /** For `--role auto`: the roles guessed and why; null when the role was given. */
  guess: { roles: RoleId[]; reasons: string[] } | null;
}

/**
 * One outcome a rule declares up front (pkilint / zlint style): its status — the worst the rule
 * may report when it finds this — and its title, written as what was found ("CN is only in the
 * SAN", "Certificate is self-signed"). The catalogue lists them; tests name them by code
 * (`exchange-um.cn-is-server-fqdn/san-only`).
 */
export interface OutcomeDeclaration {
  status: OutcomeStatus;
  /** What was found, as the finding's title (a check may make it more specific). */
  title: string;
  /** What this outcome means, for the catalogue and docs/sources.md (defaults to the title). */
  meaning?: string;
}

/** Outcome codes the engine itself reports for every rule: none may be declared by a rule. */
export const ENGINE_OUTCOMES = ['not-applicable', 'fatal'] as const;

export interface CheckOutcome<K extends string = string> {
  /** A key of the rule's `outcomes`: anything else is refused by the type and by the engine. */
  outcome: K;
  /**
   * The status reported; defaults to the outcome's declared status, and may never be above it
   * (an outcome's status is its cap).
   */
  status?: Exclude<Status, 'fatal'>;
  /**
   * What was found, as the finding's title ("Certificate expires in 29 days"). Absent: the
   * outcome's declared title.
   */
  title?: string;
  /** What this certificate has and what the role needs, in an admin's words. */
  detail: string;
  /** What to do about it (empty for a pass). */
  fix?: string;
  /** The symptoms and event ids an admin will see when this is wrong. */
  whatBreaks?: string;
  /** The model field to highlight, e.g. `commonName`, `subjectAltNames.dns`, `notAfter`. */
  fieldPath?: string;
}

export interface Rule<K extends string = string> {
  id: string;
  title: string;
  /** The requirement in one sentence (the catalogue shows it). */
  requirement: string;
  roles: readonly RuleRole[];
  source: RuleSource;
  /** The document (and the seed file, when a field report taught it). */
  citation: string;
  /** The worst status this rule may report: the worst of its declared outcomes. */
  maxStatus: MaxStatus;
  /** ISO date: only certificates issued (notBefore) on or after it are checked. */
  effective?: string;
  /** The fact is unconfirmed in the reference: reported, not documented — never an error. */
  unconfirmed?: boolean;
  /** Which subjects the rule can judge (default both). */
  subjects?: readonly Subject['kind'][];
  /**
   * What an admin sees when the rule fails — event ids, error codes, log lines — so the
   * catalogue can be searched by a symptom ("1344", "0x800B010F", "32263").
   */
  symptoms?: string;
  /** Every outcome the rule can report, by code (`pass`, `san-only`, `wildcard`, …). */
  outcomes: Readonly<Record<K, OutcomeDeclaration>>;
  applies(ctx: RuleContext): boolean;
  check(ctx: RuleContext): CheckOutcome<K>;
}

export interface Finding {
  ruleId: string;
  /**
   * The declared outcome found (`san-only`, `pass`), or the engine's own `not-applicable` /
   * `fatal`; `${ruleId}/${outcome}` is the outcome's code (see `outcomeCode`).
   */
  outcome: string;
  status: Status;
  title: string;
  detail: string;
  fix: string;
  citation: string;
  source: RuleSource;
  whatBreaks?: string;
  fieldPath?: string;
}

export interface EvaluationResult {
  /** What was asked for (`auto` stays `auto`). */
  role: RoleChoice;
  /** The roles actually checked (guessed ones for `auto`), `general` included. */
  roles: RoleId[];
  guessed: boolean;
  verdict: Verdict;
  findings: Finding[];
}

/** The outcome's code as tests, the catalogue and docs/sources.md name it: `rule-id/outcome`. */
export function outcomeCode(finding: Pick<Finding, 'ruleId' | 'outcome'>): string {
  return `${finding.ruleId}/${finding.outcome}`;
}
