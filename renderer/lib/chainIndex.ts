// Chains across the open files. The worker keeps one small node per open certificate (from
// its listing, not the whole model, so 5,000 open files stay light) and walks issuer links
// over those nodes. A certificate is identified by its SHA-1 thumbprint, as Windows does.
import type { CertificateListing } from '../../shared/model/listing.js';

export type ChainNode = Pick<CertificateListing, 'thumbprint' | 'subjectKey' | 'issuerKey' | 'subjectKeyIdentifier' | 'authorityKeyIdentifier' | 'selfSigned'>;

export function chainNode(cert: CertificateListing): ChainNode {
  return {
    thumbprint: cert.thumbprint,
    subjectKey: cert.subjectKey,
    issuerKey: cert.issuerKey,
    subjectKeyIdentifier: cert.subjectKeyIdentifier,
    authorityKeyIdentifier: cert.authorityKeyIdentifier,
    selfSigned: cert.selfSigned,
  };
}

/**
 * The issuer of `node` in the pool: by key identifier first, else by name; never itself. The
 * same CA certificate is often open twice (inside a PFX and in chain.pem): `preferred` picks the
 * copy to credit (the one from the leaf's own file).
 */
export function findIssuer<T extends ChainNode>(node: T, pool: readonly T[], preferred?: (c: T) => boolean): T | undefined {
  if (node.selfSigned) return undefined;
  const pick = (candidates: T[]) => (preferred ? candidates.find(preferred) : undefined) ?? candidates[0];
  if (node.authorityKeyIdentifier) {
    const byKeyId = pool.filter((c) => c.subjectKeyIdentifier === node.authorityKeyIdentifier && c.thumbprint !== node.thumbprint);
    if (byKeyId.length > 0) return pick(byKeyId);
  }
  return pick(pool.filter((c) => c.subjectKey === node.issuerKey && c.thumbprint !== node.thumbprint));
}

/** The chain from `node` upwards as far as the pool allows (at most 8 links, no loops). */
export function buildChain<T extends ChainNode>(node: T, pool: readonly T[], preferred?: (c: T) => boolean): T[] {
  const chain = [node];
  let current = node;
  while (chain.length < 8) {
    const issuer = findIssuer(current, pool, preferred);
    if (!issuer || chain.some((c) => c.thumbprint === issuer.thumbprint)) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
