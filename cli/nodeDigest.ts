// Thumbprints through OpenSSL's native SHA in Node (the core's JavaScript SHA is the portable
// default for the browser). Imported for its effect by the CLI and its worker threads.
import { createHash } from 'node:crypto';
import { setDigestEngine } from '../shared/crypto/digestEngine.js';

setDigestEngine((hash, data) => createHash(hash === 'SHA-1' ? 'sha1' : 'sha256').update(data).digest());
