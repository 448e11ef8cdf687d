// A snapshot written by hand the way the collector writes it (ConvertTo-Json of the script's
// ordered hashtables: the same keys, nulls where a value is empty, the collector's extra fields,
// ISO dates from .ToString('o'), one-element lists kept as lists) must be accepted by the estate
// reader. The keys are checked against the keys the parsed script really writes, so the hand
// copy cannot drift from the script.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../shared/estate/readSnapshot.js';
import { collectScript } from '../../shared/estate/collector/collectScript.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';
import { psFacts } from './psAst.js';

let dir = '';
let der = '';

beforeAll(() => {
  dir = makeWorkDir('collector-shape');
  const cert = selfSigned({ dir, subject: '/CN=mail.contoso.com', san: ['DNS:mail.contoso.com'], startDate: '2026-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
  der = readFileSync(cert.certDer).toString('base64');
});
afterAll(() => removeWorkDir(dir));

// .ToString('o') of a UTC DateTime: seven fractional digits and Z.
const ISO = '2026-12-02T08:00:00.1234567Z';

function handSnapshot(): Record<string, unknown> {
  return {
    format: 'certbench-snapshot',
    version: 1,
    collectedAt: ISO,
    collector: { name: 'certbench-collect', version: 1, computer: 'ex1.contoso.com', powershell: '4.0' },
    organization: 'Contoso',
    exchange: {
      servers: [{ name: 'EX1', fqdn: 'ex1.contoso.com', version: '2016', build: '15.1.2507.6', roles: ['Mailbox'], site: 'Default-First-Site-Name' }],
      certificates: [
        {
          server: 'ex1.contoso.com',
          thumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
          services: ['IIS', 'SMTP'],
          status: 'Valid',
          hasPrivateKey: true,
          privateKeyExportable: false,
          rootCAType: 'ThirdParty',
          friendlyName: null,
          subject: 'CN=mail.contoso.com',
          issuer: 'CN=mail.contoso.com',
          notBefore: ISO,
          notAfter: '2027-01-01T00:00:00.0000000Z',
          dnsNames: ['mail.contoso.com'],
          publicKeySize: 2048,
          isSelfSigned: true,
          der,
        },
        // A pending request: services empty, no DER, no dates.
        { server: 'ex1.contoso.com', thumbprint: 'B1B2C3D4E5F60718293A4B5C6D7E8F9012345678', services: [], status: 'PendingRequest', hasPrivateKey: false, privateKeyExportable: false, rootCAType: 'Unknown', friendlyName: null, subject: 'CN=new', issuer: null, notBefore: null, notAfter: null, dnsNames: [], publicKeySize: null, isSelfSigned: false, der: null },
      ],
      authConfig: { currentCertificateThumbprint: 'C1B2C3D4E5F60718293A4B5C6D7E8F9012345678', previousCertificateThumbprint: null, nextCertificateThumbprint: null, nextCertificateEffectiveDate: null },
      owaIm: [
        { server: null, source: 'SettingOverride', imServerName: 'pool01.contoso.com', certificateThumbprint: '\u200eA1B2C3D4E5F60718293A4B5C6D7E8F9012345678', name: 'IM Override', serverFilter: null },
        { server: 'ex1.contoso.com', source: 'OwaVirtualDirectory', imServerName: null, certificateThumbprint: null, instantMessagingType: 'Ocs', instantMessagingEnabled: 'True', identity: 'EX1\\owa (Default Web Site)' },
        { server: 'ex1.contoso.com', source: 'WebConfig', imServerName: 'pool01.contoso.com', certificateThumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678' },
      ],
      umServices: [{ server: 'ex1.contoso.com', umStartupMode: 'Dual', umCallRouterStartupMode: null }],
      transport: [{ server: 'ex1.contoso.com', internalTransportCertificateThumbprint: 'D1B2C3D4E5F60718293A4B5C6D7E8F9012345678' }],
      connectors: [
        { name: 'Outbound to Office 365', kind: 'send', servers: ['ex1.contoso.com'], fqdn: 'mail.contoso.com', tlsCertificateName: '<I>CN=mail.contoso.com<S>CN=mail.contoso.com' },
        { name: 'Default Frontend EX1', kind: 'receive', servers: ['ex1.contoso.com'], fqdn: null, tlsCertificateName: null, identity: 'EX1\\Default Frontend EX1' },
      ],
      hybrid: { tlsCertificateName: null },
    },
    skype: {
      pools: [
        { fqdn: 'pool01.contoso.com', kind: 'FrontEnd', site: 'Site:Redmond', computers: ['fe1.contoso.com'], services: ['UserServer', 'Registrar', 'WebServer'], serviceVersion: 7 },
        {
          fqdn: 'edgepool.contoso.local',
          kind: 'Edge',
          site: 'Site:Redmond',
          computers: ['edge1.contoso.local'],
          services: ['EdgeServer'],
          edge: { accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: null, internalFqdn: 'edgepool.contoso.local' },
        },
      ],
      sipDomains: ['contoso.com'],
      certificates: [
        { computer: 'fe1.contoso.com', use: 'OAuthTokenIssuer', thumbprint: 'E1B2C3D4E5F60718293A4B5C6D7E8F9012345678', effectiveDate: null, previousThumbprint: null, subject: 'CN=pool01.contoso.com', issuer: 'CN=Contoso CA', notBefore: ISO, notAfter: ISO, dnsNames: ['pool01.contoso.com'], der },
      ],
      trustedApplicationPools: [{ fqdn: 'mail.contoso.com', registrar: 'pool01.contoso.com', applications: ['OutlookWebApp'] }],
    },
    errors: [
      { server: 'edge1.contoso.local', step: 'Get-CsCertificate', message: 'Connecting to remote server edge1.contoso.local failed (Edge servers are usually outside the domain: run this script on the Edge server too.)' },
      { server: null, step: 'Get-HybridConfiguration', message: 'The operation could not be performed.' },
    ],
  };
}

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('a snapshot shaped like the collector writes it', () => {
  it('uses only keys the script writes', () => {
    const written = new Set(psFacts(collectScript({ exchange: true, skype: true })).hashKeys);
    expect(written.size).toBeGreaterThan(30);
    // Hashtable keys (and $table.key = ... additions) are what ConvertTo-Json turns into JSON names.
    const missing = [...keysOf(handSnapshot())].filter((k) => !written.has(k));
    expect(missing).toEqual([]);
  });

  it('is accepted by parseSnapshot, with and without a byte order mark', () => {
    const text = JSON.stringify(handSnapshot(), null, 2);
    for (const input of [text, '\uFEFF' + text]) {
      const snapshot = parseSnapshot(input, 'certbench-snapshot-EX1-20261202-080000.json');
      expect(snapshot.exchange?.certificates).toHaveLength(2);
      expect(snapshot.exchange?.certificates[0]?.services).toEqual(['IIS', 'SMTP']);
      expect(snapshot.exchange?.certificates[0]?.der).toBe(der);
      expect(snapshot.skype?.pools[1]?.edge?.accessEdgeFqdn).toBe('sip.contoso.com');
      expect(snapshot.skype?.certificates[0]?.use).toBe('OAuthTokenIssuer');
      expect(snapshot.errors).toHaveLength(2);
    }
  });

  it('is refused when a field has the wrong shape (the test can fail)', () => {
    const bad = handSnapshot() as { exchange: { certificates: { server: unknown }[] } };
    bad.exchange.certificates[0]!.server = 'not a host name!';
    expect(() => parseSnapshot(JSON.stringify(bad), 'bad.json')).toThrow(/bad\.json.*server/);
  });
});
