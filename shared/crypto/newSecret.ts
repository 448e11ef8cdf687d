// One rule for every secret CertBench asks a person to choose — the passphrase that encrypts a
// new private key and the password of a new PFX — in every shell (CLI, desktop, web). Each
// shell says it in its own words around this sentence; the rule itself lives only here.
// Opening an existing PFX is not judged: its password was chosen elsewhere.
//
// The rule: at least 8 characters, not one character repeated, and not one of the default or
// most common passwords below (compared without case). The length follows NIST SP 800-63B
// §5.1.1.2 ("at least 8 characters" for a memorized secret chosen by the subscriber, checked
// against "commonly-used, expected, or compromised" values); the key and the PFX are then
// protected by PBKDF2 with many iterations (shared/csr/encryptedKey.ts, shared/pfx/profiles.ts).

export const MIN_SECRET_LENGTH = 8;

export type NewSecretKind = 'passphrase' | 'PFX password';

/** Defaults and the most common choices: refused whatever their length. */
const COMMON = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', '12345678', '123456789', '1234567890',
  '87654321', 'qwertyui', 'qwertyuiop', 'qwerty123', 'asdfghjk', 'iloveyou', 'changeit', 'changeme', 'letmein1',
  'welcome1', 'abcdefgh', 'abcd1234', '1q2w3e4r', '11111111', '00000000', 'administrator', 'exchange', 'certificate',
]);

/** Null when `secret` is acceptable for a new key or PFX; else one sentence saying why not. */
export function newSecretProblem(secret: string, kind: NewSecretKind): string | null {
  const length = [...secret].length;
  if (length < MIN_SECRET_LENGTH) return `The ${kind} has ${length} character${length === 1 ? '' : 's'}; use at least ${MIN_SECRET_LENGTH}.`;
  if (new Set(secret).size === 1) return `The ${kind} is one character repeated; choose one that is hard to guess.`;
  if (COMMON.has(secret.toLowerCase())) return `The ${kind} is one of the most common passwords; choose one that is hard to guess.`;
  return null;
}
