// SHA-1 and SHA-256 one-shot hashes (thumbprints), from @noble/hashes: the portable default of
// digestEngine.ts. The PKCS#12 KDF's iterated hashing is in iterateHash.ts, apart, so that
// code opening certificates does not load it.
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';

export type SyncHash = 'SHA-1' | 'SHA-256';

/** Hash arbitrary bytes (one-shot): thumbprints of every certificate opened, thousands for a CA export. */
export function hashSync(hash: SyncHash, data: Uint8Array): Uint8Array {
  return hash === 'SHA-1' ? sha1(data) : sha256(data);
}

