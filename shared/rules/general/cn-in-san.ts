// Requirement: the CN should also be in the SAN — modern TLS clients read only the SAN
// (RFC 6125), and New-ExchangeCertificate adds the CN to the SAN itself. UM and the Edge
// internal interface read the CN and need no SAN, so a missing SAN is only a note there.
// Token-signing certificates (Exchange Auth, OAuthTokenIssuer) have no host name to match.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { isWildcard, listCoversByWildcard, listHasExact, looksLikeHostName } from '../helpers/names.js';
import { infDnsEntry } from '../../powershell/fixText.js';

export default defineRule({
  id: 'general.cn-in-san',
  title: 'CN is repeated in the SAN',
  requirement: 'A server certificate\'s CN should also appear as a SAN DNS name, because TLS clients match only the SAN.',
  roles: ['general'],
  source: 'rfc',
  citation: `RFC 6125 §6.4.4; Microsoft New-ExchangeCertificate (the CN is added to the SAN); ${CITE.S11}`,
  maxStatus: 'warn',
  outcomes: {
    pass: { status: 'pass', title: 'CN is repeated in the SAN' },
    'no-san-cn-read': { status: 'info', title: 'Certificate has no SAN (this role reads the CN)', meaning: 'Exchange UM and the Edge internal interface read the CN; browsers and other TLS clients do not.' },
    'no-san': { status: 'warn', title: 'Certificate has no SAN' },
    'wildcard-only': { status: 'info', title: 'CN is covered only by a wildcard SAN' },
    missing: { status: 'warn', title: 'CN is not among the SAN names' },
  },
  applies(ctx) {
    const specific = ctx.roles.filter((r) => r !== 'general');
    const tokenSigningOnly = specific.length > 0 && specific.every((r) => r === 'exchange-auth' || r === 'sfb-oauth');
    // A CN that is not a host name ("Microsoft Corporation", a user's name) is not matched by TLS clients at all.
    return looksLikeHostName(ctx.fields.commonName) && !tokenSigningOnly;
  },
  check(ctx) {
    const cn = ctx.fields.commonName!;
    const dns = ctx.fields.dnsNames;
    if (listHasExact(dns, cn)) return { outcome: 'pass', detail: `The CN ${cn} is also a SAN DNS name.`, fieldPath: 'subjectAltNames.dns' };
    const fix = `Include ${cn} in the SAN of the next request (New-ExchangeCertificate does this itself; in a certreq INF add ${infDnsEntry(cn, '<CN>')}).`;
    if (dns.length === 0) {
      const cnOnlyRoles = ctx.has('exchange-um') || ctx.has('edge-internal');
      return {
        outcome: cnOnlyRoles ? 'no-san-cn-read' : 'no-san',
        detail: cnOnlyRoles
          ? `The certificate has no SAN. Exchange UM and the Edge internal interface read the CN (${cn}), so that works, but browsers and other TLS clients ignore the CN.`
          : `The certificate has no SAN DNS names; browsers and modern TLS clients ignore the CN ${cn} and will report a name mismatch.`,
        fix,
        fieldPath: 'subjectAltNames.dns',
      };
    }
    const wildcard = !isWildcard(cn) ? listCoversByWildcard(dns, cn) : null;
    if (wildcard) {
      return { outcome: 'wildcard-only', detail: `The CN ${cn} is covered only by the wildcard SAN ${wildcard}; Lync/SfB peers that compare exact names will not accept that.`, fix, fieldPath: 'subjectAltNames.dns' };
    }
    return {
      outcome: 'missing',
      detail: `The CN ${cn} is not among the SAN DNS names (${dns.join(', ')}); clients that match the SAN will not accept the certificate for ${cn}.`,
      fix,
      fieldPath: 'subjectAltNames.dns',
    };
  },
});
