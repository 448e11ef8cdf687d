// Reading, merging and deriving from snapshots: one-line errors naming the file and the field,
// newer minor fields ignored, a future major version refused; masked thumbprints are null;
// an Exchange and a Skype snapshot combine, the same organisation twice keeps the newer word
// per server; the derived environment is one the environment validator accepts.
import { describe, expect, it } from 'vitest';
import { estateBindings } from '../../shared/estate/bindings.js';
import { environmentFromSnapshot, exchangeVersionOf, windowsVersionOf } from '../../shared/estate/environment.js';
import { mergeSnapshots } from '../../shared/estate/merge.js';
import { parseSnapshot } from '../../shared/estate/readSnapshot.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { validateEnvironment } from '../../shared/environment/validate.js';
import { InputError } from '../../shared/x509/inputError.js';

const T1 = '1A31B7FE'.padEnd(40, '0');
const T2 = 'B2'.padEnd(40, '1');

function doc(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'certbench-snapshot',
    version: 1,
    collectedAt: '2026-12-01T10:00:00Z',
    organization: 'Contoso',
    exchange: {
      servers: [{ name: 'EX1', fqdn: 'ex1.contoso.com', version: '2016', build: '15.1.2507.6', roles: ['Mailbox'], os: 'Windows Server 2016' }],
      certificates: [{ server: 'ex1.contoso.com', thumbprint: T1.toLowerCase().replace(/(..)/g, '$1 '), services: ['IIS', 'SMTP'] }],
    },
    ...extra,
  };
}

