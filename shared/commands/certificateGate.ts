// Before a script assigns a certificate to a role, that role's rules are run on it: a certificate
// that fails the role is not written into the script (the UM certificate must never become the
// Exchange Auth certificate through Set-AuthConfig -NewCertificateThumbprint), one that only
// warns is written with its warnings shown first.
import { ROLE_TITLES, type RoleId } from '../rules/engine/roles.js';
import type { EvaluationResult } from '../rules/engine/types.js';

export interface CertificateGate {
  /** fail: do not write the thumbprint; warn: write it, show the reasons first; pass: write it. */
  state: 'pass' | 'warn' | 'fail';
  /** The findings behind the state, as their titles ("CN is not the UM server"). */
  reasons: string[];
  /** One sentence naming the certificate, the file it came from and the role. */
  sentence: string;
}

export interface GatedCertificate {
  /** The file the thumbprint came from. */
  fileName: string;
  /** The certificate's name (CN or first DNS name). */
  name: string;
}

/** The gate for a certificate already checked for `role` (evaluate with that role, not auto). */
export function certificateGate(evaluation: EvaluationResult, role: RoleId, certificate: GatedCertificate): CertificateGate {
  const roleTitle = ROLE_TITLES[role];
  const who = `${certificate.name} (from ${certificate.fileName})`;
  const of = (statuses: readonly string[]) => [...new Set(evaluation.findings.filter((f) => statuses.includes(f.status)).map((f) => f.title))];
  if (evaluation.verdict === 'fail') {
    const reasons = of(['fatal', 'error']);
    return { state: 'fail', reasons, sentence: `${who} fails the ${roleTitle} role, so the script does not use it.` };
  }
  if (evaluation.verdict === 'warn') {
    return { state: 'warn', reasons: of(['warn']), sentence: `${who} passes the ${roleTitle} role with warnings: read them before you run the script.` };
  }
  return { state: 'pass', reasons: [], sentence: `${who} passes the ${roleTitle} role's checks.` };
}
