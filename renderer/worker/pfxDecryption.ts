// The decoder worker opens every PFX through the pool of decryption workers (pfxPool.ts): the
// decoder itself never runs a KDF, so one slow file does not hold the others, and a decryption
// the user stops (signal) ends in its own worker.
import type { DecodeOptions } from '../../shared/x509/decode.js';
import { PfxPool, type PoolWorker } from './pfxPool.js';
import type { DecodeCallOptions } from './serviceTypes.js';

export function createPfxPool(): PfxPool {
  return new PfxPool(() => new Worker(new URL('./pfxDecryptWorker.ts', import.meta.url), { type: 'module', name: 'certbench-pfx' }) as unknown as PoolWorker);
}

/** `decode` (decodeDocument or listDocument) with its PFX opening moved into `pool`. */
export function inPool<O extends DecodeOptions, T>(decode: (bytes: Uint8Array, options: O) => Promise<T>, pool: PfxPool) {
  return (bytes: Uint8Array, options: O & DecodeCallOptions<O['keyStore']>): Promise<T> =>
    decode(bytes, { ...options, openPfx: (der: Uint8Array, password: string | undefined) => pool.open(der, password, options.signal) });
}
