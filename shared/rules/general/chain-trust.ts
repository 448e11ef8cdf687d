// Requirement: the certificate must chain to a root the servers that check it trust, with
// every signature valid and every CA certificate in date. CertBench knows the public roots,
// the environment's trusted roots and trusted CA files; anything else the admin must vouch for.
// The fix names where to add the missing certificate in the words of the shell the finding
// appears in (ctx.chainAdvice, passed in by the shell), never another shell's controls.
// Citation: RFC 5280 §6; Microsoft "Public Key Infrastructure for Skype for Business Server"
// ("the certificate must be issued by a CA that is trusted by clients or other servers that
// connect to the server").
import { anchorWords, CHAIN_TITLES } from '../../trust/describe.js';
import type { ChainAdvice } from '../../trust/types.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { chainText, shortName, topOfChain } from '../helpers/trust.js';

/** Words every shell shares, for callers that pass none (reports, the estate audit). */
const SHARED_ADVICE: ChainAdvice = {
  addIssuer: 'check it together with the issuing CA certificate',
  trustRoot: "add its root to the environment's trusted roots",
};

export default defineRule({
  id: 'general.chain-trust',
  title: CHAIN_TITLES.pass,
  requirement: 'The certificate must chain, with valid signatures, to a root the servers trust: a public root or an internal root you named.',
  roles: ['general'],
  source: 'rfc',
  citation: `${CITE.RFC5280_PATH}; ${CITE.MS_CHAIN}`,
  maxStatus: 'error',
  subjects: ['certificate'],
  // Declared outcomes (the engine refuses any other); their titles are the Chain tab's headlines.
  outcomes: {
    pass: { status: 'pass', title: CHAIN_TITLES.pass },
    'invalid-signature': { status: 'error', title: CHAIN_TITLES['invalid-signature'] },
    'self-signed': { status: 'info', title: CHAIN_TITLES['self-signed'] },
    incomplete: { status: 'warn', title: CHAIN_TITLES.incomplete },
    'untrusted-root': { status: 'warn', title: CHAIN_TITLES['untrusted-root'] },
    'ca-out-of-date': { status: 'warn', title: CHAIN_TITLES['ca-out-of-date'] },
  },
  applies: (ctx) => ctx.trust !== null,
  check(ctx) {
    const trust = ctx.trust!;
    const advice = ctx.chainAdvice ?? SHARED_ADVICE;
    const chain = chainText(ctx);
    const problems = trust.problems.length ? ` ${trust.problems.join(' ')}` : '';
    switch (trust.status) {
      case 'invalid-signature':
        return {
          outcome: 'invalid-signature',
          detail: `A signature in the chain does not verify (${chain}).${problems}`,
          fix: 'The certificate was not issued by the CA it names, or the file was altered: get the certificate again from the issuing CA.',
          whatBreaks: 'Every TLS peer rejects the chain.',
        };
      case 'self-signed':
        return {
          outcome: 'self-signed',
          detail: `The certificate is self-signed (${shortName(ctx.certificate!.subject)}): only machines that hold it in Trusted Root Certification Authorities trust it.${problems}`,
          fix: 'Fine for the Exchange Auth certificate; for TLS roles use a certificate from your internal CA or a public CA.',
        };
      case 'incomplete':
        return {
          outcome: 'incomplete',
          detail: `The chain stops at ${shortName(topOfChain(ctx) ?? ctx.certificate!.subject)}: its issuer "${trust.chain[trust.chain.length - 1]?.issuer ?? ctx.certificate!.issuer}" is not among the certificates CertBench was given (the file, the files checked with it, the trusted CA certificates and the environment's trusted roots), so it cannot tell whether servers trust it.${problems}`,
          fix: `Export the certificate with its whole chain (PFX "include all certificates in the path", or a P7B), or ${advice.addIssuer}; if the issuer is your internal root, ${advice.trustRoot}.`,
        };
      case 'untrusted-root':
        return {
          outcome: 'untrusted-root',
          detail: `The chain ends in the root "${shortName(topOfChain(ctx)!)}" (${chain}), which is neither a public root nor one of the trusted roots you gave.${problems}`,
          fix: `If this is your internal CA, ${advice.trustRoot}, and make sure every Exchange and Lync/SfB server has it in Trusted Root Certification Authorities.`,
          whatBreaks: 'Servers without this root in their Trusted Root store refuse the TLS/MTLS connection.',
        };
      case 'trusted': {
        const where = anchorWords(trust);
        if (trust.problems.length) {
          return {
            outcome: 'ca-out-of-date',
            detail: `The chain (${chain}) ends in ${where}, but:${problems}`,
            fix: 'Renew or replace the CA certificate named above and re-issue if needed.',
          };
        }
        return { outcome: 'pass', detail: `Chain: ${chain} — ends in ${where}.` };
      }
    }
  },
});
