// Thumbprints through OpenSSL's native SHA in Node (the core's JavaScript SHA is the portable
// default for the browser). Imported for its effect by the CLI and its worker threads.
// crypto.hash() (Node ≥ 20.12) hashes in one call without building a Hash object: each
// certificate is hashed three times (SHA-1 and SHA-256 of the DER, SHA-256 of the key), and for
// inputs this small the object costs more than the hashing (measured: ~2× faster per certificate).
import * as crypto from 'node:crypto';
import { setDigestEngine } from '../shared/crypto/digestEngine.js';

const name = (hash: 'SHA-1' | 'SHA-256') => (hash === 'SHA-1' ? 'sha1' : 'sha256');

setDigestEngine(
  typeof crypto.hash === 'function'
    ? (hash, data) => crypto.hash(name(hash), data, 'buffer')
    : (hash, data) => crypto.createHash(name(hash)).update(data).digest(),
);
