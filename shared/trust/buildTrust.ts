// Build the chain of one certificate from what the batch has — the certificates of its file
// and of the other files checked or open with it, the --trust files, the environment's trusted
// roots (all in one ChainIndex, built once per batch) — and say where it ends: a public root
// (the generated list), a root the admin trusts, an unknown root, or nowhere (issuer missing).
// Issuers are found by name and key id, then proven by verifying the signature (the one
// verifier, shared/crypto/verifySignature); a self-issued certificate counts as self-signed
// only if its own signature verifies. A public root counts by key only: the certificate itself,
// its public key (SPKI), or the last signature verified with the public root's key — a
// self-made CA named like a public root is not public.
import type { CertificateModel } from '../model/certificate.js';
import { ChainIndex, type IndexedCertificate } from './chainIndex.js';
import { issuerNameKey, makeNode, selfIssued, type TrustNode } from './node.js';
import { publicRootBySha256, publicRootBySpkiSha256, publicRootThatSigned, type PublicRoot } from './publicRoots.js';
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

/** Which certificate's chain, seen from which file. */
export interface ChainRequest {
  /** The id the leaf's file was added to the index under: its certificates count as 'file'. */
  origin: string;
  /** The leaf's file name, for the Chain tab. */
  fileName?: string;
  /** Validity of the CA certificates is judged at this time. */
  at: Date;
}

const MAX_DEPTH = 10;
/** Issuer candidates tried per link: many certificates with one name cannot make a chain quadratic. */
const MAX_CANDIDATES = 8;

/** One certificate's chain, without a batch: an index of just these certificates. */
export async function buildTrust(leaf: CertificateModel, input: TrustInput): Promise<TrustResult> {
  const index = await ChainIndex.withAnchors(input);
  for (const c of input.fileCertificates ?? []) index.addModel(c, 'file');
  return trustOf(leaf, index, { origin: 'file', at: input.at });
}

interface Placed {
  node: TrustNode;
  source: ChainSource;
  fileName: string | undefined;
}

