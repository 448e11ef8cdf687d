// Requirement: the Edge external certificate (Access, Web Conferencing, A/V authentication)
// must come from a public CA that supports SAN — federation partners and remote clients
// trust only public roots. Citation: Microsoft Edge environmental requirements; Gg398920.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { shortName, topOfChain } from '../helpers/trust.js';

const BREAKS = 'Federation partners, remote and mobile clients do not trust the Edge: external sign-in and federation fail with certificate errors.';

export default defineRule({
  id: 'edge-external.public-ca',
  title: 'Issued by a public CA',
  requirement: 'The Edge external certificate must be issued by a public CA (its chain must end in a public root).',
  roles: ['edge-external'],
  source: 'microsoft',
  citation: `${CITE.S15}; ${CITE.S16}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', title: 'Issued by a public CA' },
    request: { status: 'info', title: 'Request to be submitted to a public CA' },
    'self-signed': { status: 'error', title: 'Certificate is self-signed' },
    'chain-incomplete': { status: 'warn', title: 'Chain incomplete: public CA not confirmed' },
    'not-public': { status: 'error', title: 'Not issued by a public CA' },
  },
  applies: (ctx) => ctx.request !== null || ctx.trust !== null,
  check(ctx) {
    if (ctx.request) {
      return { outcome: 'request', detail: 'Submit this request to a public CA that issues SAN certificates; an internal CA is not trusted by federation partners or remote clients.' };
    }
    const trust = ctx.trust!;
    if (trust.publicCa) return { outcome: 'pass', detail: `The chain ends in the public root ${shortName(topOfChain(ctx) ?? '')}.`, fieldPath: 'issuer' };
    const fix = 'Request the Edge external certificate from a public CA.';
    if (trust.selfSigned) return { outcome: 'self-signed', detail: 'The certificate is self-signed; the Edge external interface needs a public CA.', fix, whatBreaks: BREAKS, fieldPath: 'issuer' };
    if (trust.status === 'incomplete') {
      return {
        outcome: 'chain-incomplete',
        detail: `The chain stops at "${trust.chain[trust.chain.length - 1]?.issuer ?? ctx.certificate!.issuer}", which is not among the public roots CertBench knows; it cannot tell whether this CA is public.`,
        fix: 'Include the whole chain in the file (or give the intermediate as a trusted CA file) so CertBench can see the root.',
        fieldPath: 'issuer',
      };
    }
    const root = shortName(topOfChain(ctx) ?? ctx.certificate!.issuer);
    return {
      outcome: 'not-public',
      detail: `The chain ends in ${root}, ${trust.anchor === 'environment' || trust.anchor === 'trust-file' ? 'an internal root you trust' : 'a root'} that is not a public root; external clients and federation partners will not trust it.`,
      fix,
      whatBreaks: BREAKS,
      fieldPath: 'issuer',
    };
  },
});
