// Requirement: the Edge external SAN must contain the Access Edge FQDN (even if it is the CN —
// "TLS ignores the subject name and uses the SAN"), the Web Conferencing Edge FQDN and
// sip.<domain> for every SIP domain; the A/V Edge FQDN is not needed. Order does not matter.
// Citation: Microsoft Edge environmental requirements (SfB); Gg398920.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { targetEdgePool } from '../helpers/environment.js';
import { listCoversByWildcard, listHasExact, normalizeFqdn, sameFqdn } from '../helpers/names.js';

export default defineRule({
  id: 'edge-external.san-required-names',
  title: 'SAN has Access Edge, Web Conferencing Edge and sip.<domain>',
  requirement: 'The Edge external SAN must list the Access Edge FQDN, the Web Conferencing Edge FQDN and sip.<domain> for every SIP domain.',
  roles: ['edge-external'],
  source: 'microsoft',
  citation: `${CITE.S15}; ${CITE.S16}`,
  maxStatus: 'error',
  symptoms:
    'External sign-in, federation and remote conferencing fail TLS for the missing names. Lync clients show a trust prompt ("Lync is attempting to connect to … Trust this server?") for automatically discovered servers whose FQDN is outside the SIP domains (seed 004): the client checks the discovered name against its trusted domains before TLS, so let the SRV records point at sip.<sipdomain> (a name inside the SIP domain) and carry that name in the certificate.',
  outcomes: {
    pass: { status: 'pass', title: 'SAN has Access Edge, Web Conferencing Edge and sip.<domain>' },
    'names-unknown': { status: 'warn', title: 'Edge names unknown: SAN not compared' },
    missing: { status: 'error', title: 'SAN lacks required Edge names' },
    'wildcard-only': { status: 'warn', title: 'Edge names covered only by a wildcard SAN' },
  },
  applies: () => true,
  check(ctx) {
    const pool = targetEdgePool(ctx, 'external')?.server;
    const expected: { name: string; why: string }[] = [];
    if (pool?.accessEdgeFqdn) expected.push({ name: pool.accessEdgeFqdn, why: 'Access Edge' });
    if (pool?.webConferencingEdgeFqdn) expected.push({ name: pool.webConferencingEdgeFqdn, why: 'Web Conferencing Edge' });
    for (const domain of ctx.env.sipDomains ?? []) {
      const name = `sip.${normalizeFqdn(domain)}`;
      if (!expected.some((e) => sameFqdn(e.name, name))) expected.push({ name, why: `SIP domain ${domain}` });
    }
    if (expected.length === 0) {
      return {
        outcome: 'names-unknown',
        detail: `The SAN is ${ctx.fields.dnsNames.join(', ') || 'empty'}; the environment names no Edge pool or SIP domain, so CertBench cannot tell which names are missing.`,
        fix: 'Add edgePools (accessEdgeFqdn, webConferencingEdgeFqdn) and sipDomains to the environment.',
        fieldPath: 'subjectAltNames.dns',
      };
    }
    const dns = ctx.fields.dnsNames;
    const missing = expected.filter((e) => !listHasExact(dns, e.name) && !listCoversByWildcard(dns, e.name));
    const wildcardOnly = expected.filter((e) => !listHasExact(dns, e.name) && listCoversByWildcard(dns, e.name));
    const av = pool?.avEdgeFqdn && listHasExact(dns, pool.avEdgeFqdn) ? ` The A/V Edge FQDN ${pool.avEdgeFqdn} is in the SAN; it is not needed there.` : '';
    const fix = `Request the Edge external certificate with SAN ${expected.map((e) => e.name).join(', ')} (Request-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -AllSipDomain).`;
    if (missing.length) {
      return {
        outcome: 'missing',
        detail: `The SAN (${dns.join(', ') || 'none'}) lacks ${missing.map((m) => `${m.name} (${m.why})`).join(', ')}. TLS on the Edge ignores the subject name and matches the SAN.${av}`,
        fix,
        whatBreaks: 'External sign-in, federation and remote conferencing fail TLS for the missing names.',
        fieldPath: 'subjectAltNames.dns',
      };
    }
    if (wildcardOnly.length) {
      return {
        outcome: 'wildcard-only',
        detail: `${wildcardOnly.map((m) => m.name).join(', ')} ${wildcardOnly.length > 1 ? 'are' : 'is'} covered only by a wildcard SAN; Microsoft's wildcard support page does not cover the Edge external interfaces, so list the names explicitly.${av}`,
        fix,
        fieldPath: 'subjectAltNames.dns',
      };
    }
    return { outcome: 'pass', detail: `The SAN contains ${expected.map((e) => e.name).join(', ')}.${av}`, fieldPath: 'subjectAltNames.dns' };
  },
});
