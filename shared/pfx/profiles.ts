// The two PFX encryption profiles CertBench writes (domain-rules §6).
//  modern: PBES2 AES-256-CBC + PBKDF2-HMAC-SHA256 for key and certificates, HMAC-SHA256 MAC —
//          Windows 10 1709 / Server 2019 and later only (PFX-01, PFX-03).
//  legacy: pbeWithSHAAnd3-KeyTripleDES-CBC for key and certificates, HMAC-SHA1 MAC — imports on
//          Server 2012 R2 / 2016 and opens in OpenSSL 3 without -legacy (PFX-02, PFX-05).
import type { WindowsServerVersion } from '../environment/types.js';

export type PfxProfile = 'modern' | 'legacy';
export const PFX_PROFILES: readonly PfxProfile[] = ['modern', 'legacy'];

/** Iterations for PBKDF2 (modern), the 3DES PBE and the MAC: OpenSSL's default, and what Windows imports quickly. */
export const PFX_ITERATIONS = 2048;

export function isPfxProfile(value: string): value is PfxProfile {
  return (PFX_PROFILES as readonly string[]).includes(value);
}

/** The profile a server can import: AES needs Server 2019 or later (PFX-01). */
export function profileForWindows(os: WindowsServerVersion | undefined): PfxProfile {
  return os === '2019' || os === '2022' || os === '2025' ? 'modern' : 'legacy';
}
