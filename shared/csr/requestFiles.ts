// A request's files, made once for every shell: the CSR with a fresh key, the key only as
// encrypted PKCS#8 (under the one rule for new secrets, shared/crypto/newSecret.ts), the certreq
// INF (RSA keys: the INF names the legacy RSA CSP, WIN-01) and the server-side request script.
// `certbench request` writes them to a folder; the request designer offers them to save.
import { newSecretProblem } from '../crypto/newSecret.js';
import { validateDraft, type RequestDraft } from './draft.js';
import { exportEncryptedKeyPem } from './encryptedKey.js';
import { requestBaseName, requestFileNames, type RequestFileKind } from './fileNames.js';
import { certreqInf } from './inf.js';
import { generateKeyPair } from './keys.js';
import { buildPkcs10 } from './pkcs10.js';
import { serverSideRequestScript } from './serverSideRequest.js';

export interface RequestFile {
  name: string;
  kind: RequestFileKind;
  text: string;
  /** The private key (encrypted): written last, never logged. */
  secret: boolean;
}

export interface RequestFiles {
  baseName: string;
  /** CSR, INF (RSA keys only), script, then the key. */
  files: RequestFile[];
  /** The CSR as DER, for a shell that shows what it holds. */
  csrDer: Uint8Array;
}

/** Why a passphrase cannot protect a new key (one sentence), or null when it can. */
export function requestPassphraseProblem(passphrase: string): string | null {
  return newSecretProblem(passphrase, 'passphrase');
}

/** Thrown before any key is made when the passphrase breaks the rule; the message is one sentence. */
export class WeakPassphraseError extends Error {
  override readonly name = 'WeakPassphraseError';
}

/**
 * The text files first (a bad value in the draft throws the validator's UnsafeValueError before
 * a key is made), then the key pair, the CSR and the encrypted key.
 */
export async function generateRequestFiles(input: RequestDraft, passphrase: string): Promise<RequestFiles> {
  const weak = requestPassphraseProblem(passphrase);
  if (weak) throw new WeakPassphraseError(weak);
  const draft = validateDraft(input);
  const names = requestFileNames(draft);
  const inf = draft.key.startsWith('rsa') ? certreqInf(draft) : null;
  const script = serverSideRequestScript(draft);
  const keys = await generateKeyPair(draft.key);
  const csr = await buildPkcs10(draft, keys);
  const keyPem = await exportEncryptedKeyPem(keys.privateKey, passphrase);
  const files: RequestFile[] = [{ name: names.csr, kind: 'csr', text: csr.pem, secret: false }];
  if (inf !== null) files.push({ name: names.inf, kind: 'inf', text: inf, secret: false });
  files.push({ name: names.script, kind: 'script', text: script, secret: false });
  files.push({ name: names.key, kind: 'key', text: keyPem, secret: true });
  return { baseName: requestBaseName(draft), files, csrDer: csr.der };
}
