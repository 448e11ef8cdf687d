import { describe, expect, it } from 'vitest';
import { parseEnvironment, validateEnvironment } from '../../shared/environment/validate.js';
import { InputError } from '../../shared/x509/inputError.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('environment validation', () => {
  it('accepts a complete document and normalises versions', () => {
    const { environment, errors } = validateEnvironment({
      name: 'Contoso',
      exchangeServers: [{ fqdn: 'ex1.contoso.com', version: 2016, os: '2012 R2', roles: ['Mailbox'], hostsSipNameDialPlan: true }],
      sfbPools: [{ fqdn: 'pool01.contoso.com', version: 'sfb2015', servers: ['fe1.contoso.com'] }],
      edgePools: [{ internalFqdn: 'edge.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: 'av.contoso.com' }],
      sipDomains: ['contoso.com'],
      owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com', imServerName: 'pool01.contoso.com', certificateThumbprint: '\u200E1a 31' },
      authConfig: { currentCertificateThumbprint: 'A33E4C629AE9553E186F93474E796D598B1F7424' },
      oauthTokenIssuerThumbprints: { 'fe1.contoso.com': 'A33E4C629AE9553E186F93474E796D598B1F7424' },
      trustedRoots: [PEM],
    });
    expect(errors).toEqual([]);
    expect(environment.exchangeServers![0]).toEqual({ fqdn: 'ex1.contoso.com', version: '2016', os: '2012R2', roles: ['Mailbox'], hostsSipNameDialPlan: true });
    expect(environment.sfbPools![0]!.version).toBe('SfB2015');
    // The pasted thumbprint is kept as is: the OWA IM rule reports the invisible character.
    expect(environment.owaIm!.certificateThumbprint).toBe('\u200E1a 31');
  });

  it('an empty object is a valid environment', () => {
    expect(validateEnvironment({})).toEqual({ environment: {}, errors: [], problems: [] });
  });

  it('names each bad field on one line', () => {
    const { errors } = validateEnvironment({
      exchangeServer: [],
      exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2017' }, { version: '2016' }, { fqdn: 'bad name' }],
      sipDomains: 'contoso.com',
      trustedRoots: ['-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----'],
    });
    expect(errors).toEqual([
      'exchangeServer is not a known field (known: $schema, name, exchangeServers, sfbPools, edgePools, sipDomains, smtpDomains, owaIm, authConfig, oauthTokenIssuerThumbprints, trustedRoots)',
      'exchangeServers[0].version must be one of 2010, 2010SP1, 2013, 2016, 2019, SE (got "2017")',
      'exchangeServers[1].fqdn is required',
      'exchangeServers[2].fqdn must be a host name such as ex1.contoso.com (got "bad name")',
      'sipDomains must be a list (got string "contoso.com")',
      'trustedRoots[0] must be a PEM certificate (-----BEGIN CERTIFICATE-----)',
    ]);
    for (const e of errors) expect(e).not.toMatch(/\n/);
  });

  it('refuses a key in trustedRoots', () => {
    const { errors } = validateEnvironment({ trustedRoots: [PEM + '-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----'] });
    expect(errors[0]).toMatch(/private key/);
  });

  it('parseEnvironment throws one InputError line naming the file', () => {
    expect(() => parseEnvironment('{ nope', 'env.json')).toThrow(InputError);
    expect(() => parseEnvironment('{ nope', 'env.json')).toThrow(/^env\.json is not valid JSON/);
    expect(() => parseEnvironment('[]', 'env.json')).toThrow('env.json: The environment must be an object.');
    expect(() => parseEnvironment('{"sipDomains": 1, "owaIm": 2}', 'env.json')).toThrow(/^env\.json: sipDomains must be a list .* \(and 1 more problem\)\.$/);
    expect(parseEnvironment('\uFEFF{"sipDomains": ["contoso.com"]}', 'env.json')).toEqual({ sipDomains: ['contoso.com'] });
  });
});
