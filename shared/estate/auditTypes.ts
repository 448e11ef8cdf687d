// What an estate audit says: per server, its certificates with their bindings, the roles those
// bindings imply, and the verdict; then the estate-wide (cross-server) findings. The shape is
// `certbench audit --json`'s public contract (issue 12); the app's Estate view and the estate
// report read the same object.
import type { RoleId } from '../rules/engine/roles.js';
import type { Status, Verdict } from '../rules/engine/status.js';
import type { Finding } from '../rules/engine/types.js';

/** Why a certificate matters on a server: a service it is bound to, or a setting that names it. */
export interface EstateBinding {
  /** `service` (Get-ExchangeCertificate Services), `use` (Get-CsCertificate Use) or `reference` (a setting names it). */
  kind: 'service' | 'use' | 'reference';
  /** IIS, SMTP, UM, … / OAuthTokenIssuer, AccessEdgeExternal, … / AuthConfig current, OWA IM, connector "Outbound to Office 365", … */
  name: string;
}

export interface EstateCertificateResult {
  /** 40 upper-case hex, or null where the source masked it. */
  thumbprint: string | null;
  subject: string | null;
  notAfter: string | null;
  bindings: EstateBinding[];
  /** The roles the bindings imply (`general` always among them). */
  roles: RoleId[];
  verdict: Verdict;
  findings: Finding[];
  /** True when the snapshot carried the DER and the certificate rules ran on the real certificate. */
  hasDer: boolean;
  /** Where the DER came from when it was not in the snapshot (an open certificate file). */
  derSource?: 'snapshot' | 'open-file';
  /** Sentences about how this certificate was judged (no DER, not bound, Edge pool names used…). */
  notes?: string[];
  /** What the server itself says (Get-ExchangeCertificate Status, private key). */
  status?: string;
  hasPrivateKey?: boolean;
  /** The SAN DNS names (from the DER, else the text). */
  dnsNames?: string[];
  issuer?: string | null;
  notBefore?: string | null;
}

export interface EstateServerResult {
  name: string;
  fqdn: string;
  product: 'exchange' | 'skype';
  /** Exchange version / SfB pool version, when known. */
  version?: string;
  /** Exchange server roles, or the SfB pool kind (FrontEnd, Edge, …). */
  roles: string[];
  /** For a Skype computer: the pool it belongs to. */
  pool?: string;
  certificates: EstateCertificateResult[];
}

export interface EstateFinding {
  ruleId: string;
  /** The rule's declared outcome that was found (e.g. `missing`, `pass`). */
  outcome?: string;
  status: Status;
  title: string;
  detail: string;
  fix: string;
  citation: string;
  whatBreaks?: string;
  servers: string[];
  thumbprints: string[];
}

export interface EstateAudit {
  organization?: string;
  collectedAt?: string;
  /** Evaluation time, ISO 8601 UTC. */
  at: string;
  servers: EstateServerResult[];
  estateFindings: EstateFinding[];
  /** Collector / import errors carried from the snapshots (unreachable servers, …). */
  errors: { server?: string; step: string; message: string }[];
  verdict: Verdict;
}
