// Golden tests for the cross-server rules: every declared outcome of every estate rule is
// produced by a small snapshot made for it (certificates as text, as a paste gives them), and
// reported with the status the rule declares. A final test proves no declared outcome is left
// without a case, and the catalogue meta-checks (file per rule, requirement first, citation).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditEstate } from '../../shared/estate/audit.js';
import type { Snapshot, SnapshotExchange, SnapshotExchangeCertificate, SnapshotSkype, SnapshotSkypeCertificate } from '../../shared/estate/snapshot.js';
import { DuplicateRuleError } from '../../shared/rules/engine/registry.js';
import { defaultEstateRegistry, ESTATE_RULES } from '../../shared/rules/estate/catalogue.js';
import { EstateRuleRegistry } from '../../shared/rules/estate/registry.js';

const AT = new Date('2026-12-01T00:00:00Z');
const T = (n: number): string => n.toString(16).toUpperCase().padStart(40, '0');
const EX1 = 'ex1.contoso.com';
const EX2 = 'ex2.contoso.com';

function row(server: string, n: number, services: SnapshotExchangeCertificate['services'], extra: Partial<SnapshotExchangeCertificate> = {}): SnapshotExchangeCertificate {
  return {
    server,
    thumbprint: T(n),
    services,
    status: 'Valid',
    hasPrivateKey: true,
    subject: `CN=cert${n}.contoso.com`,
    issuer: 'CN=Contoso Issuing CA, DC=contoso, DC=com',
    notBefore: '2026-01-01T00:00:00Z',
    notAfter: '2027-06-01T00:00:00Z',
    dnsNames: [`cert${n}.contoso.com`],
    ...extra,
  };
}