function refused(text: string, file = 'contoso.json'): string {
  try {
    parseSnapshot(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('accepted');
}

describe('parseSnapshot', () => {
  it('reads a snapshot, normalising thumbprints and ignoring fields it does not know', () => {
    const s = parseSnapshot(JSON.stringify(doc({ newerSection: { x: 1 }, exchange: { ...(doc().exchange as object), futureField: true } })), 'contoso.json');
    expect(s.exchange!.certificates[0]!.thumbprint).toBe(T1);
    expect(s.exchange!.certificates[0]!.services).toEqual(['IIS', 'SMTP']);
    expect(s).not.toHaveProperty('newerSection');
  });

  it('turns masked thumbprints into null, never a match', () => {
    const d = doc();
    (d.exchange as { certificates: unknown[] }).certificates = [{ server: 'ex1', thumbprint: '***', services: 'IMAP, POP, IIS' }, { server: 'ex1', thumbprint: 'TRIM', services: 'None' }];
    const s = parseSnapshot(JSON.stringify(d), 'paste.json');
    expect(s.exchange!.certificates.map((c) => c.thumbprint)).toEqual([null, null]);
    expect(s.exchange!.certificates.map((c) => c.services)).toEqual([['IMAP', 'POP', 'IIS'], []]);
  });

  it('names the file and the field in one line', () => {
    expect(refused('{ nope', 'snap.json')).toMatch(/^snap\.json is not a CertBench snapshot: it is not valid JSON/);
    expect(refused(JSON.stringify({ format: 'other' }))).toMatch(/^contoso\.json is not a CertBench snapshot \(its "format" is "other"/);
    expect(refused('')).toMatch(/^contoso\.json is empty/);
    const bad = doc();
    (bad.exchange as { certificates: unknown[] }).certificates = [{ server: 'ex1.contoso.com', thumbprint: T1, services: ['IIS'], notAfter: 'next tuesday' }];
    expect(refused(JSON.stringify(bad))).toBe('contoso.json: exchange.certificates[0].notAfter must be an ISO 8601 date such as 2026-12-01T10:00:00Z (got "next tuesday").');
    expect(refused(JSON.stringify(doc({ collectedAt: undefined })))).toBe('contoso.json: collectedAt is required.');
    const hostile = doc();
    (hostile.exchange as { servers: unknown[] }).servers = [{ name: 'EX1<script>', fqdn: 'ex1.contoso.com' }];
    expect(refused(JSON.stringify(hostile))).toMatch(/exchange\.servers\[0\]\.name must be a server name/);
  });

  it('refuses a snapshot from a newer CertBench with a sentence', () => {
    expect(refused(JSON.stringify(doc({ version: 2 })))).toBe('contoso.json was made by a newer CertBench (snapshot version 2; this one reads version 1): update CertBench to read it.');
    expect(refused(JSON.stringify(doc({ version: 'one' })))).toMatch(/version must be a whole number/);
  });

  it('shows control characters in a file name escaped', () => {
    expect(refused('x', 'evil\nname.json')).toMatch(/^evil\\u\{A\}name\.json/);
  });
});

const exchangeOnly: Snapshot = {
  format: 'certbench-snapshot',
  version: 1,
  collectedAt: '2026-11-01T00:00:00Z',
  organization: 'Contoso',
  exchange: {
    servers: [
      { name: 'EX1', fqdn: 'ex1.contoso.com', version: '2016' },
      { name: 'EX2', fqdn: 'ex2.contoso.com', version: '2016' },
    ],
    certificates: [
      { server: 'ex1.contoso.com', thumbprint: T1, services: ['IIS'] },
      { server: 'EX2', thumbprint: T1, services: ['IIS'] },
    ],
    authConfig: { currentCertificateThumbprint: T2 },
  },
};
const skypeOnly: Snapshot = {
  format: 'certbench-snapshot',
  version: 1,
  collectedAt: '2026-10-01T00:00:00Z',
  skype: {
    pools: [{ fqdn: 'pool01.contoso.com', kind: 'FrontEnd', computers: ['fe1.contoso.com'] }],
    sipDomains: ['contoso.com'],
    certificates: [{ computer: 'fe1.contoso.com', use: 'OAuthTokenIssuer', thumbprint: T2 }],
  },
};

describe('mergeSnapshots', () => {
  it('combines an Exchange and a Skype snapshot', () => {
    const m = mergeSnapshots([exchangeOnly, skypeOnly]);
    expect(m.exchange!.servers.map((s) => s.name)).toEqual(['EX1', 'EX2']);
    expect(m.skype!.certificates).toHaveLength(1);
    expect(m.exchange!.authConfig!.currentCertificateThumbprint).toBe(T2);
    expect(m.collectedAt).toBe('2026-11-01T00:00:00Z');
    expect(estateBindings(m).hosts.map((h) => h.name)).toEqual(['EX1', 'EX2', 'fe1']);
  });

  it('keeps the newer collection per server, whatever the order of the files', () => {
    const newer: Snapshot = {
      format: 'certbench-snapshot',
      version: 1,
      collectedAt: '2026-12-01T00:00:00Z',
      exchange: { servers: [{ name: 'EX2', fqdn: 'ex2.contoso.com', version: '2019' }], certificates: [{ server: 'ex2.contoso.com', thumbprint: T2, services: ['SMTP'] }] },
      errors: [{ server: 'ex2.contoso.com', step: 'Get-UMService', message: 'not found' }],
    };
    for (const order of [[exchangeOnly, newer], [newer, exchangeOnly]]) {
      const m = mergeSnapshots(order);
      expect(m.exchange!.servers.find((s) => s.name === 'EX2')!.version).toBe('2019');
      expect(m.exchange!.certificates.filter((c) => /ex2/i.test(c.server)).map((c) => c.thumbprint)).toEqual([T2]);
      expect(m.exchange!.certificates.filter((c) => c.server === 'ex1.contoso.com').map((c) => c.thumbprint)).toEqual([T1]);
      // Organisation-wide settings the newer one lacks stay from the older one.
      expect(m.exchange!.authConfig!.currentCertificateThumbprint).toBe(T2);
      expect(m.errors).toEqual([{ server: 'ex2.contoso.com', step: 'Get-UMService', message: 'not found' }]);
    }
  });
});

describe('environmentFromSnapshot', () => {
  it('derives servers, pools, Edge names, SIP domains, OWA IM, AuthConfig and OAuth per Front End — and the validator accepts it', () => {
    const s: Snapshot = {
      ...mergeSnapshots([exchangeOnly, skypeOnly]),
    };
    s.exchange!.servers[0]!.os = 'Windows Server 2012 R2 Standard';
    s.exchange!.owaIm = [{ server: null, source: 'SettingOverride', imServerName: 'pool01.contoso.com', certificateThumbprint: T1 }];
    s.skype!.pools.push({ fqdn: 'edgepool.contoso.local', kind: 'Edge', version: 'Skype for Business Server 2015', computers: ['edge1.contoso.local'], edge: { accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: 'av.contoso.com' } });
    s.skype!.trustedApplicationPools = [{ fqdn: 'mail.contoso.com', applications: ['OutlookWebApp'] }];
    const env = environmentFromSnapshot(s);
    expect(env).toEqual({
      name: 'Contoso',
      exchangeServers: [
        { fqdn: 'ex1.contoso.com', version: '2016', os: '2012R2' },
        { fqdn: 'ex2.contoso.com', version: '2016' },
      ],
      sfbPools: [{ fqdn: 'pool01.contoso.com', servers: ['fe1.contoso.com'] }],
      edgePools: [{ internalFqdn: 'edgepool.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: 'av.contoso.com', version: 'SfB2015' }],
      sipDomains: ['contoso.com'],
      owaIm: { trustedApplicationPoolFqdn: 'mail.contoso.com', imServerName: 'pool01.contoso.com', certificateThumbprint: T1 },
      authConfig: { currentCertificateThumbprint: T2 },
      oauthTokenIssuerThumbprints: { 'fe1.contoso.com': T2 },
    });
    expect(validateEnvironment(env).errors).toEqual([]);
  });

  it('reads versions from builds and Windows names', () => {
    expect(exchangeVersionOf({ build: '15.2.1544.4' })).toBe('2019');
    expect(exchangeVersionOf({ build: '15.2.2562.17' })).toBe('SE');
    expect(exchangeVersionOf({ version: 'Version 15.0 (Build 1497.2)' })).toBe('2013');
    expect(exchangeVersionOf({ version: 'Exchange 2016' })).toBe('2016');
    expect(windowsVersionOf('Windows Server 2022 Datacenter')).toBe('2022');
    expect(windowsVersionOf('Windows 10')).toBeUndefined();
  });
});
