// Requirement (note): the SAN is optional for UM — a stand-alone UM server does not use SAN
// entries; a wildcard SAN is fine when UM and CAS share a server; for DNS failover Microsoft
// suggests all UM FQDNs (or a wildcard) in the SAN, always in addition to CN = server FQDN.
// Citation: Microsoft Hh202161; Plan for Exchange UM integration in SfB.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { targetExchangeServer, umServers, umUnavailableReason } from '../helpers/environment.js';
import { listCoversByWildcard, listHasExact } from '../helpers/names.js';

export default defineRule({
  id: 'exchange-um.san-optional',
  title: 'SAN for UM (optional)',
  requirement: 'UM does not read the SAN; listing the server FQDN (or all UM FQDNs, or a wildcard) there is optional and never replaces CN = server FQDN.',
  roles: ['exchange-um'],
  source: 'microsoft',
  citation: `${CITE.S1}; ${CITE.S2}`,
  maxStatus: 'info',
  outcomes: {
    pass: { status: 'pass', title: 'SAN covers the UM server FQDN' },
    'no-san': { status: 'info', title: 'Certificate has no SAN (UM does not need one)' },
    'other-names': { status: 'info', title: 'SAN does not name the UM server' },
  },
  applies: (ctx) => umUnavailableReason(ctx) === null,
  check(ctx) {
    const dns = ctx.fields.dnsNames;
    const fqdn = targetExchangeServer(ctx, umServers(ctx))?.server.fqdn;
    if (dns.length === 0) {
      return { outcome: 'no-san', detail: 'No SAN. UM does not need one; browsers and the other Exchange services do, so a separate certificate for IIS is usual.', fieldPath: 'subjectAltNames.dns' };
    }
    if (fqdn && (listHasExact(dns, fqdn) || listCoversByWildcard(dns, fqdn))) {
      return { outcome: 'pass', detail: `The SAN covers the server FQDN ${fqdn} (${dns.join(', ')}); UM itself reads the CN.`, fieldPath: 'subjectAltNames.dns' };
    }
    return {
      outcome: 'other-names',
      detail: `SAN: ${dns.join(', ')}. UM does not read the SAN; for DNS failover Microsoft suggests adding every UM server FQDN (or a wildcard) there — in addition to CN = server FQDN.`,
      fieldPath: 'subjectAltNames.dns',
    };
  },
});
