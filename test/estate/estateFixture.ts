// A realistic estate made at test time with OpenSSL: two Exchange 2016 servers (EX1, EX2), one
// SfB 2015 Front End pool with two Front Ends and an Edge pool with one Edge — and the faults
// issue 12 plants, each switchable on its own:
//   auth-missing     the AuthConfig current Auth certificate is missing on EX2
//   owa-im-mismatch  EX2's OWA IM SettingOverride names a thumbprint that is not its IIS certificate
//   expired-smtp     an expired certificate is still bound to SMTP on EX1
//   oauth-differs    the second Front End has a different OAuthTokenIssuer certificate
//   wildcard-um      EX2's UM / UMCallRouter certificate is a wildcard (*.contoso.com)
// Reused by the app helper's Playwright journey: `writeEstateSnapshot(dir, { faults })` writes a
// snapshot file and returns its path (plus the CA root to pass as --trust).
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Snapshot, SnapshotExchangeCertificate, SnapshotSkypeCertificate } from '../../shared/estate/snapshot.js';
import { createCa, issue, selfSigned, type Ca, type IssuedCert } from '../support/openssl.js';

export type EstateFault = 'auth-missing' | 'owa-im-mismatch' | 'expired-smtp' | 'oauth-differs' | 'wildcard-um';
export const ESTATE_FAULTS: readonly EstateFault[] = ['auth-missing', 'owa-im-mismatch', 'expired-smtp', 'oauth-differs', 'wildcard-um'];

/** The evaluation time every fixture is made for. */
export const ESTATE_AT = new Date('2026-12-01T12:00:00Z');
export const SCHANNEL = 'Microsoft RSA SChannel Cryptographic Provider';
const CDP = ['http://pki.contoso.com/crl/issuing.crl'];
const EKU = ['serverAuth', 'clientAuth'];
const VALID = { startDate: '2026-06-01T00:00:00Z', endDate: '2027-06-01T00:00:00Z' };

export interface EstateCertificates {
  dir: string;
  root: Ca;
  /** A second CA standing in for the public CA of the Edge external certificate (its root is not given). */
  publicCa: Ca;
  mail: IssuedCert;
  auth: IssuedCert;
  um1: IssuedCert;
  um2: IssuedCert;
  wildcardUm: IssuedCert;
  expiredSmtp: IssuedCert;
  sfbDefault: IssuedCert;
  oauth: IssuedCert;
  oauthOther: IssuedCert;
  edgeExternal: IssuedCert;
  edgeInternal: IssuedCert;
}

