// Get-AuthConfig, Get-SettingOverride, Get-OwaVirtualDirectory | fl *Instant*,
// Get-ExchangeServer, Get-CsCertificate pasted as Format-List.
import { describe, expect, it } from 'vitest';
import { exchangeVersion } from '../../../shared/estate/import/records/exchangeServer.js';
import { importSample, importText, warnings } from './support.js';

describe('Get-AuthConfig', () => {
  it('reads the current thumbprint; empty previous/next are null', () => {
    const r = importSample('authconfig.txt');
    expect(r.snapshot.exchange?.authConfig).toEqual({
      currentCertificateThumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
      previousCertificateThumbprint: null,
      nextCertificateThumbprint: null,
      nextCertificateEffectiveDate: null,
    });
    expect(r.understood).toEqual([{ source: 'authconfig.txt', format: 'auth-config-list', summary: 'Get-AuthConfig: current A1B2C3D4…, next none, previous none' }]);
  });

  it('a staged next certificate with its effective date (locale-dependent text)', () => {
    const text = 'CurrentCertificateThumbprint  : A1B2C3D4E5F60718293A4B5C6D7E8F9012345678\nNextCertificateThumbprint     : 0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F\nNextCertificateEffectiveDate  : 3/20/2027 2:16:02 PM\n';
    expect(importText(text).snapshot.exchange?.authConfig?.nextCertificateEffectiveDate).toBe('2027-03-20T14:16:02Z');
  });

  it('a masked current thumbprint is null with a warning', () => {
    const r = importText('CurrentCertificateThumbprint  : ****\nPreviousCertificateThumbprint :\n');
    expect(r.snapshot.exchange?.authConfig?.currentCertificateThumbprint).toBeNull();
    expect(warnings(r).some((w) => /CurrentCertificateThumbprint is masked/.test(w))).toBe(true);
  });
});

describe('Get-SettingOverride', () => {
  it('takes the OwaServer/IMSettings override (organisation-wide) and skips others', () => {
    const r = importSample('settingoverride.txt');
    expect(r.snapshot.exchange?.owaIm).toEqual([
      { source: 'SettingOverride', server: null, imServerName: 'pool01.fabrikam.example', certificateThumbprint: '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901' },
    ]);
    expect(r.understood[0]!.summary).toBe('Get-SettingOverride: 2 overrides, OWA IM (whole organisation): IM server pool01.fabrikam.example, certificate 3F2A9C0D…');
  });

  it('a per-server override gives one entry per server; the thumbprint is kept exactly as configured', () => {
    const text = 'ComponentName : OwaServer\nSectionName   : IMSettings\nParameters    : {IMServerName=pool01.fabrikam.example, IMCertificateThumbprint=\u200e3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901}\nServer        : {EX1, EX2}\n';
    const owaIm = importText(text).snapshot.exchange?.owaIm;
    expect(owaIm?.map((o) => o.server)).toEqual(['EX1', 'EX2']);
    expect(owaIm?.[0]!.certificateThumbprint).toBe('\u200e3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901');
  });
});

describe('Get-OwaVirtualDirectory | fl *Instant*', () => {
  it('Exchange 2010 values, server from the prompt line', () => {
    const r = importSample('owavd-2010.txt');
    expect(r.snapshot.exchange?.owaIm).toEqual([
      { server: 'EX2010', source: 'OwaVirtualDirectory', imServerName: 'pool01.fabrikam.example', certificateThumbprint: '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901' },
    ]);
  });
  it('blank values (2013+) add nothing and say why', () => {
    const r = importText('Identity : EX1\\owa (Default Web Site)\nInstantMessagingCertificateThumbprint :\nInstantMessagingServerName :\nInstantMessagingEnabled : True\nInstantMessagingType : None\n');
    expect(r.snapshot.exchange?.owaIm).toBeUndefined();
    expect(r.understood[0]!.summary).toBe('Get-OwaVirtualDirectory on EX1 (server from Identity): no IM server or certificate set');
  });
});

describe('Get-ExchangeServer', () => {
  it('names, FQDNs, versions, roles and sites; certificates of short names are written with the FQDN', () => {
    const r = importServerOutputs();
    expect(r.snapshot.exchange?.servers).toEqual([
      { name: 'EX1', fqdn: 'ex1.fabrikam.example', version: 'SE', build: '15.2.2562.17', roles: ['Mailbox'], site: 'Leeds' },
      { name: 'EX2', fqdn: 'ex2.fabrikam.example', version: '2016', build: '15.1.2507.6', roles: ['Mailbox', 'ClientAccess'], site: 'Leeds' },
      { name: 'EX2010', fqdn: 'ex2010.fabrikam.example', version: '2010', build: '14.3.123.4', roles: ['ClientAccess', 'HubTransport'], site: 'York' },
    ]);
    expect(r.snapshot.exchange?.certificates.every((c) => c.server === 'ex1.fabrikam.example')).toBe(true);
  });

  it('maps AdminDisplayVersion to the product', () => {
    expect(exchangeVersion('Version 14.3 (Build 123.4)').version).toBe('2010');
    expect(exchangeVersion('Version 15.0 (Build 1497.2)').version).toBe('2013');
    expect(exchangeVersion('Version 15.1 (Build 2507.6)').version).toBe('2016');
    expect(exchangeVersion('Version 15.2 (Build 1748.10)')).toEqual({ version: '2019', build: '15.2.1748.10' });
    expect(exchangeVersion('Version 15.2 (Build 2561.99)').version).toBe('2019');
    expect(exchangeVersion('Version 15.2 (Build 2562.17)').version).toBe('SE');
    expect(exchangeVersion('garbage')).toEqual({});
  });
});

