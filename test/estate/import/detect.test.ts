// detectServerOutput: what the paste box asks on every paste — server output or not, and which.
import { describe, expect, it } from 'vitest';
import { detectServerOutput } from '../../../shared/estate/import/index.js';
import { sample } from './support.js';

describe('detectServerOutput', () => {
  it.each([
    ['table-7-en.txt', 'exchange-certificate-table'],
    ['table-remote.txt', 'exchange-certificate-table'],
    ['table-empty.txt', 'exchange-certificate-table'],
    ['ex1-fl-en-GB.txt', 'exchange-certificate-list'],
    ['masked-messy.txt', 'exchange-certificate-list'],
    ['authconfig.txt', 'auth-config-list'],
    ['settingoverride.txt', 'setting-override-list'],
    ['owavd-2010.txt', 'owa-virtual-directory-list'],
    ['exchangeserver.txt', 'exchange-server-list'],
    ['cscertificate.txt', 'cs-certificate-list'],
    ['certutil-store-my.txt', 'certutil'],
    ['certutil-dump.txt', 'certutil'],
  ])('%s → %s', (file, format) => {
    expect(detectServerOutput(sample(file))).toBe(format);
  });

  it.each([
    ['a bare thumbprint', '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901'],
    ['a spaced thumbprint from the dialog', '\u200e3f 2a 9c 0d 5b 7e 41 a8 c6 d2 e0 f1 93 b4 a5 c6 d7 e8 f9 01'],
    ['a PEM certificate', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
    ['a snapshot', '{"format":"certbench-snapshot","version":1,"collectedAt":"2026-12-01T10:00:00Z"}'],
    ['prose', 'Subject: certificate renewal\nHi, the OWA certificate expires on Friday.'],
    ['an empty paste', ''],
    ['a lone Thumbprint line', 'Thumbprint : 3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901'],
  ])('%s → null', (_, text) => {
    expect(detectServerOutput(text)).toBeNull();
  });
});
