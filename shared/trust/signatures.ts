// Signature checks for chain building, through the one verifier (shared/crypto/verifySignature)
// and remembered per batch: a CA that issued 400 certificates of a P7B has its own signature
// checked once, not 400 times.
import { verifySignature } from '../crypto/verifySignature.js';
import { partsOf, type TrustNode } from './node.js';

/** The key a signature is checked with: a certificate's, or a public root's from the list. */
export interface SignerKey {
  /** Identifies the key for the cache (SPKI SHA-256). */
  id: string;
  spki: Uint8Array;
  curve?: string;
}

export function signerKeyOf(node: TrustNode): SignerKey | null {
  const parts = partsOf(node);
  if (!parts) return null;
  const curve = node.model.publicKey.curve;
  return { id: node.model.publicKey.spkiSha256, spki: parts.spki, ...(curve ? { curve } : {}) };
}

export class SignatureCache {
  readonly #results = new Map<string, Promise<boolean | null>>();

  /** Does `child`'s signature verify with `key`? null: cannot be checked here (algorithm, unreadable DER). */
  verify(child: TrustNode, key: SignerKey | null): Promise<boolean | null> {
    if (!key) return Promise.resolve(null);
    const id = `${child.model.sha256}>${key.id}`;
    let result = this.#results.get(id);
    if (!result) {
      result = check(child, key);
      this.#results.set(id, result);
    }
    return result;
  }

  /** Does `child` verify with the key of `issuer`? */
  verifyWith(child: TrustNode, issuer: TrustNode): Promise<boolean | null> {
    return this.verify(child, signerKeyOf(issuer));
  }
}

async function check(child: TrustNode, key: SignerKey): Promise<boolean | null> {
  const parts = partsOf(child);
  if (!parts) return null;
  return verifySignature({
    algorithmOid: parts.algorithmOid,
    hash: parts.hash,
    spki: key.spki,
    data: parts.tbs,
    signature: parts.signature,
    ...(key.curve ? { curve: key.curve } : {}),
    ...(parts.saltLength !== undefined ? { saltLength: parts.saltLength } : {}),
  });
}