function cs(computer: string, use: string, n: number, extra: Partial<SnapshotSkypeCertificate> = {}): SnapshotSkypeCertificate {
  return { computer, use, thumbprint: T(n), subject: `CN=sfb${n}.contoso.com`, issuer: 'CN=Contoso Issuing CA', notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-06-01T00:00:00Z', ...extra };
}

function snap(exchange?: Partial<SnapshotExchange> | null, skype?: Partial<SnapshotSkype>, errors?: Snapshot['errors']): Snapshot {
  const s: Snapshot = { format: 'certbench-snapshot', version: 1, collectedAt: '2026-12-01T00:00:00Z', organization: 'Contoso' };
  if (exchange !== null) {
    s.exchange = {
      servers: [
        { name: 'EX1', fqdn: EX1, version: '2016', roles: ['Mailbox'] },
        { name: 'EX2', fqdn: EX2, version: '2016', roles: ['Mailbox'] },
      ],
      certificates: [],
      ...exchange,
    };
  }
  if (skype) s.skype = { pools: [], certificates: [], ...skype };
  if (errors) s.errors = errors;
  return s;
}

const auth = (current: number | null, more: Partial<NonNullable<SnapshotExchange['authConfig']>> = {}) => ({ currentCertificateThumbprint: current === null ? null : T(current), ...more });
const FE_POOL = { fqdn: 'pool01.contoso.com', kind: 'FrontEnd', version: 'SfB2015', computers: ['fe1.contoso.com', 'fe2.contoso.com'] };
const edgePool = (computers: string[]) => ({ fqdn: 'edgepool.contoso.local', kind: 'Edge', computers, edge: { accessEdgeFqdn: 'sip.contoso.com' } });
const connector = (tls: string | null, servers = [EX1]) => ({ name: 'Outbound to Office 365', kind: 'send', servers, tlsCertificateName: tls });
const TLS_OK = '<I>CN=Contoso Issuing CA, DC=contoso, DC=com<S>CN=cert1.contoso.com';

interface Case {
  rule: string;
  outcome: string;
  snapshot: () => Snapshot;
  title?: RegExp;
}

const CASES: Case[] = [
  // AuthConfig certificate on every Mailbox / CAS server
  { rule: 'auth-certificate-on-every-server', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, []), row(EX2, 1, [])], authConfig: auth(1) }) },
  { rule: 'auth-certificate-on-every-server', outcome: 'missing', snapshot: () => snap({ certificates: [row(EX1, 1, []), row(EX2, 5, ['IIS'])], authConfig: auth(1) }), title: /^Auth certificate missing on EX2$/ },
  { rule: 'auth-certificate-on-every-server', outcome: 'no-key', snapshot: () => snap({ certificates: [row(EX1, 1, []), row(EX2, 1, [], { hasPrivateKey: false })], authConfig: auth(1) }), title: /without private key on EX2/ },
  { rule: 'auth-certificate-on-every-server', outcome: 'next-missing', snapshot: () => snap({ certificates: [row(EX1, 1, []), row(EX2, 1, []), row(EX1, 2, [])], authConfig: auth(1, { nextCertificateThumbprint: T(2) }) }), title: /Next Auth certificate missing on EX2/ },
  { rule: 'auth-certificate-on-every-server', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 1, [])], authConfig: auth(1) }, undefined, [{ server: EX2, step: 'Get-ExchangeCertificate', message: 'The server is unreachable.' }]), title: /not known on EX2/ },
  { rule: 'auth-certificate-on-every-server', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'])] }) },
  // AuthConfig names a certificate a server holds
  { rule: 'authconfig-thumbprint-held', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, [])], authConfig: auth(1) }) },
  { rule: 'authconfig-thumbprint-held', outcome: 'none-holds', snapshot: () => snap({ certificates: [row(EX1, 3, ['IIS'])], authConfig: auth(9) }), title: /no server holds/ },
  { rule: 'authconfig-thumbprint-held', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 3, ['IIS'])], authConfig: auth(null) }) },
  { rule: 'authconfig-thumbprint-held', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 3, ['IIS'])] }) },
  // Next Auth certificate staged in time
  { rule: 'auth-next-staged', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, [])], authConfig: auth(1) }) },
  { rule: 'auth-next-staged', outcome: 'due', snapshot: () => snap({ certificates: [row(EX1, 1, [], { notAfter: '2026-12-31T00:00:00Z' })], authConfig: auth(1) }), title: /expires in 30 days with no next one staged/ },
  { rule: 'auth-next-staged', outcome: 'expired', snapshot: () => snap({ certificates: [row(EX1, 1, [], { notAfter: '2026-11-01T00:00:00Z' })], authConfig: auth(1, { nextCertificateThumbprint: T(2) }), }), title: /expired on 2026-11-01/ },
  { rule: 'auth-next-staged', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 3, ['IIS'])], authConfig: auth(9) }) },
  { rule: 'auth-next-staged', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 3, ['IIS'])] }) },
  // OWA IM thumbprint is the IIS certificate
  { rule: 'owa-im-thumbprint-is-iis', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS']), row(EX2, 1, ['IIS'])], owaIm: [{ server: null, source: 'SettingOverride', certificateThumbprint: T(1) }] }) },
  { rule: 'owa-im-thumbprint-is-iis', outcome: 'mismatch', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS']), row(EX2, 2, ['IIS'])], owaIm: [{ server: null, source: 'SettingOverride', certificateThumbprint: T(1) }] }), title: /not the IIS certificate on EX2$/ },
  { rule: 'owa-im-thumbprint-is-iis', outcome: 'invalid', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'])], owaIm: [{ server: EX1, source: 'WebConfig', certificateThumbprint: 'not a thumbprint' }] }) },
  { rule: 'owa-im-thumbprint-is-iis', outcome: 'invisible', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'])], owaIm: [{ server: EX1, source: 'SettingOverride', certificateThumbprint: '\u200E' + T(1).toLowerCase() }] }) },
  { rule: 'owa-im-thumbprint-is-iis', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 1, null)], owaIm: [{ server: EX1, source: 'SettingOverride', certificateThumbprint: T(1) }] }) },
  { rule: 'owa-im-thumbprint-is-iis', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'])] }) },
  // Same OAuthTokenIssuer on every Front End
  { rule: 'oauth-token-issuer-same', outcome: 'pass', snapshot: () => snap(null, { pools: [FE_POOL], certificates: [cs('fe1.contoso.com', 'OAuthTokenIssuer', 7), cs('fe2.contoso.com', 'OAuthTokenIssuer', 7)] }) },
  { rule: 'oauth-token-issuer-same', outcome: 'differs', snapshot: () => snap(null, { pools: [FE_POOL], certificates: [cs('fe1.contoso.com', 'OAuthTokenIssuer', 7), cs('fe2.contoso.com', 'OAuthTokenIssuer', 8)] }), title: /on fe2$|on fe1$/ },
  { rule: 'oauth-token-issuer-same', outcome: 'missing', snapshot: () => snap(null, { pools: [FE_POOL], certificates: [cs('fe1.contoso.com', 'OAuthTokenIssuer', 7), cs('fe2.contoso.com', 'Default', 6)] }), title: /No OAuthTokenIssuer certificate on fe2/ },
  { rule: 'oauth-token-issuer-same', outcome: 'not-applicable', snapshot: () => snap(null, { pools: [FE_POOL], certificates: [cs('fe1.contoso.com', 'Default', 6)] }) },
  // Edge pool members share one external certificate
  { rule: 'edge-external-shared', outcome: 'pass', snapshot: () => snap(null, { pools: [edgePool(['edge1.contoso.local', 'edge2.contoso.local'])], certificates: [cs('edge1.contoso.local', 'AccessEdgeExternal', 4), cs('edge2.contoso.local', 'AccessEdgeExternal', 4)] }) },
  { rule: 'edge-external-shared', outcome: 'differs', snapshot: () => snap(null, { pools: [edgePool(['edge1.contoso.local', 'edge2.contoso.local'])], certificates: [cs('edge1.contoso.local', 'AccessEdgeExternal', 4), cs('edge2.contoso.local', 'AccessEdgeExternal', 5)] }), title: /uses 2 different external certificates/ },
  { rule: 'edge-external-shared', outcome: 'not-applicable', snapshot: () => snap(null, { pools: [FE_POOL], certificates: [cs('fe1.contoso.com', 'Default', 6)] }) },
  // UM in TLS or Dual mode has a valid certificate bound
  { rule: 'um-certificate-valid', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['UM', 'UMCallRouter'])], umServices: [{ server: EX1, umStartupMode: 'Dual', umCallRouterStartupMode: 'Dual' }] }) },
  { rule: 'um-certificate-valid', outcome: 'none-bound', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'])], umServices: [{ server: EX1, umStartupMode: 'TLS' }] }), title: /No certificate bound to UM on EX1/ },
  { rule: 'um-certificate-valid', outcome: 'invalid', snapshot: () => snap({ certificates: [row(EX1, 1, ['UM'], { notAfter: '2026-10-01T00:00:00Z' })], umServices: [{ server: EX1, umStartupMode: 'Dual' }] }), title: /not valid for UM on EX1/ },
  { rule: 'um-certificate-valid', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 1, null)], umServices: [{ server: EX1, umStartupMode: 'Dual' }] }) },
  { rule: 'um-certificate-valid', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['UM'])], umServices: [{ server: EX1, umStartupMode: 'TCP', umCallRouterStartupMode: 'TCP' }] }) },
  // Internal transport certificate present and valid
  { rule: 'internal-transport-certificate', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])], transport: [{ server: EX1, internalTransportCertificateThumbprint: T(1) }] }) },
  { rule: 'internal-transport-certificate', outcome: 'missing', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])], transport: [{ server: EX1, internalTransportCertificateThumbprint: T(2) }] }), title: /missing on EX1/ },
  { rule: 'internal-transport-certificate', outcome: 'expired', snapshot: () => snap({ certificates: [row(EX1, 1, [], { notAfter: '2026-01-31T00:00:00Z' })], transport: [{ server: EX1, internalTransportCertificateThumbprint: T(1) }] }), title: /expired on EX1/ },
  { rule: 'internal-transport-certificate', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])], transport: [{ server: EX1, internalTransportCertificateThumbprint: null }] }) },
  { rule: 'internal-transport-certificate', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])] }) },
  // Connector / hybrid TlsCertificateName
  { rule: 'tls-certificate-name', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])], connectors: [connector(TLS_OK)] }) },
  { rule: 'tls-certificate-name', outcome: 'missing', snapshot: () => snap({ certificates: [row(EX1, 2, ['SMTP'])], connectors: [connector(TLS_OK)] }), title: /missing on EX1/ },
  { rule: 'tls-certificate-name', outcome: 'expired', snapshot: () => snap({ certificates: [row(EX1, 1, [], { notAfter: '2026-11-01T00:00:00Z' })], hybrid: { tlsCertificateName: TLS_OK } }), title: /hybrid configuration expired on EX1/ },
  { rule: 'tls-certificate-name', outcome: 'expiring', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'], { notAfter: '2026-12-20T00:00:00Z' })], connectors: [connector(TLS_OK)] }), title: /expires in 19 days on EX1/ },
  { rule: 'tls-certificate-name', outcome: 'unparsable', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])], connectors: [connector('CN=cert1.contoso.com')] }) },
  { rule: 'tls-certificate-name', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])], connectors: [connector(TLS_OK, [EX2])] }) },
  { rule: 'tls-certificate-name', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])], connectors: [connector(null)] }) },
  // No expired or not-yet-valid certificate bound to a service
  { rule: 'expired-bound', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'])] }) },
  { rule: 'expired-bound', outcome: 'expired', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'], { notAfter: '2026-06-01T00:00:00Z' })] }), title: /^Expired certificate still bound to SMTP on EX1$/ },
  { rule: 'expired-bound', outcome: 'not-yet-valid', snapshot: () => snap(null, { pools: [FE_POOL], certificates: [cs('fe1.contoso.com', 'Default', 6, { notBefore: '2027-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z' })] }), title: /on fe1/ },
  { rule: 'expired-bound', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 1, ['SMTP'], { notAfter: undefined, notBefore: undefined })] }) },
  { rule: 'expired-bound', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, [])] }) },
  // Bound certificates have their private key
  { rule: 'bound-without-key', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'])] }) },
  { rule: 'bound-without-key', outcome: 'no-key', snapshot: () => snap({ certificates: [row(EX2, 1, ['IIS'], { hasPrivateKey: false })] }), title: /without its private key on EX2/ },
  { rule: 'bound-without-key', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { hasPrivateKey: undefined })] }) },
  // Exchange reports bound certificates as Valid
  { rule: 'exchange-status', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'])] }) },
  { rule: 'exchange-status', outcome: 'not-valid', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { status: 'Revoked' })] }), title: /not valid on EX1/ },
  { rule: 'exchange-status', outcome: 'revocation-unknown', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { status: 'RevocationCheckFailure' })] }) },
  { rule: 'exchange-status', outcome: 'unknown', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { status: 'Unknown' })] }) },
  { rule: 'exchange-status', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { status: undefined })] }) },
  // Load-balanced servers present the same namespace names
  { rule: 'namespace-san-consistent', outcome: 'pass', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { dnsNames: ['mail.contoso.com', 'ex1.contoso.com'] }), row(EX2, 2, ['IIS'], { dnsNames: ['mail.contoso.com', 'ex2.contoso.com'] })] }) },
  { rule: 'namespace-san-consistent', outcome: 'differs', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { dnsNames: ['mail.contoso.com', 'autodiscover.contoso.com'] }), row(EX2, 2, ['IIS'], { dnsNames: ['mail.contoso.com'] })] }), title: /behind mail\.contoso\.com present different SAN sets/ },
  { rule: 'namespace-san-consistent', outcome: 'not-applicable', snapshot: () => snap({ certificates: [row(EX1, 1, ['IIS'], { dnsNames: ['mail.contoso.com'] })] }) },
];

