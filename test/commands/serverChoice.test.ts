// Issue 16 items 2 and 3: the environment's server for a role is used (UM without the UM role
// listed; several servers offered), and the OWA IM request runs on the Exchange server, never on
// the pool name.
import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../shared/commands/commandsFor.js';
import { resolveOptions } from '../../shared/commands/options.js';
import { draftFor } from '../../shared/csr/draft.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import { roleServers } from '../../shared/environment/roleServers.js';
import type { Environment } from '../../shared/environment/types.js';

const oneServerNoUmRole: Environment = { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] }] };
const twoServers: Environment = {
  exchangeServers: [
    { fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] },
    { fqdn: 'ex2.contoso.com', version: '2016', roles: ['Mailbox'] },
    { fqdn: 'edge1.contoso.com', version: '2016', roles: ['EdgeTransport'] },
  ],
};
const owaEnv: Environment = {
  exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] }],
  owaIm: { trustedApplicationPoolFqdn: 'mail.contoso.com' },
  sfbPools: [{ fqdn: 'pool.contoso.com', version: 'SfB2015' }],
};

describe('the environment server for a role', () => {
  it('UM uses the only Exchange server even when its roles do not say UM', () => {
    expect(resolveOptions({ role: 'exchange-um', environment: oneServerNoUmRole }).server).toBe('ex1.contoso.com');
    const script = commandsFor({ role: 'exchange-um', environment: oneServerNoUmRole });
    expect(script).toContain("$server = 'ex1.contoso.com'");
    expect(script).not.toContain('$server = $null');
  });

  it('offers every matching server when there are several, and picks none by itself', () => {
    expect(roleServers('exchange-um', twoServers).map((s) => s.fqdn)).toEqual(['ex1.contoso.com', 'ex2.contoso.com']);
    expect(roleServers('exchange-auth', twoServers).map((s) => s.fqdn)).not.toContain('edge1.contoso.com');
    expect(resolveOptions({ role: 'exchange-um', environment: twoServers }).server).toBeUndefined();
  });

  it('UM prefers the servers whose roles say UM; Exchange 2019 is never offered for UM', () => {
    const env: Environment = {
      exchangeServers: [
        { fqdn: 'ex19.contoso.com', version: '2019', roles: ['Mailbox'] },
        { fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] },
        { fqdn: 'um.contoso.com', version: '2013', roles: ['UM'] },
      ],
    };
    expect(roleServers('exchange-um', env).map((s) => s.fqdn)).toEqual(['um.contoso.com']);
    expect(roleServers('exchange-um', { exchangeServers: env.exchangeServers!.slice(0, 2) }).map((s) => s.fqdn)).toEqual(['ex1.contoso.com']);
  });

  it('UM also offers the Exchange 2013 Client Access servers that run the UM Call Router (each gets its own certificate), after the UM servers', () => {
    const env: Environment = {
      exchangeServers: [
        { fqdn: 'cas1.contoso.com', version: '2013', roles: ['ClientAccess', 'UMCallRouter'] },
        { fqdn: 'mbx1.contoso.com', version: '2013', roles: ['Mailbox', 'UM'] },
      ],
    };
    expect(roleServers('exchange-um', env)).toEqual([
      { fqdn: 'mbx1.contoso.com', why: 'has the UM role' },
      { fqdn: 'cas1.contoso.com', why: 'has the UM Call Router role' },
    ]);
    expect(resolveOptions({ role: 'exchange-um', environment: env }).server).toBe('mbx1.contoso.com');
  });
});

describe('the OWA IM request script', () => {
  it('targets the Exchange server, not the pool name typed as the name the certificate is for', () => {
    const draft = draftFor('owa-im', owaEnv, 'mail.contoso.com');
    expect(draft.commonName).toBe('mail.contoso.com');
    const script = serverSideRequestScript(draft);
    expect(script).toContain("-Server 'ex1.contoso.com'");
    expect(script).not.toContain("-Server 'mail.contoso.com'");
  });

  it('names no server when the environment has several, and says where to run it', () => {
    const env: Environment = { ...owaEnv, exchangeServers: twoServers.exchangeServers };
    const script = serverSideRequestScript(draftFor('owa-im', env));
    expect(script).not.toMatch(/-Server '/);
    expect(script).toContain('mail.contoso.com is the pool name in the subject, not the server');
  });

  it('keeps a given name that is an Exchange server', () => {
    expect(serverSideRequestScript(draftFor('owa-im', owaEnv, 'ex1.contoso.com'))).toContain("-Server 'ex1.contoso.com'");
  });
});
