// Chain building and the public root list.
export { buildTrust, trustOf, type ChainRequest, type TrustInput } from './buildTrust.js';
export { ChainIndex, type AnchorInput, type IndexEntry } from './chainIndex.js';
export { publicRootBySha256, publicRootCount, publicRootForIssuer, type PublicRoot } from './publicRoots.js';
export { pemCertificates } from './node.js';
export type { ChainLink, ChainSource, TrustResult, TrustStatus } from './types.js';
export { anchorWords, CHAIN_TITLES, chainHeadline, type ChainHeadline, type ChainTone } from './describe.js';
