// The compliance report as data: what the consultant hands over, before any format is chosen.
// Plain, JSON-safe and in a deterministic order, so every renderer (HTML, CSV, JSON, Markdown)
// and the app's preview say exactly the same thing. Keys, passwords and PFX bytes never enter
// it: identities are built from the certificate and request models, which hold none.
import type { RoleChoice, RoleId } from '../rules/engine/roles.js';
import type { Verdict } from '../rules/engine/status.js';
import type { Finding } from '../rules/engine/types.js';
import type { CheckResult } from '../rules/checkDocuments.js';

export interface ReportMeta {
  title: string;
  customer?: string;
  author?: string;
  /** Evaluation time (ISO-8601 UTC): every verdict and "days left" is counted from it. */
  at: string;
  /** The role asked for (`auto` when CertBench guessed per certificate). */
  role: RoleChoice;
  /** `--server`, when one was given. */
  server?: string;
  /** Name and version of the tool, e.g. `CertBench 0.1.0`. */
  generator: string;
}

/** The deployment as the rules saw it — names only, never configured thumbprints or roots. */
export interface EnvironmentSummary {
  name?: string;
  exchangeServers: { fqdn: string; version?: string; os?: string; roles: string[] }[];
  sfbPools: { fqdn: string; version?: string; servers: string[] }[];
  edgePools: { internalFqdn?: string; accessEdgeFqdn?: string; webConferencingEdgeFqdn?: string; avEdgeFqdn?: string; version?: string }[];
  sipDomains: string[];
  smtpDomains: string[];
  owaIm?: { trustedApplicationPoolFqdn?: string; imServerName?: string };
  /** How many internal roots the environment trusts (their PEM is not repeated here). */
  trustedRootCount: number;
  /** Nothing at all was described: rules that need the topology could not run. */
  empty: boolean;
}

/** How a PFX protected its contents, in words an admin can act on. */
export interface PfxProtectionSummary {
  profile: 'aes' | '3des' | 'rc2-3des' | 'mixed' | 'none';
  /** One line, e.g. `AES-256-CBC (PBES2/PBKDF2-HMAC-SHA256, 2048 iterations) — Windows Server 2019 / Windows 10 1709 or later`. */
  text: string;
  mac: string;
  macIterations: number;
  parts: { part: 'certificates' | 'key'; cipher: string; scheme: string; iterations: number }[];
}

/** What a certificate or request is: every field comes from its model. */
export interface ReportIdentity {
  subject: string;
  commonName: string | null;
  /** SAN entries with their type: `DNS:mail.contoso.com`, `IP:10.0.0.1`, `UPN:…`. */
  subjectAltNames: string[];
  /** SHA-1, 40 upper-case hex (certificates only). */
  thumbprint?: string;
  sha256: string;
  serialNumber?: string;
  issuer?: string;
  notBefore?: string;
  notAfter?: string;
  /** Whole days from the evaluation time to notAfter (negative once expired). */
  daysLeft?: number;
  /** `RSA 2048`, `EC P-256` … */
  key: string;
  signatureAlgorithm: string;
  selfSigned?: boolean;
  isCA?: boolean;
  hasPrivateKey: boolean;
  /** Windows key provider named in the PFX (CSP/KSP), when present. */
  keyProvider?: string;
  friendlyName?: string;
  template?: string;
  extendedKeyUsage: string[];
  /** `PFX / PKCS#12`, `certificate (PEM)` … */
  container: string;
  pfx?: PfxProtectionSummary;
}

/** The verdict of one certificate for one of the roles it was evaluated for. */
export interface RoleVerdict {
  role: RoleId;
  verdict: Verdict;
  errors: number;
  warnings: number;
  infos: number;
  /** Titles of the error and warning findings that count against this role, errors first. */
  problems: string[];
}

export interface ReportItem {
  /** Stable anchor: `item-1`, `item-2` … in report order. */
  id: string;
  /** The result exactly as `checkDocuments` / `certbench check --json` gives it. */
  result: CheckResult;
  identity: ReportIdentity;
  /** Per role evaluated (`general` folded into each); only `general` when no role was checked. */
  roleVerdicts: RoleVerdict[];
  counts: { errors: number; warnings: number; infos: number; passes: number; notApplicable: number };
}

export interface UnusableFile {
  file: string;
  /** The decoder's one-line reason (it names the file and says what to do). */
  message: string;
}

export type ExpiryBucket = 'expired' | '30' | '60' | '120';

export interface ExpiryEntry {
  itemId: string;
  label: string;
  file: string;
  thumbprint: string;
  notAfter: string;
  daysLeft: number;
  bucket: ExpiryBucket;
}

export interface FailingEntry {
  itemId: string;
  label: string;
  file: string;
  roles: RoleId[];
  /** Error titles, as the findings name them. */
  problems: string[];
}

export interface ReportSummary {
  items: number;
  certificates: number;
  requests: number;
  verdicts: Record<Verdict, number>;
  unusable: number;
  failing: FailingEntry[];
  /** Counts are cumulative (within 60 includes within 30); expired certificates are counted apart. */
  expiry: { expired: number; within30: number; within60: number; within120: number; entries: ExpiryEntry[] };
}

export interface FixCommands {
  role: RoleId;
  roleTitle: string;
  /** The items whose verdict for this role is `fail`. */
  itemIds: string[];
  /** The PowerShell from shared/commands, or absent when a value could not be used safely. */
  script?: string;
  /** Why there is no script (an unsafe or missing value), one line. */
  note?: string;
}

export interface TimelineRow {
  itemId: string;
  label: string;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  bucket: ExpiryBucket | 'ok';
}

/** Certificates on a time axis around the evaluation time; requests have no validity. */
export interface Timeline {
  /** Window shown, ISO-8601: from a little before `at` to past the relevant expiries. */
  start: string;
  end: string;
  at: string;
  rows: TimelineRow[];
}

export interface ReportModel {
  meta: ReportMeta;
  environment: EnvironmentSummary;
  summary: ReportSummary;
  items: ReportItem[];
  unusable: UnusableFile[];
  /** What the expiry timeline draws (render/timelineSvg.ts turns it into inline SVG). */
  timeline: Timeline;
  /** Present when the section was asked for. */
  fixCommands?: FixCommands[];
}

export type { Finding };
