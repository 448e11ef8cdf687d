// Build the chain of one certificate from what we have — the certificates in its file, the
// --trust files, the environment's trusted roots — and say where it ends: a public root (the
// generated list), a root the admin trusts, an unknown root, or nowhere (issuer missing).
// Issuers are matched by name and key id, then proven by verifying the signature (pkijs on
// WebCrypto); a self-issued certificate counts as self-signed only if its own signature verifies.
// A public root counts by key only: the certificate itself, its public key (SPKI), or the last
// signature verified with the public root's key — a self-made CA named like a public root is not public.
import type { CertificateModel } from '../model/certificate.js';
import { derFromBase64, couldIssue, makeNode, pemCertificates, verifySignature, type TrustNode } from './node.js';
import { publicRootBySha256, publicRootBySpkiSha256, publicRootThatSigned, spkiSha256Of, type PublicRoot } from './publicRoots.js';
import type { ChainLink, ChainSource, TrustResult, TrustStatus } from './types.js';

export interface TrustInput {
  /** Other certificates from the same file (intermediates, root). */
  fileCertificates?: CertificateModel[];
  /** Certificates from --trust files: trusted anchors. */
  trustCertificates?: CertificateModel[];
  /** The environment's trusted roots (PEM text): trusted anchors. */
  environmentRoots?: string[];
  /** Validity of the CA certificates is judged at this time. */
  at: Date;
}

const MAX_DEPTH = 10;

