// WebCrypto key generation for a request: RSA (RSASSA-PKCS1-v1_5, SHA-256) or ECDSA.
import type { KeyChoice } from './roles.js';

export interface KeySpec {
  algorithm: RsaHashedKeyGenParams | EcKeyGenParams;
  /** Signature hash for the PKCS#10 self-signature. */
  hash: 'SHA-256' | 'SHA-384';
  /** KeyLength for the INF / -KeySize for the cmdlets (RSA only). */
  bits: number;
}

const F4 = new Uint8Array([1, 0, 1]);

export function keySpec(choice: KeyChoice): KeySpec {
  switch (choice) {
    case 'rsa2048':
    case 'rsa3072':
    case 'rsa4096': {
      const bits = Number(choice.slice(3));
      return {
        algorithm: { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: F4, hash: 'SHA-256' },
        hash: 'SHA-256',
        bits,
      };
    }
    case 'p256':
      return { algorithm: { name: 'ECDSA', namedCurve: 'P-256' }, hash: 'SHA-256', bits: 256 };
    case 'p384':
      return { algorithm: { name: 'ECDSA', namedCurve: 'P-384' }, hash: 'SHA-384', bits: 384 };
  }
}

/** A fresh key pair. The private key is extractable only so it can be wrapped (encrypted PKCS#8). */
export async function generateKeyPair(choice: KeyChoice): Promise<CryptoKeyPair> {
  return (await globalThis.crypto.subtle.generateKey(keySpec(choice).algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
}
