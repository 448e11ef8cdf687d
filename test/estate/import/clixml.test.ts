// Export-Clixml files: the real CSS-Exchange exports (MIT, test/data/css-exchange). Thumbprints
// are checked against `openssl x509 -fingerprint` of the RawData, not against our own reader.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectServerOutput, importServerOutput } from '../../../shared/estate/import/index.js';
import { CSS_EXCHANGE } from './support.js';

const files = readdirSync(CSS_EXCHANGE).filter((f) => f.endsWith('.xml'));
const read = (f: string) => readFileSync(join(CSS_EXCHANGE, f), 'utf8');
const file = (part: string) => files.find((f) => f.endsWith(part))!;

function opensslThumbprint(derBase64: string): string {
  const out = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha1'], { input: Buffer.from(derBase64, 'base64') }).toString();
  return out.split('=')[1]!.trim().replace(/:/g, '');
}

describe('CSS-Exchange Export-Clixml corpus', () => {
  it('has the files', () => {
    expect(files.length).toBe(14);
  });

  it('every file is recognised and gives no error', () => {
    for (const f of files) {
      const r = importServerOutput([{ name: f, text: read(f) }]);
      expect(r.notes.filter((n) => n.level === 'error'), f).toEqual([]);
      expect(r.understood.length, f).toBeGreaterThan(0);
      expect(detectServerOutput(read(f)), f).toMatch(/-clixml$/);
    }
  });

  for (const part of ['GetExchangeCertificate.xml', 'GetExchangeCertificateBroken.xml', 'GetExchangeCertificateMultipleMatches.xml', 'GetExchangeCertificateWithoutAuth.xml']) {
    it(`${part}: certificates with DER, openssl's thumbprint, services unknown (not guessed), server from PSComputerName`, () => {
      const names = files.filter((f) => f.endsWith(part));
      for (const f of names) {
        const r = importServerOutput([{ name: f, text: read(f) }]);
        const certs = r.snapshot.exchange!.certificates;
        expect(certs.length).toBeGreaterThan(0);
        for (const c of certs) {
          expect(c.der).toMatch(/^MII/);
          expect(c.thumbprint).toBe(opensslThumbprint(c.der!));
          expect(c.services).toBeNull();
          expect(c.server).toMatch(/\./);
          expect(c.notAfter).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        }
        expect(r.notes.some((n) => n.level === 'info' && /Services only inside a binary blob.*unknown \(not guessed\)/.test(n.message))).toBe(true);
        expect(r.understood[0]!.summary).toMatch(/server from PSComputerName\): \d+ certificates?, services unknown \(Export-Clixml keeps them only in a binary blob\)/);
      }
    });
  }

  it('E19 Get-ExchangeCertificate holds the Auth certificate that E19 Get-AuthConfig names', () => {
    const r = importServerOutput(
      ['E19__Exchange__GetExchangeCertificate.xml', 'E19__Exchange__GetAuthConfig.xml', 'E19__Exchange__GetExchangeServer.xml'].map((p) => ({ name: p, text: read(file(p)) })),
    );
    const ex = r.snapshot.exchange!;
    expect(ex.authConfig?.currentCertificateThumbprint).toBe('C3EDCF181EF4F9B53D01768ECA99564014BCA6E7');
    expect(ex.certificates.find((c) => c.thumbprint === 'C3EDCF181EF4F9B53D01768ECA99564014BCA6E7')?.subject).toMatch(/Microsoft Exchange Server Auth Certificate/);
    expect(ex.servers).toEqual([{ name: 'SOLO-E19A', fqdn: 'Solo-E19A.Solo.com', version: '2019', build: '15.2.986.5', roles: ['Mailbox'], site: 'Default-First-Site-Name' }]);
    // certificates from solo-e19a.solo.com are written with the server's FQDN as Get-ExchangeServer spells it
    expect(new Set(ex.certificates.map((c) => c.server))).toEqual(new Set(['Solo-E19A.Solo.com']));
  });

  it('Get-AuthConfig with a next certificate keeps its ISO effective date as is', () => {
    const r = importServerOutput([{ name: 'a.xml', text: read(file('Data__GetAuthConfig.xml')) }]);
    expect(r.snapshot.exchange?.authConfig).toEqual({
      currentCertificateThumbprint: 'E1BDF9AE58C93C75E76C9DD882138FB8FF0FA786',
      previousCertificateThumbprint: null,
      nextCertificateThumbprint: 'BC6BF924D6EF046E64F8D1987DC1D7D2F4C0042A',
      nextCertificateEffectiveDate: '2023-02-03T14:16:02+00:00',
    });
    expect(r.understood[0]!.summary).toMatch(/dates read as year-month-day/);
  });

  it('Get-SettingOverride (not OWA IM), Get-OwaVirtualDirectory (blank IM), Get-HybridConfiguration', () => {
    const so = importServerOutput([{ name: 's.xml', text: read(file('E19__Exchange__GetSettingOverride.xml')) }]);
    expect(so.understood[0]!.summary).toBe('Get-SettingOverride: 1 override, none for OWA IM');
    const owa = importServerOutput([{ name: 'o.xml', text: read(file('GetOwaVirtualDirectory.xml')) }]);
    expect(owa.understood[0]!.summary).toBe('Get-OwaVirtualDirectory on SOLO-E19A (server from Identity): no IM server or certificate set');
    const hybrid = importServerOutput([{ name: 'h.xml', text: read(file('GetHybridConfiguration.xml')) }]);
    expect(hybrid.snapshot.exchange?.hybrid?.tlsCertificateName).toBe('<I>CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US<S>CN=mail.contoso.com');
  });

  it('a damaged export is one error note naming the file', () => {
    const text = read(file('E19__Exchange__GetAuthConfig.xml'));
    const r = importServerOutput([{ name: 'cut.xml', text: text.slice(0, text.length / 2) }]);
    expect(r.notes).toEqual([expect.objectContaining({ level: 'error', code: 'unreadable', message: expect.stringMatching(/^cut\.xml is an Export-Clixml file whose XML is damaged \(line \d+/) })]);
  });
});
