// Get-ExchangeCertificate | Format-List pastes: fields, services, server origin, dates, and the
// mess that e-mail and forums make of them.
import { describe, expect, it } from 'vitest';
import { byThumbprint, certificates, importSample, importText, sample, warnings } from './support.js';

const WEB = '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901';
const AUTH = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';
const WMSVC = '0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F';

describe('Get-ExchangeCertificate | fl, three certificates, en-GB dates', () => {
  const result = importSample('ex1-fl-en-GB.txt', { locale: 'en-GB' });

  it('reads every certificate with its thumbprint, services and server', () => {
    expect(certificates(result).map((c) => c.thumbprint)).toEqual([WEB, AUTH, WMSVC]);
    expect(byThumbprint(result, WEB).services).toEqual(['IMAP', 'POP', 'IIS', 'SMTP']);
    expect(byThumbprint(result, AUTH).services).toEqual(['SMTP']);
    expect(byThumbprint(result, WMSVC).services).toEqual([]); // "None"
    expect(certificates(result).every((c) => c.server === 'EX1')).toBe(true);
    expect(result.snapshot.exchange?.servers).toEqual([{ name: 'EX1', fqdn: 'EX1' }]);
  });

  it('reads the dates day/month and says so, with the missing offset noted', () => {
    expect(byThumbprint(result, WEB).notAfter).toBe('2027-02-03T11:59:59Z');
    expect(byThumbprint(result, WEB).notBefore).toBe('2026-02-04T00:00:00Z');
    expect(byThumbprint(result, WMSVC).notAfter).toBe('2034-01-07T10:20:00Z');
    expect(result.understood).toEqual([
      {
        source: 'ex1-fl-en-GB.txt',
        format: 'exchange-certificate-list',
        summary: 'Get-ExchangeCertificate on EX1 (server from the prompt line): 3 certificates, services known; dates read as day/month (en-GB)',
      },
    ]);
    expect(result.notes.some((n) => n.level === 'info' && /no time zone.*UTC/.test(n.message))).toBe(true);
  });

  it('keeps the text fields: domains, key, status, root type, issuer, key size, self-signed', () => {
    const web = byThumbprint(result, WEB);
    expect(web).toMatchObject({
      dnsNames: ['mail.fabrikam.example', 'autodiscover.fabrikam.example', 'owa.fabrikam.example'],
      hasPrivateKey: true,
      isSelfSigned: false,
      status: 'Valid',
      rootCAType: 'Enterprise',
      issuer: 'CN=Fabrikam Issuing CA 2, DC=fabrikam, DC=example',
      publicKeySize: 2048,
      subject: 'CN=mail.fabrikam.example, O=Fabrikam, L=Leeds, C=GB',
    });
    expect(web.der).toBeUndefined();
    expect(byThumbprint(result, AUTH).dnsNames).toBeUndefined(); // {}
  });

  it('the same paste read as en-US gives other dates (the locale is really used)', () => {
    const us = importSample('ex1-fl-en-GB.txt', { locale: 'en-US' });
    expect(byThumbprint(us, WEB).notAfter).toBe('2027-03-02T11:59:59Z');
  });

  it('without a locale the ambiguous dates are left out, with a warning — never guessed', () => {
    const r = importSample('ex1-fl-en-GB.txt');
    expect(byThumbprint(r, WEB).notAfter).toBeUndefined();
    expect(byThumbprint(r, WEB).notBefore).toBeUndefined();
    const note = r.notes.find((n) => n.code === 'dates-ambiguous');
    expect(note?.level).toBe('warn');
    expect(note?.message).toMatch(/6 dates .*day\/month or month\/day/);
    expect(r.understood[0]!.summary).toMatch(/dates ambiguous/);
  });

  it('a known certificate (an open file) settles the order', () => {
    const r = importSample('ex1-fl-en-GB.txt', { knownCertificates: [{ thumbprint: WEB, notBefore: '2026-02-04T00:00:00Z', notAfter: '2027-02-03T11:59:59Z' }] });
    expect(byThumbprint(r, WEB).notAfter).toBe('2027-02-03T11:59:59Z');
    expect(byThumbprint(r, AUTH).notAfter).toBe('2029-10-09T08:15:30Z');
    expect(r.understood[0]!.summary).toMatch(/day\/month \(it matches an open certificate/);
  });

  it('--server style option: the same machine written longer wins over the prompt line', () => {
    const r = importSample('ex1-fl-en-GB.txt', { locale: 'en-GB', server: 'ex1.fabrikam.example' });
    expect(certificates(r).every((c) => c.server === 'ex1.fabrikam.example')).toBe(true);
    expect(r.understood[0]!.summary).toMatch(/on ex1\.fabrikam\.example \(server as given\)/);
  });

  it('a given server that differs from the text: the text wins, with a warning', () => {
    const r = importSample('ex1-fl-en-GB.txt', { locale: 'en-GB', server: 'ex9.fabrikam.example' });
    expect(certificates(r).every((c) => c.server === 'EX1')).toBe(true);
    expect(warnings(r).some((w) => /names server EX1 .* ex9\.fabrikam\.example was given/.test(w))).toBe(true);
  });
});

describe('server from Identity, en-US dates settled by a day above 12', () => {
  const result = importSample('ex2-fl-identity-en-US.txt');
  it('takes the server from Identity and says so', () => {
    expect(certificates(result).every((c) => c.server === 'EX2')).toBe(true);
    expect(result.understood[0]!.summary).toMatch(/^Get-ExchangeCertificate on EX2 \(server from Identity\): 2 certificates, services known; dates read as month\/day \("11\/28\/2025 12:23:07 AM" has a day above 12\)/);
  });
  it('a locale given for other files that does not fit this one: the text wins, with a warning', () => {
    const r = importSample('ex2-fl-identity-en-US.txt', { locale: 'en-GB' });
    expect(byThumbprint(r, WEB).notAfter).toBe('2027-02-03T11:59:59Z');
    expect(warnings(r).some((w) => /"11\/28\/2025 12:23:07 AM" is not a date in en-GB.*read as month\/day/.test(w))).toBe(true);
  });

  it('reads 12-hour times (12 AM is midnight)', () => {
    expect(byThumbprint(result, WEB).notBefore).toBe('2026-02-04T00:00:00Z');
    expect(byThumbprint(result, WEB).notAfter).toBe('2027-02-03T11:59:59Z');
    expect(byThumbprint(result, '5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F80').notAfter).toBe('2030-11-28T00:23:07Z');
  });
});

describe('NotBefore < NotAfter settles day/month', () => {
  it('only day/month puts NotBefore first', () => {
    const text = 'NotAfter   : 01/12/2026 10:00:00\nNotBefore  : 10/01/2026 10:00:00\nThumbprint : ' + WEB + '\nServices   : IIS\n';
    // d/m: 10 Jan → 1 Dec 2026 (ok); m/d: 1 Oct → 12 Jan 2026 (NotBefore after NotAfter) → day/month.
    const r = importText(text, { server: 'EX1' });
    expect(byThumbprint(r, WEB).notAfter).toBe('2026-12-01T10:00:00Z');
    expect(r.understood[0]!.summary).toMatch(/day\/month \(only that reading puts NotBefore before NotAfter\)/);
  });

  it('dates that contradict each other are left out with an error note', () => {
    const text = `NotAfter : 13/01/2027 10:00:00\nNotBefore : 01/13/2026 10:00:00\nThumbprint : ${WEB}\nServices : IIS\n`;
    const r = importText(text, { server: 'EX1' });
    expect(r.notes.some((n) => n.level === 'error' && /contradict/.test(n.message))).toBe(true);
    // each of these has only one calendar reading, so both stay
    expect(byThumbprint(r, WEB).notAfter).toBe('2027-01-13T10:00:00Z');
  });
});

describe('messy pastes', () => {
  it('masked thumbprints, markdown, collapsed padding, double spacing, wrapped lists, <== comments, trailing spaces', () => {
    const r = importSample('masked-messy.txt');
    const certs = certificates(r);
    expect(certs).toHaveLength(2);
    expect(certs.map((c) => c.thumbprint)).toEqual([null, null]);
    expect(certs[0]!.services).toEqual(['IIS', 'SMTP']);
    expect(certs[0]!.dnsNames).toEqual(['mail.fabrikam.example', 'autodiscover.fabrikam.example', 'owa.fabrikam.example']);
    expect(certs[0]!.subject).toBe('CN=mail.fabrikam.example, O=Fabrikam, L=...');
    expect(certs[1]!.services).toEqual(['SMTP']);
    expect(certs[1]!.notAfter).toBe('2031-01-06T10:00:00Z'); // day/month from 14/05/2026 elsewhere
    expect(warnings(r).some((w) => /2 thumbprints are masked/.test(w))).toBe(true);
    expect(r.understood[0]!.summary).toMatch(/2 certificates, services known, 2 masked, 1 subject cut short/);
  });

  it('masked certificates are never merged with each other or anything else', () => {
    const r = importText(sample('masked-messy.txt') + '\n\n' + sample('masked-messy.txt'), { server: 'EX1' });
    expect(certificates(r)).toHaveLength(4);
  });

  it('continuation lines that lost their indentation still join the value', () => {
    const text = [
      'AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule,',
      'System.Security.AccessControl.CryptoKeyAccessRule}',
      'CertificateDomains : {a.fabrikam.example, b.fabrikam.example, c.fabr',
      'ikam.example}',
      `Thumbprint         : ${WEB}`,
      'Services           : IIS',
    ].join('\n');
    const r = importText(text, { server: 'EX1' });
    expect(byThumbprint(r, WEB).dnsNames).toEqual(['a.fabrikam.example', 'b.fabrikam.example', 'c.fabrikam.example']);
  });

  it('objects with no blank line between them split at the repeated property', () => {
    const text = `Thumbprint : ${WEB}\nServices : IIS\nThumbprint : ${AUTH}\nServices : SMTP\n`;
    const r = importText(text, { server: 'EX1' });
    expect(certificates(r).map((c) => [c.thumbprint, c.services])).toEqual([
      [WEB, ['IIS']],
      [AUTH, ['SMTP']],
    ]);
  });

  it('8-space indentation (comment-based help), CRLF, a BOM and prompt lines in several styles', () => {
    const body = `        Thumbprint : ${WEB.toLowerCase()}\r\n        Services   : IMAP, POP\r\n`;
    for (const prompt of ['[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX7 | fl', 'PS C:\\> Get-ExchangeCertificate -Server:EX7 | Format-List', "[ex7.fabrikam.example]: PS C:\\> Get-ExchangeCertificate -Server 'EX7'"]) {
      const r = importText('\uFEFF' + prompt + '\r\n' + body);
      expect(byThumbprint(r, WEB).server).toBe('EX7');
      expect(byThumbprint(r, WEB).services).toEqual(['IMAP', 'POP']);
    }
  });

  it('a thumbprint with a U+200E mark and spaces (copied from the certificate dialog) is read', () => {
    const spaced = '\u200e' + WEB.replace(/(..)(?!$)/g, '$1 ').toLowerCase();
    const r = importText(`Thumbprint : ${spaced}\nServices : IIS\n`, { server: 'EX1' });
    expect(certificates(r)[0]!.thumbprint).toBe(WEB);
  });

  it('an unknown service name is ignored with a warning', () => {
    const r = importText(`Thumbprint : ${WEB}\nServices : IIS, Teleport\n`, { server: 'EX1' });
    expect(byThumbprint(r, WEB).services).toEqual(['IIS']);
    expect(warnings(r).some((w) => /"Teleport" in Services/.test(w))).toBe(true);
  });

  it('a paste with no server says so', () => {
    const r = importText(`Thumbprint : ${WEB}\nServices : IIS\n`);
    expect(byThumbprint(r, WEB).server).toBe('');
    expect(r.notes.some((n) => n.code === 'server-unknown')).toBe(true);
  });
});

describe('dotted dates', () => {
  it('ru-RU 02.02.2028 4:22:23 reads as day.month.year and says why', () => {
    const r = importSample('dotted-ru.txt');
    expect(byThumbprint(r, WEB).notAfter).toBe('2028-02-02T04:22:23Z');
    expect(byThumbprint(r, WEB).notBefore).toBe('2026-02-03T04:22:23Z');
    expect(r.understood[0]!.summary).toMatch(/day\/month \(dotted dates are day\.month\.year\)/);
  });
  it('de-DE 2.12.2026 14:05:00 with the locale', () => {
    const r = importText(`Thumbprint : ${WEB}\nNotAfter : 2.12.2026 14:05:00\n`, { server: 'EX1', locale: 'de-DE' });
    expect(byThumbprint(r, WEB).notAfter).toBe('2026-12-02T14:05:00Z');
  });
});

describe('fl * (every property)', () => {
  it('reads the extra properties and ignores the object-type ones; en-AU dates settled by a day above 12', () => {
    const r = importSample('fl-star-en-AU.txt');
    const c = byThumbprint(r, '7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90A1');
    expect(c).toMatchObject({
      server: 'EX5.fabrikam.example',
      services: ['UM', 'UMCallRouter'],
      friendlyName: 'UM 2026',
      privateKeyExportable: true,
      notAfter: '2028-02-12T13:53:00Z',
      notBefore: '2026-02-13T13:53:00Z',
      dnsNames: ['um.fabrikam.example', 'ex5.fabrikam.example'],
    });
    expect(c.der).toBeUndefined(); // RawData printed as "{48, 130, …}" is not the certificate
    expect(r.understood[0]!.summary).toMatch(/on EX5\.fabrikam\.example \(server from Identity\)/);
  });
});
