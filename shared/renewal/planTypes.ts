// The renewal plan: for every certificate in service, the day it must be renewed by and why,
// the steps in order, and the servers they reach. `certbench plan`, the Plan view, the
// calendar (.ics) and the CSV all read this one shape.
import type { RequestRole } from '../csr/roles.js';
import type { RoleId } from '../rules/engine/roles.js';

/** One certificate as the plan needs it: from a file (with a role) or from an estate snapshot. */
export interface PlanCertificate {
  /** The file, or where the snapshot saw it ("EX1 store", "Get-CsCertificate on FE1"). */
  source: string;
  thumbprint: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** The chain ends in a public root: the CA/B Forum lifetime caps apply to its successor. */
  publicCa: boolean;
  role: RoleId;
  /** What it is bound to, in the product's words: `IIS, SMTP`, `OAuthTokenIssuer`, `AudioVideoAuthentication`. */
  use?: string;
  /** Servers where it is bound (or must be present). */
  servers: string[];
  /** A successor already staged (AuthConfig NextCertificateThumbprint, a Lync -Roll). */
  staged?: { thumbprint: string; effectiveDate?: string };
}

export type PlanState = 'expired' | 'overdue' | 'due-soon' | 'planned';

export interface PlanStep {
  text: string;
  /** One PowerShell line when the step is a single cmdlet (placeholders in <angle brackets>). */
  powershell?: string;
}

export interface PlanEntry {
  /** 1-based position in the plan (by renew-by date; on the same day Auth, then OAuth, then Edge A/V). */
  order: number;
  source: string;
  thumbprint: string;
  subject: string;
  role: RoleId;
  roleTitle: string;
  use?: string;
  notAfter: string;
  /** The last day (UTC, YYYY-MM-DD) to do the cut-over step: stage, roll or assign. */
  renewBy: string;
  state: PlanState;
  /** Whole days from the plan's moment to renewBy (negative when overdue). */
  daysLeft: number;
  /** Why this date: the role's window, in one or two sentences. */
  why: string;
  /** For staged roles: when the successor takes over, and how. */
  staging?: { effectiveDate: string; how: string };
  /** Public certificates: the longest lifetime the CA may give the successor, on renewBy. */
  nextLifetime?: { days: number; why: string };
  steps: PlanStep[];
  servers: string[];
  /** The role CertBench writes the PowerShell for, and whether staged (-Roll); null for `general`. */
  commands: { role: RequestRole; roll: boolean } | null;
}

export interface RenewalPlan {
  /** The moment the plan was made for (ISO). */
  at: string;
  entries: PlanEntry[];
  /** Things the plan could not place, one sentence each. */
  notes: string[];
}
