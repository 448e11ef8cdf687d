// Requirement: the trusted application pool FQDN must also appear in the SAN of the OWA
// certificate. Citation: Microsoft JJ688055.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { listCoversByWildcard, listHasExact } from '../helpers/names.js';
import { owaPoolName } from '../helpers/owa.js';
import { OWA_IM_BREAKS } from './cn-is-pool-fqdn.js';

export default defineRule({
  id: 'owa-im.pool-fqdn-in-san',
  title: 'Trusted application pool FQDN is in the SAN',
  requirement: 'The OWA certificate\'s SAN must contain the trusted application pool FQDN exactly.',
  roles: ['owa-im'],
  source: 'microsoft',
  citation: CITE.S11,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', title: 'Trusted application pool FQDN is in the SAN' },
    'wildcard-only': { status: 'warn', title: 'Pool FQDN is covered only by a wildcard SAN' },
    missing: { status: 'error', title: 'Trusted application pool FQDN is not in the SAN' },
  },
  applies: (ctx) => owaPoolName(ctx) !== null,
  check(ctx) {
    const pool = owaPoolName(ctx)!;
    const dns = ctx.fields.dnsNames;
    if (listHasExact(dns, pool.fqdn)) return { outcome: 'pass', detail: `The SAN contains ${pool.fqdn}.`, fieldPath: 'subjectAltNames.dns' };
    const wildcard = listCoversByWildcard(dns, pool.fqdn);
    const fix = `Include ${pool.fqdn} explicitly in the SAN of the OWA (IIS) certificate.`;
    if (wildcard) {
      return {
        outcome: 'wildcard-only',
        detail: `${pool.fqdn} is covered only by the wildcard SAN ${wildcard}; Microsoft asks for the same name in the subject and the SAN.`,
        fix,
        fieldPath: 'subjectAltNames.dns',
      };
    }
    return {
      outcome: 'missing',
      detail: `The SAN (${dns.join(', ') || 'none'}) does not contain the trusted application pool FQDN ${pool.fqdn}.`,
      fix,
      whatBreaks: OWA_IM_BREAKS,
      fieldPath: 'subjectAltNames.dns',
    };
  },
});
