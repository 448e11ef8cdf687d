// Lookup of the public roots (generated from Node's tls.rootCertificates — Mozilla's store —
// by scripts/gen-public-roots.js into publicRoots.generated.ts so the browser has it too).
// A root is recognised by its key, never by its name alone: the certificate itself (SHA-256),
// its public key (SPKI SHA-256), or a signature that verifies with its public key. The list
// ships each root's SubjectPublicKeyInfo for that (140 KB source, 75 KB gzip for 144 roots).
import { readRoot } from '../asn1/der.js';
import { fromBase64 } from '../encoding/base64.js';
import { readPublicKey } from '../x509/publicKey.js';
import type { TrustNode } from './node.js';
import { PUBLIC_ROOTS, type PublicRoot } from './publicRoots.generated.js';
import type { SignatureCache, SignerKey } from './signatures.js';

export type { PublicRoot };

const BY_SHA256 = new Map(PUBLIC_ROOTS.map((r) => [r.sha256, r]));
const BY_SPKI = new Map(PUBLIC_ROOTS.map((r) => [r.spkiSha256, r]));
const BY_NAME = new Map<string, PublicRoot[]>();
for (const r of PUBLIC_ROOTS) BY_NAME.set(r.nameKey, [...(BY_NAME.get(r.nameKey) ?? []), r]);

export function publicRootBySha256(sha256: string): PublicRoot | undefined {
  return BY_SHA256.get(sha256.toUpperCase());
}

/** A public root with this public key (SHA-256 of the SubjectPublicKeyInfo DER). */
export function publicRootBySpkiSha256(spkiSha256: string): PublicRoot | undefined {
  return BY_SPKI.get(spkiSha256.toUpperCase());
}

/**
 * The public root whose key signed `child` (a certificate whose issuer is not among the
 * certificates at hand): candidates are found by issuer name and key id, and one counts only
 * when `child`'s signature verifies with its public key. `named` lists the candidates by name
 * (to say "named like a public root, but not signed by it").
 */
export async function publicRootThatSigned(child: TrustNode, issuerNameKey: string, signatures: SignatureCache): Promise<{ root: PublicRoot | undefined; named: PublicRoot[] }> {
  const named = (BY_NAME.get(issuerNameKey) ?? []).filter((r) => !child.aki || !r.ski || r.ski === child.aki);
  for (const root of named) {
    // An algorithm WebCrypto cannot check here proves nothing: the root is not counted.
    if ((await signatures.verify(child, rootKey(root))) === true) return { root, named };
  }
  return { root: undefined, named };
}

const ROOT_KEYS = new Map<string, SignerKey | null>();

/** A public root's key as the verifier takes it (read once per root). */
function rootKey(root: PublicRoot): SignerKey | null {
  let key = ROOT_KEYS.get(root.sha256);
  if (key === undefined) {
    const spki = fromBase64(root.spki);
    try {
      const curve = spki ? readPublicKey(readRoot(spki)).curve : undefined;
      key = spki ? { id: root.spkiSha256, spki, ...(curve ? { curve } : {}) } : null;
    } catch {
      key = null;
    }
    ROOT_KEYS.set(root.sha256, key);
  }
  return key;
}

/**
 * A public root named like this issuer (name and key id): a candidate only — a pre-filter for
 * "could this chain go on to a public root?". Never enough to call a chain public:
 * publicRootThatSigned verifies the signature with the root's key.
 */
export function publicRootForIssuer(issuerNameKey: string, authorityKeyId: string | null): PublicRoot | undefined {
  const candidates = BY_NAME.get(issuerNameKey) ?? [];
  return candidates.find((r) => !authorityKeyId || !r.ski || r.ski === authorityKeyId);
}

export function publicRootCount(): number {
  return PUBLIC_ROOTS.length;
}
