// Thumbprints are computed for every certificate opened, thousands at a time for a CA export.
// WebCrypto's digest is async and, in Node 20, costs far more per call than the hashing
// itself, so thumbprints use a synchronous engine: our JavaScript SHA by default (browser,
// worker), and the platform's native hash when a shell installs one (the Node CLI does).
import { hashSync, type SyncHash } from './sha.js';

export type DigestEngine = (hash: SyncHash, data: Uint8Array) => Uint8Array;

let engine: DigestEngine = hashSync;

export function setDigestEngine(next: DigestEngine): void {
  engine = next;
}

export function digestSync(hash: SyncHash, data: Uint8Array): Uint8Array {
  return engine(hash, data);
}