export async function buildTrust(leaf: CertificateModel, input: TrustInput): Promise<TrustResult> {
  const leafNode = await makeNode(derFromBase64(leaf.der), 'file');
  const pool = await candidates(input);
  // The leaf itself given as trusted (--trust auth.cer) makes it its own anchor.
  const leafAsTrusted = pool.find((n) => n.sha256 === leafNode.sha256);
  if (leafAsTrusted) {
    if (leafAsTrusted.source !== 'file') leafNode.source = leafAsTrusted.source;
    pool.splice(pool.indexOf(leafAsTrusted), 1);
  }
  const chain: TrustNode[] = [leafNode];
  const verified: (boolean | null)[] = [];
  const problems: string[] = [];
  let selfSignatureVerified: boolean | null = null;
  let publicByName: PublicRoot | undefined;
  let badSignature = false;

  let current = leafNode;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (current.subjectKey === current.issuerKey) {
      const own = await verifySignature(current, current);
      if (current === leafNode) selfSignatureVerified = own;
      if (own === false && current !== leafNode) {
        // A self-issued CA whose own signature fails is a cross-signed or broken certificate: look further.
      } else break;
    }
    const options = pool.filter((n) => couldIssue(n, current) && !chain.includes(n));
    let next: TrustNode | null = null;
    let nextVerified: boolean | null = null;
    for (const option of options) {
      const ok = await verifySignature(current, option);
      if (ok === true) {
        next = option;
        nextVerified = true;
        break;
      }
      if (ok === null && !next) {
        next = option;
        nextVerified = null;
      }
    }
    if (!next && options.length > 0) {
      badSignature = true;
      problems.push(`The signature of "${current.subject}" does not verify with the key of "${options[0]!.subject}".`);
      break;
    }
    if (!next) {
      // The issuer is not at hand: a public root counts only if its key verifies this signature.
      const { root, named } = await publicRootThatSigned(current.cert, current.issuerKey, current.aki);
      publicByName = root;
      if (root) verified.push(true);
      else if (named.length > 0) {
        problems.push(`"${current.subject}" names the public root "${named[0]!.subject}" as its issuer, but its signature does not verify with that root's key: it is not counted as public.`);
      }
      break;
    }
    verified.push(nextVerified);
    chain.push(next);
    current = next;
  }

  const top = chain[chain.length - 1]!;
  const topSelfSigned = top.subjectKey === top.issuerKey && (top === leafNode ? selfSignatureVerified !== false : true);
  const leafSelfSigned = leafNode.subjectKey === leafNode.issuerKey && selfSignatureVerified !== false;
  if (leafNode.subjectKey === leafNode.issuerKey && selfSignatureVerified === false && chain.length === 1) {
    problems.push('The certificate names itself as issuer, but its signature does not verify with its own key.');
  }

  for (const node of chain.slice(1)) {
    if (Date.parse(node.notAfter) < input.at.getTime()) problems.push(`The CA certificate "${node.subject}" expired on ${node.notAfter.slice(0, 10)}.`);
    else if (Date.parse(node.notBefore) > input.at.getTime()) problems.push(`The CA certificate "${node.subject}" is not valid before ${node.notBefore.slice(0, 10)}.`);
  }

  const trustedAnchor = chain.find((n) => n.source === 'trust-file' || n.source === 'environment');
  let publicRoot = publicByName;
  if (topSelfSigned) {
    // The root itself, or a re-issue of it: same public key, and its own signature proves the key holder made it.
    publicRoot = publicRootBySha256(top.sha256);
    if (!publicRoot) {
      const byKey = publicRootBySpkiSha256(await spkiSha256Of(top.cert));
      if (byKey && (await verifySignature(top, top)) === true) publicRoot = byKey;
    }
  }
  let anchor: TrustResult['anchor'] = null;
  if (publicRoot) anchor = 'public';
  else if (trustedAnchor) anchor = trustedAnchor.source === 'environment' ? 'environment' : 'trust-file';

  let status: TrustStatus;
  if (badSignature || verified.includes(false)) status = 'invalid-signature';
  else if (anchor) status = 'trusted';
  else if (chain.length === 1 && leafSelfSigned) status = 'self-signed';
  else if (topSelfSigned) status = 'untrusted-root';
  else status = 'incomplete';

  const links: ChainLink[] = chain.map((n, i) => ({
    subject: n.subject,
    issuer: n.issuer,
    sha256: n.sha256,
    thumbprint: n.thumbprint,
    source: n.source,
    selfSigned: n.subjectKey === n.issuerKey && (n === leafNode ? selfSignatureVerified !== false : true),
    signatureVerified: i < verified.length ? verified[i]! : n === top && topSelfSigned ? (n === leafNode ? selfSignatureVerified : true) : null,
    notBefore: n.notBefore,
    notAfter: n.notAfter,
  }));
  if (publicByName && !topSelfSigned) {
    links.push({
      subject: publicByName.subject,
      issuer: publicByName.subject,
      sha256: publicByName.sha256,
      thumbprint: null,
      source: 'public-list',
      selfSigned: true,
      signatureVerified: null,
      notBefore: null,
      notAfter: publicByName.notAfter,
    });
  }

  return {
    status,
    anchor,
    publicCa: anchor === 'public',
    chain: links,
    selfSigned: chain.length === 1 && leafSelfSigned,
    selfSignatureVerified,
    problems,
  };
}

async function candidates(input: TrustInput): Promise<TrustNode[]> {
  const out: TrustNode[] = [];
  const seen = new Map<string, TrustNode>();
  const add = async (der: Uint8Array, source: ChainSource): Promise<void> => {
    let node: TrustNode;
    try {
      node = await makeNode(der, source);
    } catch {
      return; // An unparsable extra certificate cannot be an issuer; the chain result says what is missing.
    }
    const existing = seen.get(node.sha256);
    // The same certificate given as trusted outranks its copy in the file.
    if (existing) {
      if (existing.source === 'file' && source !== 'file') existing.source = source;
      return;
    }
    seen.set(node.sha256, node);
    out.push(node);
  };
  for (const c of input.trustCertificates ?? []) await add(derFromBase64(c.der), 'trust-file');
  for (const pem of input.environmentRoots ?? []) for (const der of pemCertificates(pem)) await add(der, 'environment');
  for (const c of input.fileCertificates ?? []) await add(derFromBase64(c.der), 'file');
  return out;
}
