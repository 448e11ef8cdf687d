// Lookup of the public roots (generated from Node's tls.rootCertificates — Mozilla's store —
// by scripts/gen-public-roots.js into publicRoots.generated.ts so the browser has it too).
import { PUBLIC_ROOTS, type PublicRoot } from './publicRoots.generated.js';

export type { PublicRoot };

const BY_SHA256 = new Map(PUBLIC_ROOTS.map((r) => [r.sha256, r]));
const BY_NAME = new Map<string, PublicRoot[]>();
for (const r of PUBLIC_ROOTS) BY_NAME.set(r.nameKey, [...(BY_NAME.get(r.nameKey) ?? []), r]);

export function publicRootBySha256(sha256: string): PublicRoot | undefined {
  return BY_SHA256.get(sha256.toUpperCase());
}

/**
 * A public root that could have issued a certificate with this issuer name and authority key
 * id. Matched by name (and key id when both sides have one): the roots' keys are not shipped,
 * so the last signature is taken on the CA's word.
 */
export function publicRootForIssuer(issuerNameKey: string, authorityKeyId: string | null): PublicRoot | undefined {
  const candidates = BY_NAME.get(issuerNameKey) ?? [];
  return candidates.find((r) => !authorityKeyId || !r.ski || r.ski === authorityKeyId);
}

export function publicRootCount(): number {
  return PUBLIC_ROOTS.length;
}
