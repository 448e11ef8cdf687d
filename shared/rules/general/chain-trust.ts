// Requirement: the certificate must chain to a root the servers that check it trust, with
// every signature valid and every CA certificate in date. CertBench knows the public roots,
// the environment's trusted roots and --trust files; anything else the admin must vouch for.
// Citation: RFC 5280 §6; Microsoft "Public Key Infrastructure for Skype for Business Server"
// ("the certificate must be issued by a CA that is trusted by clients or other servers that
// connect to the server").
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { chainText, shortName, topOfChain } from '../helpers/trust.js';

export default defineRule({
  id: 'general.chain-trust',
  title: 'Chain reaches a trusted root',
  requirement: 'The certificate must chain, with valid signatures, to a root the servers trust: a public root or an internal root you named.',
  roles: ['general'],
  source: 'rfc',
  citation: `${CITE.RFC5280_PATH}; ${CITE.MS_CHAIN}`,
  maxStatus: 'error',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Chain reaches a trusted root' },
    'invalid-signature': { status: 'error', title: 'A signature in the chain does not verify' },
    'self-signed': { status: 'info', title: 'Certificate is self-signed' },
    incomplete: { status: 'warn', title: 'Chain is incomplete' },
    'untrusted-root': { status: 'warn', title: 'Chain ends in a root nobody said to trust' },
    'ca-out-of-date': { status: 'warn', title: 'A CA certificate in the chain is out of date' },
  },
  applies: (ctx) => ctx.trust !== null,
  check(ctx) {
    const trust = ctx.trust!;
    const chain = chainText(ctx);
    const problems = trust.problems.length ? ` ${trust.problems.join(' ')}` : '';
    switch (trust.status) {
      case 'invalid-signature':
        return {
          outcome: 'invalid-signature',
          title: 'A signature in the chain does not verify',
          status: 'error',
          detail: `A signature in the chain does not verify (${chain}).${problems}`,
          fix: 'The certificate was not issued by the CA it names, or the file was altered: get the certificate again from the issuing CA.',
          whatBreaks: 'Every TLS peer rejects the chain.',
        };
      case 'self-signed':
        return {
          outcome: 'self-signed',
          title: 'Certificate is self-signed',
          status: 'info',
          detail: `The certificate is self-signed (${shortName(ctx.certificate!.subject)}): only machines that hold it in Trusted Root Certification Authorities trust it.${problems}`,
          fix: 'Fine for the Exchange Auth certificate; for TLS roles use a certificate from your internal CA or a public CA.',
        };
      case 'incomplete':
        return {
          outcome: 'incomplete',
          title: 'Chain is incomplete',
          status: 'warn',
          detail: `The chain stops at ${shortName(topOfChain(ctx) ?? ctx.certificate!.subject)}: its issuer "${trust.chain[trust.chain.length - 1]?.issuer ?? ctx.certificate!.issuer}" is not in the file, among the CA files you trust, nor in the environment's trusted roots, so CertBench cannot tell whether servers trust it.${problems}`,
          fix: 'Export the certificate with its whole chain (PFX "include all certificates in the path", or a P7B), give the issuing CA as a trusted CA file, or add your internal root to the environment.',
        };
      case 'untrusted-root':
        return {
          outcome: 'untrusted-root',
          title: 'Chain ends in a root nobody said to trust',
          status: 'warn',
          detail: `The chain ends in the root "${shortName(topOfChain(ctx)!)}" (${chain}), which is neither a public root nor one of the trusted roots you gave.${problems}`,
          fix: 'If this is your internal CA, add its root to the environment (trustedRoots) or give it as a trusted CA file, and make sure every Exchange and Lync/SfB server has it in Trusted Root Certification Authorities.',
          whatBreaks: 'Servers without this root in their Trusted Root store refuse the TLS/MTLS connection.',
        };
      case 'trusted': {
        const where = trust.anchor === 'public' ? 'a public root' : trust.anchor === 'environment' ? 'a trusted root from your environment' : 'a root you gave as a trusted CA file';
        if (trust.problems.length) {
          return {
            outcome: 'ca-out-of-date',
            title: 'A CA certificate in the chain is out of date',
            status: 'warn',
            detail: `The chain (${chain}) ends in ${where}, but:${problems}`,
            fix: 'Renew or replace the CA certificate named above and re-issue if needed.',
          };
        }
        return { outcome: 'pass', status: 'pass', detail: `Chain: ${chain} — ends in ${where}.` };
      }
    }
  },
});