describe('Get-CsCertificate', () => {
  it('use, thumbprint, SANs (wrapped), effective date, previous thumbprint; computer as given', () => {
    const r = importSample('cscertificate.txt', { server: 'fe1.fabrikam.example' });
    const certs = r.snapshot.skype?.certificates ?? [];
    expect(certs.map((c) => [c.computer, c.use, c.thumbprint])).toEqual([
      ['fe1.fabrikam.example', 'Default', '6A7B8C9D0E1F2A3B4C5D6E7F8091A2B3C4D5E6F7'],
      ['fe1.fabrikam.example', 'OAuthTokenIssuer', '1B2C3D4E5F60718293A4B5C6D7E8F9011B2C3D4E'],
    ]);
    expect(certs[0]!.dnsNames).toEqual(['sip.fabrikam.example', 'fe1.fabrikam.example', 'pool01.fabrikam.example', 'meet.fabrikam.example', 'dialin.fabrikam.example']);
    expect(certs[0]!.effectiveDate).toBeNull();
    expect(certs[1]).toMatchObject({ effectiveDate: '2026-03-20T09:00:00Z', previousThumbprint: '0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D', notAfter: '2028-03-01T09:00:00Z' });
    expect(r.understood[0]!.summary).toMatch(/^Get-CsCertificate on fe1\.fabrikam\.example \(server as given\): 2 certificates \(Default, OAuthTokenIssuer\)/);
  });
});

describe('several commands in one paste', () => {
  it('each prompt line starts a new section, each object is recognised on its own', () => {
    const r = importServerOutputs();
    expect(r.understood.map((u) => u.format)).toEqual(['exchange-server-list', 'exchange-certificate-list', 'auth-config-list']);
    expect(r.snapshot.exchange?.authConfig?.currentCertificateThumbprint).toBe('A1B2C3D4E5F60718293A4B5C6D7E8F9012345678');
  });
});

describe('not server output', () => {
  it('plain prose is refused with one error naming the source', () => {
    const r = importText('Hello,\nplease find the certificates attached.\nRegards', {}, 'mail.txt');
    expect(r.understood).toEqual([]);
    expect(r.notes).toEqual([expect.objectContaining({ level: 'error', code: 'not-server-output', message: expect.stringMatching(/^mail\.txt is not output CertBench can read/) })]);
  });
  it('a snapshot or a certificate file is named as such', () => {
    expect(importText('{"format":"certbench-snapshot","version":1}', {}, 's.json').notes[0]!.message).toBe('s.json is a CertBench snapshot already, not server output: open it as a snapshot.');
    expect(importText('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', {}, 'c.pem').notes[0]!.message).toMatch(/^c\.pem is a certificate file, not server output/);
  });

  it('Get-CsCertificate | fl Thumbprint,Subject (no Use) is still a Lync certificate by its prompt line', () => {
    const r = importText('PS C:\\> Get-CsCertificate | fl Thumbprint,Subject\n\nThumbprint : 6A7B8C9D0E1F2A3B4C5D6E7F8091A2B3C4D5E6F7\nSubject    : CN=fe1.fabrikam.example\n', { server: 'fe1.fabrikam.example' });
    expect(r.snapshot.skype?.certificates.map((c) => [c.use, c.thumbprint])).toEqual([['Unknown', '6A7B8C9D0E1F2A3B4C5D6E7F8091A2B3C4D5E6F7']]);
    expect(r.snapshot.exchange).toBeUndefined();
  });

  it('an empty source', () => {
    expect(importText('  \n', {}, 'empty.txt').notes[0]).toMatchObject({ level: 'error', message: expect.stringMatching(/^empty\.txt is empty/) });
  });
});

import { sample } from './support.js';
import { importServerOutput } from '../../../shared/estate/import/index.js';
function importServerOutputs() {
  return importServerOutput([{ name: 'all.txt', text: [sample('exchangeserver.txt'), sample('ex1-fl-en-GB.txt'), sample('authconfig.txt')].join('\n') }], { locale: 'en-GB' });
}

describe('Get-ExchangeServer default table', () => {
  it('reads the columns under their dash runs; a cut-short site is left out', () => {
    const r = importSample('exchangeserver-table.txt');
    expect(r.snapshot.exchange?.servers).toEqual([
      { name: 'EX1', fqdn: 'EX1', version: '2019', build: '15.2.1748.10', roles: ['Mailbox'] },
      { name: 'EX2', fqdn: 'EX2', version: '2016', build: '15.1.2507.6', roles: ['Mailbox'] },
      { name: 'EDGE1', fqdn: 'EDGE1', version: '2019', build: '15.2.1748.10', roles: ['Edge'] },
    ]);
    expect(r.understood).toEqual([{ source: 'exchangeserver-table.txt', format: 'exchange-server-table', summary: 'Get-ExchangeServer: 3 servers: EX1 (2019, Mailbox), EX2 (2016, Mailbox), EDGE1 (2019, Edge)' }]);
  });
});
