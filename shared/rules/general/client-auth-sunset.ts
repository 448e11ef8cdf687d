// Requirement (reported): public CAs are removing the Client Authentication EKU from TLS
// certificates under the Chrome Root Program (from 2026; the sources disagree on 2026-06-15
// vs 2027-03-15), so MTLS uses — Edge federation, UM ↔ Lync — should move to an internal CA.
// Secondary sources only: never more than a warning.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export default defineRule({
  id: 'general.client-auth-sunset',
  title: 'Public certificates are losing Client Authentication',
  requirement: 'Do not rely on a public CA for the Client Authentication EKU: it is being removed from public TLS certificates from 2026 (dates differ between sources).',
  roles: ['general'],
  source: 'community',
  citation: CITE.S31,
  maxStatus: 'warn',
  unconfirmed: true,
  outcomes: {
    'request-asks': { status: 'warn', title: 'Public request asks for Client Authentication' },
    'public-has-client-auth': { status: 'info', title: 'Public certificate carries Client Authentication', meaning: 'Its renewal from a public CA will probably not carry it.' },
  },
  applies: (ctx) => ctx.intendedPublic && !!ctx.fields.extendedKeyUsage?.oids.includes(CLIENT_AUTH),
  check(ctx) {
    const mtls = ctx.has('edge-external') || ctx.has('exchange-um');
    const note = 'This is reported by secondary sources (Chrome Root Program v1.6/v1.8), not documented by Microsoft; the dates differ (2026-06-15 or 2027-03-15).';
    if (ctx.request) {
      return {
        outcome: 'request-asks',
        detail: `The request asks a public CA for Client Authentication; public CAs are dropping that EKU from TLS certificates. ${note}`,
        fix: 'Leave Client Authentication out of public requests; issue MTLS certificates (federation, UM ↔ Lync) from an internal CA.',
        fieldPath: 'extendedKeyUsage',
      };
    }
    return {
      outcome: 'public-has-client-auth',
      detail: `This public certificate carries Client Authentication; its renewal will probably not. ${note}${mtls ? ' This role uses MTLS, so check before renewing.' : ''}`,
      fix: 'Plan an internal-CA certificate for MTLS uses before the renewal.',
      fieldPath: 'extendedKeyUsage',
    };
  },
});
