// Get-ExchangeCertificate's default table: Services letters (7 or 6 positions), no Services
// column through remote PowerShell, an empty table, truncated subjects.
import { describe, expect, it } from 'vitest';
import { byThumbprint, certificates, importSample, importText, warnings } from './support.js';

describe('the default table', () => {
  const r = importSample('table-7-en.txt');

  it('reads thumbprints and the 7-letter Services column (IPUWSFC)', () => {
    expect(certificates(r).map((c) => [c.thumbprint, c.services])).toEqual([
      ['3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901', ['IMAP', 'POP', 'IIS', 'SMTP']],
      ['A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', ['SMTP']],
      ['7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90A1', ['UM', 'UMCallRouter']],
      ['9A8B7C6D5E4F30211203F4E5D6C7B8A99A8B7C6D', ['Federation']],
      ['0C1D2E3F405162738495A6B7C8D9EAFB0C1D2E3F', []],
    ]);
  });

  it('takes the server from the prompt line and keeps truncated subjects as printed, counted', () => {
    expect(certificates(r).every((c) => c.server === 'ex1.fabrikam.example')).toBe(true);
    expect(byThumbprint(r, '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901').subject).toBe('CN=mail.fabrikam.example, O=Fabrikam, L=Leeds, S...');
    expect(byThumbprint(r, '9A8B7C6D5E4F30211203F4E5D6C7B8A99A8B7C6D').subject).toBe('CN=Fede');
    expect(r.understood).toEqual([
      {
        source: 'table-7-en.txt',
        format: 'exchange-certificate-table',
        summary: 'Get-ExchangeCertificate on ex1.fabrikam.example (server from the prompt line): 5 certificates, services known, 1 subject cut short',
      },
    ]);
  });

  it('reads the 6-letter form too', () => {
    const six = importSample('table-6.txt', { server: 'EX1' });
    expect(certificates(six).map((c) => c.services)).toEqual([
      ['IMAP', 'POP', 'IIS', 'SMTP'],
      ['SMTP', 'Federation'],
    ]);
  });

  it('remote PowerShell (no Services column): services null, said to be unknown', () => {
    const remote = importSample('table-remote.txt');
    expect(certificates(remote).map((c) => c.services)).toEqual([null, null]);
    expect(certificates(remote).map((c) => c.server)).toEqual(['EX3', 'EX3']);
    expect(remote.understood[0]!.summary).toMatch(/services unknown \(no Services column/);
  });

  it('an empty table (header only): no certificates and a warning pointing at the Auth certificate', () => {
    const empty = importSample('table-empty.txt');
    expect(certificates(empty)).toEqual([]);
    expect(empty.understood[0]!.summary).toMatch(/no certificates \(the table has a header and no rows\)/);
    expect(warnings(empty).some((w) => /header but no certificates.*Auth certificate/.test(w))).toBe(true);
  });

  it('masked thumbprints in a table: null, a warning', () => {
    const masked = importText('Thumbprint  Services  Subject\n----------  --------  -------\n***  IP.WS..  CN=mail.fabrikam.example\nxxxxxxxxxxxxxxxxxxxx  ....S..  CN=Microsoft Exchange Server Auth Certificate\n', { server: 'EX1' });
    expect(certificates(masked).map((c) => [c.thumbprint, c.services])).toEqual([
      [null, ['IMAP', 'POP', 'IIS', 'SMTP']],
      [null, ['SMTP']],
    ]);
    expect(warnings(masked).some((w) => /2 thumbprints are masked/.test(w))).toBe(true);
  });

  it('a row whose Services column is damaged is named, not guessed', () => {
    const bad = importText('Thumbprint  Services  Subject\n3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901  IP?WS..  CN=x\n', { server: 'EX1' });
    expect(certificates(bad)).toEqual([]);
    expect(warnings(bad).some((w) => /line 2: a table row was not read: "IP\?WS\.\." is not a Services column/.test(w))).toBe(true);
  });

  it('a table and a Format-List of the same server merge into one entry per certificate', () => {
    const text = `[PS] C:\\>Get-ExchangeCertificate -Server EX1\n\n${importTextTable()}\n\n[PS] C:\\>Get-ExchangeCertificate -Server EX1 | fl Thumbprint,NotAfter,HasPrivateKey\n\nThumbprint    : 3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901\nNotAfter      : 2027-02-03 11:59:59\nHasPrivateKey : True\n`;
    const merged = importText(text);
    expect(certificates(merged)).toHaveLength(1);
    expect(certificates(merged)[0]).toMatchObject({ services: ['IIS'], hasPrivateKey: true, notAfter: '2027-02-03T11:59:59Z', subject: 'CN=mail.fabrikam.example' });
  });
});

function importTextTable(): string {
  return 'Thumbprint                                Services   Subject\n----------                                --------   -------\n3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901  ...W...    CN=mail.fabrikam.example';
}

describe('table rows as forums mark them', () => {
  it('"* " row markers, "<==" comments and markdown bold around a row are dropped', () => {
    const text = [
      'Thumbprint                                Services   Subject',
      '----------                                --------   -------',
      '* 3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901  IP.WS..    CN=mail.fabrikam.example   <== the new one',
      '**A1B2C3D4E5F60718293A4B5C6D7E8F9012345678  ....S..    CN=Microsoft Exchange Server Auth Certificate**',
    ].join('\n');
    const r = importText(text, { server: 'EX1' });
    expect(certificates(r).map((c) => [c.thumbprint, c.services, c.subject])).toEqual([
      ['3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901', ['IMAP', 'POP', 'IIS', 'SMTP'], 'CN=mail.fabrikam.example'],
      ['A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', ['SMTP'], 'CN=Microsoft Exchange Server Auth Certificate'],
    ]);
  });
});

describe('Format-Table -Wrap and narrow consoles', () => {
  it('a Subject wrapped onto the next line joins its row; a thumbprint cut short is treated as masked', () => {
    const text = [
      'Thumbprint                                Services   Subject',
      '----------                                --------   -------',
      '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901  IP.WS..    CN=mail.fabrikam.example, OU=Messaging,',
      '                                                     O=Fabrikam, L=Leeds, C=GB',
      '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E...     ....S..    CN=Microsoft Exchange Server Auth Certificate',
    ].join('\n');
    const r = importText(text, { server: 'EX1' });
    expect(certificates(r).map((c) => [c.thumbprint, c.subject])).toEqual([
      ['3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901', 'CN=mail.fabrikam.example, OU=Messaging, O=Fabrikam, L=Leeds, C=GB'],
      [null, 'CN=Microsoft Exchange Server Auth Certificate'],
    ]);
    expect(warnings(r).some((w) => /1 thumbprint is masked or cut short/.test(w))).toBe(true);
  });
});

describe('tables that went through HTML mail', () => {
  it('no-break spaces and a rule of en dashes', () => {
    const text = [
      'Thumbprint\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 Services\u00a0\u00a0 Subject',
      '\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013 \u2013\u2013\u2013\u2013\u2013\u2013\u2013\u2013 \u2013\u2013\u2013\u2013\u2013\u2013\u2013',
      '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901\u00a0\u00a0IP.WS..\u00a0\u00a0\u00a0 CN=mail.fabrikam.example',
    ].join('\n');
    const r = importText(text, { server: 'EX1' });
    expect(certificates(r).map((c) => [c.thumbprint, c.services, c.subject])).toEqual([['3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901', ['IMAP', 'POP', 'IIS', 'SMTP'], 'CN=mail.fabrikam.example']]);
  });
});