export async function trustOf(leaf: CertificateModel, index: ChainIndex, request: ChainRequest): Promise<TrustResult> {
  const signatures = index.signatures;
  const own = index.entry(leaf.thumbprint);
  // The leaf's node is not kept in the index: the app's worker checks thousands of open files
  // and keeps only the models of the certificates that issue others.
  const leafNode = own?.node ?? makeNode(leaf);
  // The leaf itself given as trusted (--trust auth.cer) makes it its own anchor.
  const first: Placed = { node: leafNode, source: own?.anchor ?? 'file', fileName: request.fileName };
  const chain: Placed[] = [first];
  const inChain = new Set([leaf.thumbprint]);
  const verified: (boolean | null)[] = [];
  const problems: string[] = [];
  let selfSignatureVerified: boolean | null = null;
  let publicByName: PublicRoot | undefined;
  let badSignature = false;

  let current = first;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (selfIssued(current.node)) {
      const ownSignature = await signatures.verifyWith(current.node, current.node);
      if (current === first) selfSignatureVerified = ownSignature;
      if (ownSignature === false && current !== first) {
        // A self-issued CA whose own signature fails is a cross-signed or broken certificate: look further.
      } else break;
    }
    const options = candidates(index, current.node, request.origin, inChain);
    let next: Placed | null = null;
    let nextVerified: boolean | null = null;
    for (const option of options) {
      const node = await index.nodeOf(option);
      const ok = await signatures.verifyWith(current.node, node);
      if (ok === true || (ok === null && !next)) {
        next = place(option, node, request.origin);
        nextVerified = ok;
        if (ok === true) break;
      }
    }
    if (!next && options.length > 0) {
      badSignature = true;
      const named = await index.nodeOf(options[0]!);
      problems.push(`The signature of "${current.node.model.subject}" does not verify with the key of "${named.model.subject}".`);
      break;
    }
    if (!next) {
      // The issuer is not at hand: a public root counts only if its key verifies this signature.
      const { root, named } = await publicRootThatSigned(current.node, issuerNameKey(current.node), signatures);
      publicByName = root;
      if (root) verified.push(true);
      else if (named.length > 0) {
        problems.push(`"${current.node.model.subject}" names the public root "${named[0]!.subject}" as its issuer, but its signature does not verify with that root's key: it is not counted as public.`);
      }
      break;
    }
    verified.push(nextVerified);
    chain.push(next);
    inChain.add(next.node.model.thumbprint);
    current = next;
  }

  const top = chain[chain.length - 1]!;
  const leafSelfIssued = selfIssued(leafNode);
  const topSelfSigned = selfIssued(top.node) && (top === first ? selfSignatureVerified !== false : true);
  const leafSelfSigned = leafSelfIssued && selfSignatureVerified !== false;
  if (leafSelfIssued && selfSignatureVerified === false && chain.length === 1) {
    problems.push('The certificate names itself as issuer, but its signature does not verify with its own key.');
  }

  for (const { node } of chain.slice(1)) {
    const { subject, notBefore, notAfter } = node.model;
    if (Date.parse(notAfter) < request.at.getTime()) problems.push(`The CA certificate "${subject}" expired on ${notAfter.slice(0, 10)}.`);
    else if (Date.parse(notBefore) > request.at.getTime()) problems.push(`The CA certificate "${subject}" is not valid before ${notBefore.slice(0, 10)}.`);
  }

  const trustedAnchor = chain.find((n) => n.source === 'trust-file' || n.source === 'environment');
  let publicRoot = publicByName;
  if (topSelfSigned) {
    // The root itself, or a re-issue of it: same public key, and its own signature proves the key holder made it.
    publicRoot = publicRootBySha256(top.node.model.sha256);
    if (!publicRoot) {
      const byKey = publicRootBySpkiSha256(top.node.model.publicKey.spkiSha256);
      if (byKey && (await signatures.verifyWith(top.node, top.node)) === true) publicRoot = byKey;
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

  const links: ChainLink[] = chain.map((n, i) => {
    const m = n.node.model;
    const selfSigned = selfIssued(n.node) && (n === first ? selfSignatureVerified !== false : true);
    return {
      subject: m.subject,
      issuer: m.issuer,
      sha256: m.sha256,
      thumbprint: m.thumbprint,
      source: n.source,
      selfSigned,
      signatureVerified: i < verified.length ? verified[i]! : n === top && topSelfSigned ? (n === first ? selfSignatureVerified : true) : null,
      // Milliseconds included, as the chain builder always wrote them.
      notBefore: new Date(m.notBefore).toISOString(),
      notAfter: new Date(m.notAfter).toISOString(),
      ...(n.fileName !== undefined && (n.source === 'file' || n.source === 'other-file') ? { fileName: n.fileName } : {}),
    };
  });
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

/** Issuer candidates for `child`: trusted anchors first, then its own file, then the others. */
function candidates(index: ChainIndex, child: TrustNode, origin: string, inChain: ReadonlySet<string>): IndexedCertificate[] {
  const rank = (c: IndexedCertificate) => (c.anchor === 'trust-file' ? 0 : c.anchor === 'environment' ? 1 : c.origins.has(origin) ? 2 : 3);
  return index
    .named(child.issuerKey)
    .filter((c) => !inChain.has(c.thumbprint) && !(child.aki && c.ski && c.ski !== child.aki))
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_CANDIDATES);
}

function place(cert: IndexedCertificate, node: TrustNode, origin: string): Placed {
  if (cert.anchor) return { node, source: cert.anchor, fileName: undefined };
  if (cert.origins.has(origin)) return { node, source: 'file', fileName: cert.origins.get(origin) };
  return { node, source: 'other-file', fileName: cert.origins.values().next().value };
}
