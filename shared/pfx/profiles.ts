// The two PFX encryption profiles CertBench writes (domain-rules §6).
//  modern: PBES2 AES-256-CBC + PBKDF2-HMAC-SHA256 for key and certificates, HMAC-SHA256 MAC —
//          Windows 10 1709 / Server 2019 and later only (PFX-01, PFX-03).
//  legacy: pbeWithSHAAnd3-KeyTripleDES-CBC for key and certificates, HMAC-SHA1 MAC — imports on
//          Server 2012 R2 / 2016 and opens in OpenSSL 3 without -legacy (PFX-02, PFX-05).
import type { WindowsServerVersion } from '../environment/types.js';

export type PfxProfile = 'modern' | 'legacy';
export const PFX_PROFILES: readonly PfxProfile[] = ['modern', 'legacy'];

/**
 * Iterations for each key derivation of a new PFX (the certificates' encryption, the key's and
 * the MAC) — see docs/design-changes.md, "PFX iteration counts".
 *  modern: 300,000 PBKDF2-HMAC-SHA256 rounds. As strong as fits the loaders that open these
 *          files: .NET's default PKCS#12 limits (Pkcs12LoaderLimits: 300,000 per KDF and for
 *          the MAC, 1,000,000 in total) refuse anything above, and three runs of 300,000 stay
 *          under the total. OpenSSL's 2,048 was 300× weaker than the key files' 600,000.
 *  legacy: 2,048, what Windows Server 2012 R2 / 2016 export themselves (about 2,000) and
 *          OpenSSL's default; this profile is for old servers, not for strength.
 */
export const PFX_ITERATIONS: Readonly<Record<PfxProfile, number>> = { modern: 300_000, legacy: 2048 };

export function isPfxProfile(value: string): value is PfxProfile {
  return (PFX_PROFILES as readonly string[]).includes(value);
}

/** The profile a server can import: AES needs Server 2019 or later (PFX-01). */
export function profileForWindows(os: WindowsServerVersion | undefined): PfxProfile {
  return os === '2019' || os === '2022' || os === '2025' ? 'modern' : 'legacy';
}
