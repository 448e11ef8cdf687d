// Trust facts as the rules read them: prefer the chain builder's verified answer, fall back to
// the decoder's name comparison when no chain was built.
import type { RuleContext } from '../engine/types.js';

export function isSelfSigned(ctx: RuleContext): boolean {
  if (ctx.trust) return ctx.trust.selfSigned;
  return ctx.certificate?.selfSigned ?? false;
}

/** "leaf → intermediate → root" for a finding's detail. */
export function chainText(ctx: RuleContext): string {
  if (!ctx.trust || ctx.trust.chain.length === 0) return '';
  return ctx.trust.chain.map((l) => shortName(l.subject)).join(' → ');
}

/** The CN of a Windows-form subject, or the whole text. */
export function shortName(subject: string): string {
  const m = /(?:^|,\s*)CN=("([^"]*)"|[^,]*)/.exec(subject);
  return m ? (m[2] ?? m[1]!).trim() : subject;
}

/** The last link of the chain (the root, or the highest certificate found). */
export function topOfChain(ctx: RuleContext): string | null {
  const chain = ctx.trust?.chain;
  return chain && chain.length ? chain[chain.length - 1]!.subject : null;
}
