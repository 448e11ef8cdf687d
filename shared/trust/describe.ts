// What a chain comes to, in one headline: the chain rule's finding title and the app's Chain
// tab both say this, from the same TrustResult, so they cannot disagree.
import type { TrustResult } from './types.js';

export type ChainTone = 'ok' | 'info' | 'warn' | 'error';

export interface ChainHeadline {
  title: string;
  tone: ChainTone;
}

export function chainHeadline(trust: TrustResult): ChainHeadline {
  switch (trust.status) {
    case 'invalid-signature':
      return { title: 'A signature in the chain does not verify', tone: 'error' };
    case 'self-signed':
      return { title: 'Certificate is self-signed', tone: 'info' };
    case 'incomplete':
      return { title: 'Chain is incomplete', tone: 'warn' };
    case 'untrusted-root':
      return { title: 'Chain ends in a root nobody said to trust', tone: 'warn' };
    case 'trusted':
      return trust.problems.length ? { title: 'A CA certificate in the chain is out of date', tone: 'warn' } : { title: 'Chain reaches a trusted root', tone: 'ok' };
  }
}

/** Where the chain's anchor came from, in words both shells share. */
export function anchorWords(trust: TrustResult): string {
  return trust.anchor === 'public' ? 'a public root' : trust.anchor === 'environment' ? 'a trusted root from your environment' : 'a root you gave as a trusted CA file';
}
