// A Contoso deployment used by the request and command tests.
import type { Environment } from '../../shared/environment/types.js';

export const CONTOSO: Environment = {
  name: 'Contoso lab',
  exchangeServers: [
    { fqdn: 'ex1.contoso.com', version: '2016', os: '2016', roles: ['Mailbox', 'UM', 'UMCallRouter'] },
    { fqdn: 'ex2.contoso.com', version: '2016', os: '2019', roles: ['Mailbox'] },
  ],
  sfbPools: [{ fqdn: 'pool01.contoso.com', version: 'SfB2015', servers: ['fe1.contoso.com', 'fe2.contoso.com'] }],
  edgePools: [
    {
      internalFqdn: 'edge-int.contoso.com',
      accessEdgeFqdn: 'sip.contoso.com',
      webConferencingEdgeFqdn: 'webconf.contoso.com',
      avEdgeFqdn: 'av.contoso.com',
      version: 'SfB2015',
    },
  ],
  sipDomains: ['contoso.com', 'fabrikam.com'],
  smtpDomains: ['contoso.com'],
  owaIm: {
    trustedApplicationPoolFqdn: 'owa.contoso.com',
    imServerName: 'pool01.contoso.com',
    // Pasted from the Windows certificate dialog: U+200E in front, spaced pairs, lower case.
    certificateThumbprint: '\u200E1a 31 b7 9c 2f 44 0d 5e 6a 77 88 99 aa bb cc dd ee ff 00 11',
  },
  authConfig: { currentCertificateThumbprint: '0123456789ABCDEF0123456789ABCDEF01234567' },
};
