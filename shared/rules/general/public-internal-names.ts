// Requirement: a publicly trusted certificate must not name internal names (names outside the
// Public Suffix List such as .local, .lan, .intra; IANA special-use names; single-label names)
// or addresses from the IANA special-purpose registries (RFC 1918, 100.64/10, 169.254/16,
// fc00::/7, fe80::/10, documentation ranges…) — public CAs stopped issuing them in November
// 2015 (the CA/B page says Nov 11, DigiCert quotes Nov 1) and revoked the rest by 2016-10-01.
// Citation: CA/B Forum Baseline Requirements, internal names; seed 002 ("Public Certs now must
// use valid Top Level Domain Names").
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { internalNameReason } from '../helpers/names.js';

export default defineRule({
  id: 'general.public-internal-names',
  title: 'Public certificate names no internal names',
  requirement: 'A certificate from (or for) a public CA must not contain internal names or reserved IP addresses.',
  roles: ['general'],
  source: 'cabf',
  citation: `${CITE.S27}; ${CITE.S5}`,
  maxStatus: 'error',
  effective: '2015-11-01T00:00:00Z',
  outcomes: {
    pass: { status: 'pass', title: 'Public certificate names no internal names' },
    'internal-names': { status: 'error', title: 'Public certificate names an internal name', meaning: 'An internal name, a name under a non-public suffix or a reserved IP address.' },
  },
  applies: (ctx) => ctx.intendedPublic,
  check(ctx) {
    const names = [...new Set([...(ctx.fields.commonName ? [ctx.fields.commonName] : []), ...ctx.fields.dnsNames, ...ctx.fields.subjectAltNames.ip])];
    const bad = names.map((n) => ({ n, why: internalNameReason(n) })).filter((x) => x.why);
    const what = ctx.request ? 'This request is for a role that needs a public CA' : 'This certificate chains to a public root';
    if (bad.length === 0) return { outcome: 'pass', detail: `${what}, and all its names are public DNS names.`, fieldPath: 'subjectAltNames.dns' };
    return {
      outcome: 'internal-names',
      title: `Public certificate names ${bad.length === 1 ? 'an internal name' : `${bad.length} internal names`}`,
      detail: `${what}, but it names ${bad.map((b) => `${b.n} (${b.why})`).join(', ')}. Public CAs may not issue for internal names or reserved addresses since November 2015.`,
      fix: 'Use an internal CA for internal FQDNs (the usual answer for the Exchange UM certificate), or use names under your public DNS domain.',
      whatBreaks: 'A public CA refuses the request, or revokes the certificate.',
      fieldPath: 'subjectAltNames.dns',
    };
  },
});
