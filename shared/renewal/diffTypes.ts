// What `certbench diff` and the app's Compare view show: the differences between the certificate
// in service (old) and its renewal (new), each with its impact on the role, and the verdict
// "drop-in replacement for this role: yes / no, because…".
import type { RoleChoice, RoleId } from '../rules/engine/roles.js';
import type { Verdict } from '../rules/engine/status.js';
import type { CertificateSubject, Finding } from '../rules/engine/types.js';

/**
 * `breaks`: putting the new certificate in the old one's place stops something working.
 * `review`: it works if the admin does one more thing (install an intermediate, check a server).
 * `none`: a difference worth seeing that changes nothing for the role.
 */
export type Impact = 'breaks' | 'review' | 'none';

export interface Difference {
  /** What differs: `subject.CN`, `san.dns`, `eku`, `key.provider`, `rule:<rule id>`, … */
  field: string;
  /** The field as an admin reads it (`Subject CN`, `SAN (DNS)`, …). */
  label: string;
  old: string;
  new: string;
  impact: Impact;
  why: string;
  /** The rule that judges this field for the role, when one does. */
  ruleId?: string;
}

/** One side of the comparison: the file and the certificate the rules see. */
export interface DiffSide {
  file: string;
  subject: CertificateSubject;
}

export interface SideVerdict {
  file: string;
  thumbprint: string;
  subject: string;
  verdict: Verdict;
  roles: RoleId[];
  findings: Finding[];
}

export interface DiffResult {
  role: RoleChoice;
  /** The roles the comparison judged (the old certificate's, when guessed). */
  roles: RoleId[];
  replacement: boolean;
  /** One sentence: why it is (or is not) a drop-in replacement. */
  because: string;
  differences: Difference[];
  old: SideVerdict;
  new: SideVerdict;
}
