// certutil -store my / -dump: thumbprints from Cert Hash(sha1) in both forms, the key provider.
import { describe, expect, it } from 'vitest';
import { byThumbprint, certificates, importSample, importText, sample } from './support.js';

describe('certutil -store my', () => {
  const r = importSample('certutil-store-my.txt', { server: 'ex1.fabrikam.example', locale: 'en-US' });

  it('gives the key provider per thumbprint (plain hex and spaced pairs)', () => {
    expect(certificates(r).map((c) => [c.thumbprint, c.keyProvider])).toEqual([
      ['3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901', 'Microsoft Software Key Storage Provider'],
      ['A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', 'Microsoft RSA SChannel Cryptographic Provider'],
      ['0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F', undefined],
    ]);
  });

  it('reads the key lines, self-signed markers and short dates without seconds', () => {
    const ksp = byThumbprint(r, '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901');
    expect(ksp).toMatchObject({ privateKeyExportable: false, hasPrivateKey: true, isSelfSigned: false, notAfter: '2027-02-03T11:59:00Z', services: null });
    expect(byThumbprint(r, 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678').isSelfSigned).toBe(true);
    expect(byThumbprint(r, '0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F').hasPrivateKey).toBe(false);
    expect(r.understood[0]).toMatchObject({ format: 'certutil', summary: expect.stringMatching(/^certutil on ex1\.fabrikam\.example \(server as given\): 3 certificates, key provider for 2; dates read as month\/day \(en-US\)/) });
  });

  it('joins the Format-List of the same server: services from one, provider from the other', () => {
    const fl = `Thumbprint : 3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901\nServices : IIS, SMTP\nIdentity : ex1.fabrikam.example\\3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901\n`;
    const both = importText(fl + '\n\n' + sample('certutil-store-my.txt'), { locale: 'en-US' });
    const c = certificates(both).filter((x) => x.thumbprint === '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901');
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ server: 'ex1.fabrikam.example', services: ['IIS', 'SMTP'], keyProvider: 'Microsoft Software Key Storage Provider' });
  });
});

describe('certutil -dump', () => {
  it('reads the multi-line Issuer/Subject, DNS names and the sha1 hash only', () => {
    const r = importSample('certutil-dump.txt', { server: 'EDGE1' });
    expect(certificates(r)).toHaveLength(1);
    expect(certificates(r)[0]).toMatchObject({
      thumbprint: '4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E',
      subject: 'CN=sip.fabrikam.example',
      issuer: 'CN=Fabrikam Issuing CA 2',
      dnsNames: ['sip.fabrikam.example', 'webconf.fabrikam.example'],
      notAfter: '2026-11-22T18:20:00Z',
    });
  });
});