/** Every certificate the fixtures use, made once per folder. */
export function makeEstateCertificates(dir: string): EstateCertificates {
  const root = createCa({ dir, cn: 'Contoso Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z', cdp: CDP });
  const publicCa = createCa({ dir, cn: 'Fabrikam Public Server CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  const server = (subject: string, san: string[], dates = VALID) => issue(root, { subject, san, eku: EKU, cdp: CDP, ...dates });
  return {
    dir,
    root,
    publicCa,
    mail: server('/O=Contoso/CN=mail.contoso.com', ['DNS:mail.contoso.com', 'DNS:autodiscover.contoso.com', 'DNS:ex1.contoso.com', 'DNS:ex2.contoso.com']),
    auth: selfSigned({ dir, subject: '/CN=Microsoft Exchange Server Auth Certificate', startDate: '2026-01-01T00:00:00Z', endDate: '2031-01-01T00:00:00Z' }),
    um1: server('/O=Contoso/CN=ex1.contoso.com', ['DNS:ex1.contoso.com']),
    um2: server('/O=Contoso/CN=ex2.contoso.com', ['DNS:ex2.contoso.com']),
    wildcardUm: server('/O=Contoso/CN=*.contoso.com', ['DNS:*.contoso.com', 'DNS:contoso.com']),
    expiredSmtp: server('/O=Contoso/CN=smtp.contoso.com', ['DNS:smtp.contoso.com'], { startDate: '2025-06-01T00:00:00Z', endDate: '2026-06-01T00:00:00Z' }),
    sfbDefault: server('/O=Contoso/CN=pool01.contoso.com', ['DNS:pool01.contoso.com', 'DNS:fe1.contoso.com', 'DNS:fe2.contoso.com', 'DNS:sip.contoso.com']),
    oauth: server('/O=Contoso/CN=contoso.com', ['DNS:contoso.com']),
    oauthOther: server('/O=Contoso/CN=oauth.contoso.com', ['DNS:oauth.contoso.com']),
    edgeExternal: issue(publicCa, { subject: '/O=Contoso/CN=sip.contoso.com', san: ['DNS:sip.contoso.com', 'DNS:webconf.contoso.com'], eku: EKU, cdp: CDP, ...VALID }),
    edgeInternal: server('/O=Contoso/CN=edgepool.contoso.local', ['DNS:edgepool.contoso.local', 'DNS:edge1.contoso.local']),
  };
}

export function derBase64(cert: IssuedCert): string {
  return fs.readFileSync(cert.certDer).toString('base64');
}

export function thumbprintOf(cert: IssuedCert): string {
  return createHash('sha1').update(fs.readFileSync(cert.certDer)).digest('hex').toUpperCase();
}

/** The facts Get-ExchangeCertificate prints, from the certificate itself (openssl x509). */
function textFields(cert: IssuedCert): Pick<SnapshotExchangeCertificate, 'subject' | 'issuer' | 'notBefore' | 'notAfter' | 'dnsNames' | 'publicKeySize' | 'isSelfSigned'> {
  const x = new X509Certificate(fs.readFileSync(cert.certDer));
  const san = (x.subjectAltName ?? '').split(', ').filter((s: string) => s.startsWith('DNS:')).map((s: string) => s.slice(4));
  const windowsName = (n: string) => n.split('\n').reverse().join(', ');
  return {
    subject: windowsName(x.subject),
    issuer: windowsName(x.issuer),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    dnsNames: san,
    publicKeySize: 2048,
    isSelfSigned: x.subject === x.issuer,
  };
}

function exchangeRow(server: string, cert: IssuedCert, services: SnapshotExchangeCertificate['services'], extra: Partial<SnapshotExchangeCertificate> = {}): SnapshotExchangeCertificate {
  return {
    server,
    thumbprint: thumbprintOf(cert),
    services,
    status: 'Valid',
    hasPrivateKey: true,
    privateKeyExportable: false,
    keyProvider: SCHANNEL,
    rootCAType: 'Enterprise',
    der: derBase64(cert),
    ...textFields(cert),
    ...extra,
  };
}

function skypeRow(computer: string, use: string, cert: IssuedCert): SnapshotSkypeCertificate {
  const t = textFields(cert);
  return { computer, use, thumbprint: thumbprintOf(cert), der: derBase64(cert), subject: t.subject, issuer: t.issuer, notBefore: t.notBefore, notAfter: t.notAfter, dnsNames: t.dnsNames };
}

/** The snapshot for these faults (none = the clean twin). */
export function buildEstateSnapshot(c: EstateCertificates, faults: readonly EstateFault[] = []): Snapshot {
  const has = (f: EstateFault) => faults.includes(f);
  const ex1 = 'ex1.contoso.com';
  const ex2 = 'ex2.contoso.com';
  const mail = thumbprintOf(c.mail);
  const certificates: SnapshotExchangeCertificate[] = [
    exchangeRow(ex1, c.mail, ['IMAP', 'POP', 'IIS', 'SMTP']),
    exchangeRow(ex1, c.auth, [], { rootCAType: 'None', status: 'Valid' }),
    exchangeRow(ex1, c.um1, ['UM', 'UMCallRouter']),
    exchangeRow(ex2, c.mail, ['IMAP', 'POP', 'IIS', 'SMTP']),
    exchangeRow(ex2, has('wildcard-um') ? c.wildcardUm : c.um2, ['UM', 'UMCallRouter']),
  ];
  if (!has('auth-missing')) certificates.splice(4, 0, exchangeRow(ex2, c.auth, [], { rootCAType: 'None', status: 'Valid' }));
  if (has('expired-smtp')) certificates.push(exchangeRow(ex1, c.expiredSmtp, ['SMTP'], { status: 'DateInvalid' }));

  const skypeCertificates: SnapshotSkypeCertificate[] = [];
  for (const fe of ['fe1.contoso.com', 'fe2.contoso.com']) {
    for (const use of ['Default', 'WebServicesInternal', 'WebServicesExternal']) skypeCertificates.push(skypeRow(fe, use, c.sfbDefault));
    skypeCertificates.push(skypeRow(fe, 'OAuthTokenIssuer', fe === 'fe2.contoso.com' && has('oauth-differs') ? c.oauthOther : c.oauth));
  }
  for (const use of ['AccessEdgeExternal', 'DataEdgeExternal', 'AudioVideoAuthentication']) skypeCertificates.push(skypeRow('edge1.contoso.local', use, c.edgeExternal));
  skypeCertificates.push(skypeRow('edge1.contoso.local', 'Internal', c.edgeInternal));

  return {
    format: 'certbench-snapshot',
    version: 1,
    collectedAt: '2026-12-01T10:00:00Z',
    organization: 'Contoso',
    exchange: {
      servers: [
        { name: 'EX1', fqdn: ex1, version: '2016', build: '15.1.2507.6', roles: ['Mailbox'], site: 'Default-First-Site-Name', os: 'Windows Server 2016' },
        { name: 'EX2', fqdn: ex2, version: '2016', build: '15.1.2507.6', roles: ['Mailbox'], site: 'Default-First-Site-Name', os: 'Windows Server 2016' },
      ],
      certificates,
      authConfig: { currentCertificateThumbprint: thumbprintOf(c.auth), previousCertificateThumbprint: null, nextCertificateThumbprint: null, nextCertificateEffectiveDate: null },
      owaIm: [
        { server: ex1, source: 'SettingOverride', imServerName: 'pool01.contoso.com', certificateThumbprint: mail },
        { server: ex2, source: 'SettingOverride', imServerName: 'pool01.contoso.com', certificateThumbprint: has('owa-im-mismatch') ? thumbprintOf(c.um2) : mail },
      ],
      umServices: [
        { server: ex1, umStartupMode: 'Dual', umCallRouterStartupMode: 'Dual' },
        { server: ex2, umStartupMode: 'Dual', umCallRouterStartupMode: 'Dual' },
      ],
      transport: [
        { server: ex1, internalTransportCertificateThumbprint: mail },
        { server: ex2, internalTransportCertificateThumbprint: mail },
      ],
      connectors: [],
      hybrid: null,
    },
    skype: {
      pools: [
        { fqdn: 'pool01.contoso.com', kind: 'FrontEnd', version: 'SfB2015', site: '1', computers: ['fe1.contoso.com', 'fe2.contoso.com'] },
        {
          fqdn: 'edgepool.contoso.local',
          kind: 'Edge',
          version: 'SfB2015',
          computers: ['edge1.contoso.local'],
          edge: { accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: 'av.contoso.com' },
        },
      ],
      sipDomains: ['contoso.com'],
      certificates: skypeCertificates,
      trustedApplicationPools: [{ fqdn: 'mail.contoso.com', registrar: 'pool01.contoso.com', applications: ['OutlookWebApp'] }],
    },
  };
}

export interface WrittenEstateSnapshot {
  /** The snapshot file. */
  file: string;
  /** The internal root CA (PEM file) to pass as `--trust` so internal chains are trusted. */
  rootPem: string;
  snapshot: Snapshot;
  certificates: EstateCertificates;
}

const made = new Map<string, EstateCertificates>();

/**
 * Write a snapshot file into `dir` (certificates are made there once, with OpenSSL). For the
 * app's Playwright journey: `writeEstateSnapshot(tmpDir, { faults: ['auth-missing'] })`.
 */
export function writeEstateSnapshot(dir: string, options: { faults?: readonly EstateFault[]; fileName?: string } = {}): WrittenEstateSnapshot {
  let certificates = made.get(dir);
  if (!certificates) {
    certificates = makeEstateCertificates(dir);
    made.set(dir, certificates);
  }
  const snapshot = buildEstateSnapshot(certificates, options.faults ?? []);
  const file = path.join(dir, options.fileName ?? `snapshot${options.faults?.length ? '-' + options.faults.join('-') : ''}.json`);
  fs.writeFileSync(file, JSON.stringify(snapshot, null, 2));
  return { file, rootPem: certificates.root.certPem, snapshot, certificates };
}