describe('estate rules: every declared outcome', () => {
  for (const c of CASES) {
    it(`estate.${c.rule} → ${c.outcome}`, async () => {
      const audit = await auditEstate(c.snapshot(), { at: AT });
      const rule = defaultEstateRegistry.get(`estate.${c.rule}`)!;
      const mine = audit.estateFindings.filter((f) => f.ruleId === `estate.${c.rule}`);
      const found = mine.find((f) => f.outcome === c.outcome);
      expect(found, `${c.rule} gave ${mine.map((f) => f.outcome).join(', ')}`).toBeDefined();
      expect(found!.status).toBe(rule.outcomes[c.outcome]!.status);
      expect(found!.citation).toBe(rule.citation);
      if (c.title) expect(found!.title).toMatch(c.title);
      if (found!.status === 'error' || found!.status === 'warn') {
        expect(found!.fix.length, 'a problem says what to do').toBeGreaterThan(10);
      }
    });
  }

  it('no declared outcome is left without a case', () => {
    for (const rule of ESTATE_RULES) {
      const name = rule.id.replace(/^estate\./, '');
      const covered = new Set(CASES.filter((c) => c.rule === name).map((c) => c.outcome));
      expect([...covered].sort(), rule.id).toEqual(Object.keys(rule.outcomes).sort());
    }
  });
});

