// What chain building found out about one certificate: the path to a root, where the root
// came from and whether it is one of the public roots everybody's machines trust.

/**
 * Where a certificate of the chain was found: the checked certificate's own file, another file
 * checked or open with it, a trusted CA file (--trust), the environment's trusted roots, or
 * the public root list.
 */
export type ChainSource = 'file' | 'other-file' | 'trust-file' | 'environment' | 'public-list';

export interface ChainLink {
  subject: string;
  issuer: string;
  /** SHA-256 of the DER, upper hex (null for a public root known by name only). */
  sha256: string | null;
  /** SHA-1 thumbprint, 40 upper hex, when known. */
  thumbprint: string | null;
  source: ChainSource;
  /** Issuer equals subject and the certificate's signature verifies with its own key. */
  selfSigned: boolean;
  /** The signature verified with the next link's key (null: not checked — no issuer key). */
  signatureVerified: boolean | null;
  notBefore: string | null;
  notAfter: string | null;
  /** The file it came from, as the shell named it (file and other-file links). */
  fileName?: string;
}

export type TrustStatus =
  /** The chain ends in a root CertBench knows (public list, environment or --trust). */
  | 'trusted'
  /** The chain ends in a self-signed root that nobody said to trust. */
  | 'untrusted-root'
  /** An issuer is missing: neither in the file, nor in --trust, nor in the environment. */
  | 'incomplete'
  /** The certificate is its own root and is not a trusted anchor. */
  | 'self-signed'
  /** A signature in the chain does not verify. */
  | 'invalid-signature';

export interface TrustResult {
  status: TrustStatus;
  /** Where the trust anchor came from; null when not trusted. */
  anchor: 'public' | 'environment' | 'trust-file' | null;
  /** The chain ends in one of the public roots (Node's / Mozilla's list). */
  publicCa: boolean;
  /** Leaf first, root (or the last certificate found) last. */
  chain: ChainLink[];
  /** The certificate itself is self-signed (issuer = subject, own signature verifies). */
  selfSigned: boolean;
  /** The own-signature check for a self-issued certificate: true/false, null when not tried. */
  selfSignatureVerified: boolean | null;
  /** Sentences about what is wrong with the chain (expired intermediate, bad signature…). */
  problems: string[];
}

/**
 * Where the user adds a certificate to chain building, in the words of the shell the finding
 * appears in (the CLI names --trust, the app names open files; neither names the other's
 * controls). The shell passes it in; a finding without it uses words every shell shares.
 */
export interface ChainAdvice {
  /** How to supply the missing issuing CA certificate. */
  addIssuer: string;
  /** How to make an internal root trusted. */
  trustRoot: string;
}
