// The golden cases: one generated script per role and product version.
import type { CommandOptions } from '../../shared/commands/options.js';
import type { Environment } from '../../shared/environment/types.js';
import { CONTOSO } from '../csr/environment.js';

const T = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011';
// A Mailbox server (UM is part of it on 2016) hosting a SipName dial plan, and the OWA trusted
// application pool named after it: the pool must not be created (IM-06, event 14563).
const SIPNAME: Environment = {
  ...CONTOSO,
  exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'], hostsSipNameDialPlan: true }],
  owaIm: { ...CONTOSO.owaIm, trustedApplicationPoolFqdn: 'ex1.contoso.com' },
};

// Exchange 2010 SP1 behind a load balancer: two Client Access servers, each OWA virtual
// directory needs the IM settings (seed 003).
const CONTOSO_2010: Environment = {
  ...CONTOSO,
  exchangeServers: [
    { fqdn: 'cas1.contoso.com', version: '2010SP1', roles: ['ClientAccess'] },
    { fqdn: 'cas2.contoso.com', version: '2010SP1', roles: ['ClientAccess'] },
    { fqdn: 'mbx1.contoso.com', version: '2010SP1', roles: ['Mailbox'] },
  ],
};

/** Exchange 2013 with split roles: UM on the Mailbox server, the UM Call Router on the Client Access server. */
const SPLIT_2013: Environment = {
  exchangeServers: [
    { fqdn: 'mbx1.contoso.com', version: '2013', os: '2012R2', roles: ['Mailbox', 'UM'] },
    { fqdn: 'cas1.contoso.com', version: '2013', os: '2012R2', roles: ['ClientAccess', 'UMCallRouter'] },
  ],
};

/** The Contoso servers upgraded to Exchange 2019 (no UM). */
const CONTOSO_2019: Environment = {
  ...CONTOSO,
  exchangeServers: (CONTOSO.exchangeServers ?? []).map((s) => ({ ...s, version: '2019', roles: ['Mailbox'] })),
};

export const GOLDEN_CASES: Record<string, CommandOptions> = {
  'exchange-um-2010': { role: 'exchange-um', server: 'ex1.contoso.com', exchangeVersion: '2010', thumbprint: T, pfxPath: 'C:\\Certs\\um.pfx' },
  'exchange-um-2013': { role: 'exchange-um', server: 'mbx1.contoso.com', exchangeVersion: '2013', environment: SPLIT_2013 },
  'exchange-um-2013-cas': { role: 'exchange-um', server: 'cas1.contoso.com', exchangeVersion: '2013', environment: SPLIT_2013, thumbprint: T },
  'exchange-um-2016': { role: 'exchange-um', environment: CONTOSO, thumbprint: T.toLowerCase().replace(/(..)/g, '$1 ') },
  'owa-im-2010': { role: 'owa-im', server: 'ex1.contoso.com', exchangeVersion: '2010', sfbVersion: 'Lync2013', environment: CONTOSO },
  'owa-im-2010SP1': { role: 'owa-im', exchangeVersion: '2010SP1', sfbVersion: 'Lync2013', environment: CONTOSO_2010 },
  'owa-im-2013': { role: 'owa-im', server: 'ex1.contoso.com', exchangeVersion: '2013', sfbVersion: 'SfB2015', environment: CONTOSO },
  'owa-im-2016': { role: 'owa-im', server: 'ex1.contoso.com', exchangeVersion: '2016', sfbVersion: 'SfB2015', environment: CONTOSO },
  'owa-im-2019-lync2013': { role: 'owa-im', server: 'ex2.contoso.com', exchangeVersion: '2019', sfbVersion: 'Lync2013', environment: CONTOSO, thumbprint: T },
  'owa-im-sipname-exception': { role: 'owa-im', server: 'ex1.contoso.com', environment: SIPNAME, thumbprint: T },
  'owa-im-empty-environment': { role: 'owa-im', exchangeVersion: '2016', sfbVersion: 'SfB2019' },
  'edge-external': { role: 'edge-external', environment: CONTOSO, pfxPath: 'C:\\Certs\\edge-ext.pfx' },
  'edge-external-roll': { role: 'edge-external', environment: CONTOSO, thumbprint: T, roll: true, effectiveDate: '2026-12-05 02:00', pfxPath: 'C:\\Certs\\edge-ext.pfx' },
  'edge-internal': { role: 'edge-internal', environment: CONTOSO, sfbVersion: 'SfB2019', pfxPath: 'C:\\Certs\\edge-int.pfx' },
  'exchange-auth-2016': { role: 'exchange-auth', environment: CONTOSO, exchangeVersion: '2016' },
  'exchange-auth-2019-existing': { role: 'exchange-auth', server: 'ex2.contoso.com', exchangeVersion: '2019', thumbprint: T, environment: CONTOSO_2019 },
  'sfb-oauth-sfb2015': { role: 'sfb-oauth', environment: { ...CONTOSO, oauthTokenIssuerThumbprints: { 'fe1.contoso.com': T, 'fe2.contoso.com': '0000000000000000000000000000000000000000' } }, pfxPath: 'C:\\Certs\\oauth.pfx' },
  'sfb-oauth-roll-sfb2019': { role: 'sfb-oauth', sfbVersion: 'SfB2019', roll: true, pfxPath: 'C:\\Certs\\oauth.pfx' },
};