describe('estate rule catalogue', () => {
  const dir = fileURLToPath(new URL('../../shared/rules/estate/', import.meta.url));

  it('one file per rule under shared/rules/estate/, opening with its requirement and a citation', () => {
    expect(ESTATE_RULES).toHaveLength(13);
    for (const rule of ESTATE_RULES) {
      const file = path.join(dir, `${rule.id.replace(/^estate\./, '')}.ts`);
      expect(fs.existsSync(file), file).toBe(true);
      const text = fs.readFileSync(file, 'utf8');
      expect(text.startsWith('// Requirement'), file).toBe(true);
      expect(text).toMatch(/\/\/ Citation/);
      expect(text).toContain(`id: '${rule.id}'`);
      expect(rule.citation.length).toBeGreaterThan(10);
      expect(rule.requirement.length).toBeGreaterThan(20);
      if (rule.unconfirmed) expect(rule.maxStatus).not.toBe('error');
    }
    const ruleFiles = fs.readdirSync(dir).filter((f) => !['types.ts', 'registry.ts', 'catalogue.ts', 'helpers.ts', 'citations.ts'].includes(f));
    expect(ruleFiles.sort()).toEqual(ESTATE_RULES.map((r) => `${r.id.replace(/^estate\./, '')}.ts`).sort());
  });

  it('the registry refuses a duplicate id and an outcome above the ceiling', () => {
    expect(() => new EstateRuleRegistry([ESTATE_RULES[0]!, ESTATE_RULES[0]!])).toThrow(DuplicateRuleError);
    expect(() => new EstateRuleRegistry([{ ...ESTATE_RULES[0]!, id: 'estate.x', maxStatus: 'warn' }])).toThrow(/above the rule's ceiling/);
  });

  it('a rule that throws is a fatal finding, and the audit goes on', async () => {
    const broken = new EstateRuleRegistry([{ ...ESTATE_RULES[0]!, check: () => { throw new Error('boom'); } }, ESTATE_RULES[9]!]);
    const audit = await auditEstate(snap({ certificates: [row(EX1, 1, ['SMTP'])] }), { at: AT, estateRegistry: broken });
    expect(audit.estateFindings.map((f) => f.status)).toEqual(['fatal', 'pass']);
    expect(audit.verdict).toBe('fail');
  });
});
