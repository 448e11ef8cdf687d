// Chains across the open files. The worker keeps one small node per open certificate (not the
// whole model, so 5,000 open files stay light) and walks issuer links over those nodes.
import type { CertificateModel } from '../../shared/model/certificate.js';

export interface ChainNode {
  sha256: string;
  /** RFC 4514 subject and issuer: equal strings mean equal names. */
  subject: string;
  issuer: string;
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  selfSigned: boolean;
}

export function chainNode(cert: CertificateModel): ChainNode {
  return {
    sha256: cert.sha256,
    subject: cert.subjectName.rfc4514,
    issuer: cert.issuerName.rfc4514,
    subjectKeyIdentifier: cert.subjectKeyIdentifier,
    authorityKeyIdentifier: cert.authorityKeyIdentifier,
    selfSigned: cert.selfSigned,
  };
}

/** The issuer of `node` in the pool: by key identifier first, else by name; never itself. */
export function findIssuer<T extends ChainNode>(node: T, pool: readonly T[]): T | undefined {
  if (node.selfSigned) return undefined;
  const byKeyId = node.authorityKeyIdentifier
    ? pool.find((c) => c.subjectKeyIdentifier === node.authorityKeyIdentifier && c.sha256 !== node.sha256)
    : undefined;
  return byKeyId ?? pool.find((c) => c.subject === node.issuer && c.sha256 !== node.sha256);
}

/** The chain from `node` upwards as far as the pool allows (at most 8 links, no loops). */
export function buildChain<T extends ChainNode>(node: T, pool: readonly T[]): T[] {
  const chain = [node];
  let current = node;
  while (chain.length < 8) {
    const issuer = findIssuer(current, pool);
    if (!issuer || chain.some((c) => c.sha256 === issuer.sha256)) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
