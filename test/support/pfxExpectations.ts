// Compare the decoder's Pkcs12Info with what `openssl pkcs12 -info` reports for the same file.
import { expect } from 'vitest';
import type { Pkcs12Info, Pkcs12Protection } from '../../shared/model/document.js';
import type { PfxInfoFacts } from './opensslFacts.js';

/** OpenSSL's `-info` algorithm words → the cipher / scheme names of Pkcs12Protection. */
export function expectedProtection(part: 'certificates' | 'key', algorithm: string, iterations: number): Pkcs12Protection {
  if (algorithm === 'PBES2, PBKDF2, AES-256-CBC') return { part, cipher: 'AES-256-CBC', scheme: 'PBES2/PBKDF2-HMAC-SHA256', iterations };
  if (algorithm === 'pbeWithSHA1And3-KeyTripleDES-CBC') return { part, cipher: '3DES-CBC', scheme: 'PKCS#12 PBE (SHA-1)', iterations };
  if (algorithm === 'pbeWithSHA1And40BitRC2-CBC') return { part, cipher: 'RC2-40-CBC', scheme: 'PKCS#12 PBE (SHA-1)', iterations };
  throw new Error(`no expectation for the PFX algorithm ${algorithm}`);
}

const MAC_NAMES: Record<string, string> = { sha1: 'HMAC-SHA1', sha256: 'HMAC-SHA256', sha384: 'HMAC-SHA384', sha512: 'HMAC-SHA512' };

/** The one-word profile a file with these protections has (see Pkcs12Info.profile). */
export function expectedProfile(info: PfxInfoFacts): Pkcs12Info['profile'] {
  const ciphers = new Set(info.parts.map((p) => expectedProtection(p.part, p.algorithm, p.iterations).cipher));
  if (ciphers.size === 0) return 'none';
  if (ciphers.size === 1 && ciphers.has('AES-256-CBC')) return 'aes';
  if (ciphers.size === 1 && ciphers.has('3DES-CBC')) return '3des';
  if (ciphers.size === 2 && ciphers.has('RC2-40-CBC') && ciphers.has('3DES-CBC')) return 'rc2-3des';
  return 'mixed';
}

function byPart(list: Pkcs12Protection[]): Pkcs12Protection[] {
  return [...list].sort((a, b) => a.part.localeCompare(b.part) || a.cipher.localeCompare(b.cipher));
}

export function expectContainerMatches(container: Pkcs12Info | undefined, info: PfxInfoFacts, profile: Pkcs12Info['profile'] = expectedProfile(info)): void {
  expect(container, 'the document has container info').toBeDefined();
  expect(container!.mac, 'MAC').toBe(MAC_NAMES[info.mac] ?? info.mac);
  expect(container!.macIterations, 'MAC iterations').toBe(info.macIterations);
  expect(container!.profile, 'profile').toBe(profile);
  expect(byPart(container!.protections), 'protections').toEqual(
    byPart(info.parts.map((p) => expectedProtection(p.part, p.algorithm, p.iterations))),
  );
}
