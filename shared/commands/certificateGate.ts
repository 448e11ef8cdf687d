// Before a script assigns a certificate to a role, that role's rules are run on it: a certificate
// that fails the role is not written into the script, one that only warns is written with its
// warnings shown first. Check, request and commands agree: what `check` calls an error (an EC key
// for UM, OWA IM, the Lync/SfB roles or Auth) blocks here too; what it calls a documented
// conflict (UM with SfB 2019, an EC key where every pool is Lync 2013) is a warning here too.
// One more block, by outcome code: a certificate made for another job (a UM, IIS or SMTP
// certificate: another subject, host names) never becomes the Exchange Auth certificate through
// Set-AuthConfig -NewCertificateThumbprint — `check` reports those as a warning and a note about
// the certificate, but assigning it is choosing the wrong certificate, not a weaker one.
import { ROLE_TITLES, type RoleId } from '../rules/engine/roles.js';
import { outcomeCode, type EvaluationResult } from '../rules/engine/types.js';

export interface CertificateGate {
  /** fail: do not write the thumbprint; warn: write it, show the reasons first; pass: write it. */
  state: 'pass' | 'warn' | 'fail';
  /** The findings behind the state, as their titles ("CN is not the UM server"). */
  reasons: string[];
  /** One sentence naming the certificate, the file it came from and the role. */
  sentence: string;
  /** The outcome codes behind the state (`exchange-auth.subject/other-subject`), for tests and reports. */
  outcomes: string[];
}

export interface GatedCertificate {
  /** The file the thumbprint came from. */
  fileName: string;
  /** The certificate's name (CN or first DNS name). */
  name: string;
}

/** Outcomes that block a role's script whatever their status in `check`, with why. */
export const BLOCKING_OUTCOMES: Partial<Record<RoleId, Readonly<Record<string, string>>>> = {
  'exchange-auth': {
    'exchange-auth.subject/other-subject':
      'It is not an Exchange Auth certificate: its subject is not "CN=Microsoft Exchange Server Auth Certificate", so it was made for another job; create a dedicated Auth certificate (New-ExchangeCertificate -DomainName @()).',
    'exchange-auth.no-san/host-names':
      'It carries host names, so it is another role\'s certificate (IIS, SMTP or UM); renewing that one would silently break OAuth. Use a dedicated Auth certificate.',
  },
};

/** The gate for a certificate already checked for `role` (evaluate with that role, not auto). */
export function certificateGate(evaluation: EvaluationResult, role: RoleId, certificate: GatedCertificate): CertificateGate {
  const roleTitle = ROLE_TITLES[role];
  const who = `${certificate.name} (from ${certificate.fileName})`;
  const said = evaluation.findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable');
  const of = (statuses: readonly string[]) => said.filter((f) => statuses.includes(f.status));
  const titles = (fs: typeof said) => [...new Set(fs.map((f) => f.title))];
  const codes = (fs: typeof said) => [...new Set(fs.map(outcomeCode))];
  const blocking = BLOCKING_OUTCOMES[role] ?? {};
  const wrongCertificate = said.filter((f) => outcomeCode(f) in blocking);
  if (evaluation.verdict === 'fail' || wrongCertificate.length > 0) {
    const failing = [...of(['fatal', 'error']), ...wrongCertificate];
    const why = wrongCertificate.map((f) => blocking[outcomeCode(f)]!);
    return {
      state: 'fail',
      reasons: [...titles(failing), ...why],
      outcomes: codes(failing),
      sentence:
        evaluation.verdict === 'fail'
          ? `${who} fails the ${roleTitle} role, so the script does not use it.`
          : `${who} is another role's certificate, not an ${roleTitle}, so the script does not use it.`,
    };
  }
  if (evaluation.verdict === 'warn') {
    return { state: 'warn', reasons: titles(of(['warn'])), outcomes: codes(of(['warn'])), sentence: `${who} passes the ${roleTitle} role with warnings: read them before you run the script.` };
  }
  return { state: 'pass', reasons: [], outcomes: [], sentence: `${who} passes the ${roleTitle} role's checks.` };
}
