// Issue 16 item 3: the OWA IM server-side request names the Exchange server, never the trusted
// application pool, and says how the certificate reaches every server used for OWA (IM-04: one
// IM thumbprint for all of them on Exchange 2016/2019).
import { describe, expect, it } from 'vitest';
import { draftFor } from '../../shared/csr/draft.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import type { Environment } from '../../shared/environment/types.js';
import { psFacts } from '../collector/psAst.js';

const oneServer: Environment = {
  exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] }],
  owaIm: { trustedApplicationPoolFqdn: 'mail.contoso.com' },
};
const twoServers: Environment = {
  ...oneServer,
  exchangeServers: [...oneServer.exchangeServers!, { fqdn: 'ex2.contoso.com', version: '2016', roles: ['Mailbox'] }],
};

function requestCommand(script: string) {
  return psFacts(script).commands.find((c) => c.name === 'New-ExchangeCertificate');
}

describe('the OWA IM request script', () => {
  it('runs New-ExchangeCertificate -GenerateRequest on the Exchange server, with the pool name only in the subject', () => {
    for (const given of [undefined, 'mail.contoso.com']) {
      const script = serverSideRequestScript(draftFor('owa-im', oneServer, given));
      const cmd = requestCommand(script)!;
      expect(cmd.elements).toContain('-GenerateRequest');
      expect(cmd.elements[cmd.elements.indexOf('-Server') + 1]).toBe("'ex1.contoso.com'");
      expect(cmd.elements[cmd.elements.indexOf('-SubjectName') + 1]).toBe("'CN=mail.contoso.com'");
    }
  });

  it('with several servers names none of them and says where to run it', () => {
    const script = serverSideRequestScript(draftFor('owa-im', twoServers));
    expect(requestCommand(script)!.elements).not.toContain('-Server');
    expect(script).toContain('# Run this on the Exchange server OWA runs on: mail.contoso.com is the pool name in the subject, not the server');
  });

  it('says the certificate must reach every server used for OWA, and how, by the key it makes', () => {
    const draft = draftFor('owa-im', twoServers);
    expect(serverSideRequestScript({ ...draft, exportable: false })).toMatch(/# this key is not exportable, so with more than one such server choose an exportable key/);
    expect(serverSideRequestScript({ ...draft, exportable: true })).toMatch(/Export-ExchangeCertificate \/ Import-ExchangeCertificate\) to the other servers/);
  });
});
