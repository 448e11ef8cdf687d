// Cross-server (estate) rules: requirements no single certificate file can show, judged on the
// whole snapshot — what each server holds, what each setting names, and the certificates
// decoded from the snapshot's DER. Like the certificate rules (zlint / pkilint style): one file
// per rule, the requirement in words, a citation, and declared outcomes, each with the status
// it reports (its cap) so the catalogue says up front what a rule can say.
import type { CertificateModel } from '../../model/certificate.js';
import type { Environment } from '../../environment/types.js';
import type { EstateHost, HostCertificate } from '../../estate/bindings.js';
import type { EstateCertificateResult } from '../../estate/auditTypes.js';
import type { Snapshot } from '../../estate/snapshot.js';
import type { MaxStatus, OutcomeStatus } from '../engine/status.js';
import type { RuleSource } from '../engine/types.js';

export type { OutcomeStatus };

export interface OutcomeDeclaration {
  status: OutcomeStatus;
  /** What this outcome means, for the catalogue (the finding's own title names the servers). */
  meaning: string;
}

/** One bound certificate on one host, with what the certificate rules said about it. */
export interface EstateEntry {
  host: EstateHost;
  binding: HostCertificate;
  /** The decoded certificate (from the snapshot's DER or an open file), or null. */
  certificate: CertificateModel | null;
  result: EstateCertificateResult;
}

export interface EstateRuleContext {
  /** The merged snapshot. */
  snapshot: Snapshot;
  at: Date;
  environment: Environment;
  hosts: EstateHost[];
  /** Every host × certificate (bound or not). */
  entries: EstateEntry[];
  /** The decoded certificate for a thumbprint, or null when only text was available. */
  certificate(thumbprint: string | null | undefined): CertificateModel | null;
  /** A host by key, FQDN or NetBIOS name. */
  host(name: string): EstateHost | undefined;
}

export interface EstateOutcome {
  /** A key of the rule's `outcomes`. */
  outcome: string;
  /** What was found, e.g. "Auth certificate missing on EX2". */
  title: string;
  detail: string;
  fix?: string;
  whatBreaks?: string;
  /** Server names (FQDN) the finding is about. */
  servers?: string[];
  thumbprints?: string[];
}

export interface EstateRule {
  id: string;
  /** What the rule checks, for the catalogue. */
  title: string;
  requirement: string;
  source: RuleSource;
  citation: string;
  /** The worst status any outcome reports. */
  maxStatus: MaxStatus;
  unconfirmed?: boolean;
  outcomes: Record<string, OutcomeDeclaration>;
  /** One or more outcomes; an empty list means the rule had nothing to judge (not applicable). */
  check(ctx: EstateRuleContext): EstateOutcome[];
}

export function defineEstateRule(rule: EstateRule): EstateRule {
  return rule;
}
