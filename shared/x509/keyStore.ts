// Private keys live here, by id, inside the worker or process that decoded them — never in a
// model, a log, a report or a saved file. Removing a key zeroes its bytes.
import type { KeyAlgorithm } from '../model/certificate.js';

export interface StoredKey {
  id: string;
  /** Unencrypted PKCS#8 PrivateKeyInfo DER. Handle with care; never serialise. */
  pkcs8: Uint8Array;
  algorithm: KeyAlgorithm;
  /** SHA-256 of the matching SubjectPublicKeyInfo, when a certificate matched. */
  spkiSha256?: string;
}

export class KeyStore {
  private readonly keys = new Map<string, StoredKey>();
  private counter = 0;

  put(pkcs8: Uint8Array, info: { algorithm: KeyAlgorithm; spkiSha256?: string }): string {
    const id = `key-${++this.counter}`;
    this.keys.set(id, { id, pkcs8: pkcs8.slice(), ...info });
    return id;
  }

  get(id: string): StoredKey | undefined {
    return this.keys.get(id);
  }

  /** The key whose public half matches a certificate (by SPKI SHA-256). */
  findBySpki(spkiSha256: string): StoredKey | undefined {
    for (const k of this.keys.values()) if (k.spkiSha256 === spkiSha256) return k;
    return undefined;
  }

  delete(id: string): void {
    const k = this.keys.get(id);
    if (k) k.pkcs8.fill(0);
    this.keys.delete(id);
  }

  clear(): void {
    for (const id of [...this.keys.keys()]) this.delete(id);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Keys never serialise, even by accident. */
  toJSON(): string {
    return `[KeyStore: ${this.keys.size} key(s)]`;
  }
}
