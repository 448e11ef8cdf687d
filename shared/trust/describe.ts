// What a chain comes to, in one headline: the chain rule's finding title and the app's Chain
// tab both say this, from the same TrustResult, so they cannot disagree.
import type { TrustResult } from './types.js';

export type ChainTone = 'ok' | 'info' | 'warn' | 'error';

export interface ChainHeadline {
  title: string;
  tone: ChainTone;
}

/** The headlines, by the chain rule's outcome code (the rule declares its outcomes with them). */
export const CHAIN_TITLES = {
  pass: 'Chain reaches a trusted root',
  'invalid-signature': 'A signature in the chain does not verify',
  'self-signed': 'Certificate is self-signed',
  incomplete: 'Chain is incomplete',
  'untrusted-root': 'Chain ends in a root nobody said to trust',
  'ca-out-of-date': 'A CA certificate in the chain is out of date',
} as const;

export function chainHeadline(trust: TrustResult): ChainHeadline {
  switch (trust.status) {
    case 'invalid-signature':
      return { title: CHAIN_TITLES['invalid-signature'], tone: 'error' };
    case 'self-signed':
      return { title: CHAIN_TITLES['self-signed'], tone: 'info' };
    case 'incomplete':
      return { title: CHAIN_TITLES.incomplete, tone: 'warn' };
    case 'untrusted-root':
      return { title: CHAIN_TITLES['untrusted-root'], tone: 'warn' };
    case 'trusted':
      return trust.problems.length ? { title: CHAIN_TITLES['ca-out-of-date'], tone: 'warn' } : { title: CHAIN_TITLES.pass, tone: 'ok' };
  }
}

/** Where the chain's anchor came from, in words both shells share. */
export function anchorWords(trust: TrustResult): string {
  return trust.anchor === 'public' ? 'a public root' : trust.anchor === 'environment' ? 'a trusted root from your environment' : 'a root you gave as a trusted CA file';
}
