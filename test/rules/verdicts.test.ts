// Issue 14 verdicts on hand-built models: verdicts that were too lenient or too harsh, each
// stated as the set of `ruleId:status` it must produce, plus the per-outcome titles.
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../shared/environment/types.js';
import { evaluate } from '../../shared/rules/index.js';
import type { Subject } from '../../shared/rules/engine/types.js';
import { certSubject, makeTrust, requestSubject } from '../support/models.js';
import { finding, outcomeOf, outcomes, problems, statusOf } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const check = (subject: Subject, role: Parameters<typeof evaluate>[1], env: Environment = {}, server?: string, at = AT) =>
  evaluate(subject, role, env, at, server ? { server } : {});

const UM_ENV: Environment = { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] }] };
const EC = { keyAlgorithm: 'EC' as const, keySize: 256, publicKey: { algorithm: 'EC' as const, size: 256, curve: 'P-256', spkiSha256: '' } };
const KSP = { key: { algorithm: 'RSA' as const, size: 2048, certificateIndex: 0, provider: 'Microsoft Software Key Storage Provider' } };

describe('a key a legacy CAPI CSP cannot hold', () => {
  it('EC for UM, OWA IM, Edge and SfB OAuth → general.key-provider-cng error "EC key"; only with Lync 2013 pools a warning citing the conflict', () => {
    const um = check(certSubject(EC), 'exchange-um', UM_ENV, 'ex1.contoso.com');
    expect(problems(um)).toEqual(['general.key-provider-cng:error']);
    expect(outcomes(um)).toEqual(['general.key-provider-cng/ec-key']);
    expect(outcomes(um)).toEqual(['general.key-provider-cng/ec-key']);
    expect(finding(um, 'general.key-provider-cng').title).toBe('EC key: no legacy CSP can hold it');
    expect(finding(um, 'general.key-provider-cng').whatBreaks).toMatch(/1079/);
    expect(statusOf(check(certSubject(EC), 'owa-im'), 'general.key-provider-cng')).toBe('error');
    // Lync/SfB-only roles: SfB 2015/2019 support no CNG certificates (an EC key lives only in CNG) —
    // an error, as request and commands refuse it; only where every pool is Lync 2013 (Gg398066
    // lists ECDH as supported) a documented conflict, a warning.
    const lync2013: Environment = { sfbPools: [{ fqdn: 'pool.contoso.com', version: 'Lync2013' }], edgePools: [{ internalFqdn: 'edge.contoso.local', version: 'Lync2013' }] };
    const sfb2015: Environment = { sfbPools: [{ fqdn: 'pool.contoso.com', version: 'SfB2015' }] };
    for (const role of ['edge-internal', 'edge-external', 'sfb-oauth'] as const) {
      expect(outcomeOf(check(certSubject(EC), role), 'general.key-provider-cng'), role).toBe('general.key-provider-cng/ec-key');
      expect(statusOf(check(certSubject(EC), role, sfb2015), 'general.key-provider-cng'), role).toBe('error');
      const r = check(certSubject(EC), role, lync2013);
      expect(outcomeOf(r, 'general.key-provider-cng'), role).toBe('general.key-provider-cng/ec-lync-2013');
      expect(statusOf(r, 'general.key-provider-cng'), role).toBe('warn');
      expect(finding(r, 'general.key-provider-cng').title).toMatch(/sources disagree/);
      expect(finding(r, 'general.key-provider-cng').citation).toMatch(/Gg398066/);
    }
    // A request is judged the same way as the certificate it will become.
    expect(statusOf(check(requestSubject(EC), 'exchange-um', UM_ENV), 'general.key-provider-cng')).toBe('error');
    // For a plain web certificate EC is fine.
    expect(statusOf(check(certSubject(EC), 'general'), 'general.key-provider-cng')).toBe('not_applicable');
  });

  it('EC Exchange Auth certificate → exchange-auth.rsa-key error (not a second finding from the CSP rule)', () => {
    const r = check(certSubject({ ...EC, cn: 'Microsoft Exchange Server Auth Certificate', san: [] }), 'exchange-auth');
    expect(statusOf(r, 'exchange-auth.rsa-key')).toBe('error');
    expect(finding(r, 'exchange-auth.rsa-key').citation).toMatch(/UseRSACryptoServiceProvider/);
    expect(statusOf(r, 'general.key-provider-cng')).toBe('not_applicable');
    expect(statusOf(check(certSubject({ cn: 'Microsoft Exchange Server Auth Certificate', san: [] }), 'exchange-auth'), 'exchange-auth.rsa-key')).toBe('pass');
  });

  it('a PFX whose key names a CNG KSP → error for exchange-auth and sfb-oauth, warn for general only', () => {
    const auth = check(certSubject({ cn: 'Microsoft Exchange Server Auth Certificate', san: [] }, KSP), 'exchange-auth');
    expect(statusOf(auth, 'general.key-provider-cng')).toBe('error');
    expect(finding(auth, 'general.key-provider-cng').title).toBe('Private key is in a CNG Key Storage Provider');
    expect(statusOf(check(certSubject({}, KSP), 'sfb-oauth'), 'general.key-provider-cng')).toBe('error');
    expect(finding(check(certSubject({}, KSP), 'sfb-oauth'), 'general.key-provider-cng').citation).toMatch(/does not support CNG certificates/);
    expect(statusOf(check(certSubject({}, KSP), 'general'), 'general.key-provider-cng')).toBe('warn');
  });
});

describe('self-signed for the Edge internal interface or OWA IM', () => {
  const self = () => certSubject({ selfSigned: true }, { trust: makeTrust({ status: 'self-signed', anchor: null, selfSigned: true }) });
  it('is an error titled "Certificate is self-signed" (MTLS needs a CA-issued certificate)', () => {
    for (const role of ['edge-internal', 'owa-im', 'exchange-um', 'edge-external'] as const) {
      const r = check(self(), role);
      expect(statusOf(r, 'lync.not-self-signed'), role).toBe('error');
      expect(finding(r, 'lync.not-self-signed').title).toBe('Certificate is self-signed');
    }
    expect(finding(check(self(), 'edge-internal'), 'lync.not-self-signed').whatBreaks).toMatch(/4443/);
    expect(statusOf(check(certSubject(), 'edge-internal'), 'lync.not-self-signed')).toBe('pass');
  });
});

describe('OWA IM thumbprint with an invisible character', () => {
  it('U+200E in the middle → warning with its position; clean value given', () => {
    const env: Environment = { owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com', certificateThumbprint: '1A31B7FE0C\u200E4D2A9E8F7B6C5D4E3F2A1B0C9D8E7F' } };
    const r = check(certSubject(), 'owa-im', env);
    expect(statusOf(r, 'owa-im.thumbprint-matches')).toBe('warn');
    const f = finding(r, 'owa-im.thumbprint-matches');
    expect(f.detail).toContain('U+200E (LEFT-TO-RIGHT MARK) at position 11');
    expect(f.title).toBe('Configured thumbprint hides an invisible character');
    expect(f.fix).toContain('1A31B7FE0C4D2A9E8F7B6C5D4E3F2A1B0C9D8E7F');
  });
});

describe('Edge internal with a wildcard CN (Gg398920 allows, Hh202161 forbids)', () => {
  const edgeEnv: Environment = { edgePools: [{ internalFqdn: 'edge01.contoso.com' }] };
  it('is one warning citing both pages — not two errors', () => {
    const r = check(certSubject({ cn: '*.contoso.com', san: ['*.contoso.com'] }), 'edge-internal', edgeEnv);
    expect(problems(r)).toEqual(['lync.cn-not-wildcard:warn']);
    expect(outcomes(r)).toEqual(['lync.cn-not-wildcard/wildcard-edge-internal']);
    const f = finding(r, 'lync.cn-not-wildcard');
    expect(f.citation).toMatch(/Hh202161/);
    expect(f.citation).toMatch(/Gg398920/);
    expect(f.detail).toMatch(/disagree/);
  });
  it('a wildcard that does not cover the internal FQDN still fails the CN rule; a wildcard for UM is still an error', () => {
    const r = check(certSubject({ cn: '*.fabrikam.com', san: ['*.fabrikam.com'] }), 'edge-internal', edgeEnv);
    expect(problems(r)).toEqual(['edge-internal.cn-is-internal-fqdn:error', 'lync.cn-not-wildcard:warn']);
    expect(outcomes(r)).toEqual(['edge-internal.cn-is-internal-fqdn/other-name', 'lync.cn-not-wildcard/wildcard-edge-internal']);
    expect(finding(r, 'edge-internal.cn-is-internal-fqdn').citation).not.toMatch(/Gg398920/);
    expect(statusOf(check(certSubject({ cn: '*.contoso.com', san: ['*.contoso.com'] }), 'exchange-um', UM_ENV, 'ex1.contoso.com'), 'lync.cn-not-wildcard')).toBe('error');
  });
});

describe('general.pfx-aes-old-windows: a server fact scoped to the role\'s servers', () => {
  const container = { mac: 'HMAC-SHA256', macIterations: 2048, protections: [{ part: 'key' as const, cipher: 'AES-256-CBC', scheme: 'PBES2', iterations: 2048 }], profile: 'aes' as const };
  const env: Environment = {
    exchangeServers: [
      { fqdn: 'ex1.contoso.com', version: '2016', os: '2022' },
      { fqdn: 'ex2.contoso.com', version: '2016', os: '2016' },
    ],
    edgePools: [{ internalFqdn: 'edge01.contoso.com' }],
  };
  it('no Exchange server\'s Windows for an Edge PFX: a note that the Edge OS is unknown', () => {
    const r = check(certSubject({ cn: 'edge01.contoso.com', san: ['edge01.contoso.com'] }, { container }), 'edge-internal', env);
    expect(statusOf(r, 'general.pfx-aes-old-windows')).toBe('info');
    expect(finding(r, 'general.pfx-aes-old-windows').detail).toMatch(/Lync\/SfB servers/);
    expect(finding(r, 'general.pfx-aes-old-windows').detail).not.toMatch(/ex2/);
  });
  it('UM for ex1 (Server 2022) passes although ex2 runs 2016; UM for ex2 warns', () => {
    expect(statusOf(check(certSubject({}, { container }), 'exchange-um', env, 'ex1.contoso.com'), 'general.pfx-aes-old-windows')).toBe('pass');
    const r = check(certSubject({ cn: 'ex2.contoso.com', san: ['ex2.contoso.com'] }, { container }), 'exchange-um', env, 'ex2.contoso.com');
    expect(statusOf(r, 'general.pfx-aes-old-windows')).toBe('warn');
    expect(finding(r, 'general.pfx-aes-old-windows').title).toBe('AES-encrypted PFX for an older Windows Server');
  });
});

describe('exchange-um.version-has-um with Skype for Business Server 2019', () => {
  it('Exchange 2016 + SfB 2019: a warning citing both pages (was a note); without SfB 2019: pass', () => {
    const env: Environment = { ...UM_ENV, sfbPools: [{ fqdn: 'pool19.contoso.com', version: 'SfB2019' }] };
    const r = check(certSubject(), 'exchange-um', env, 'ex1.contoso.com');
    expect(statusOf(r, 'exchange-um.version-has-um')).toBe('warn');
    const f = finding(r, 'exchange-um.version-has-um');
    expect(f.citation).toMatch(/What's new in Skype for Business Server 2019/);
    expect(f.citation).toMatch(/Plan for Exchange Unified Messaging/);
    expect(f.title).toMatch(/sources disagree/);
    expect(statusOf(check(certSubject(), 'exchange-um', UM_ENV, 'ex1.contoso.com'), 'exchange-um.version-has-um')).toBe('pass');
  });
});

describe('general.expiry-window: HealthChecker thresholds, scaled to the lifetime', () => {
  const year = (notAfter: string) => certSubject({ notBefore: '2025-01-01T00:00:00.000Z', notAfter });
  it('29 days → warn "Certificate expires in 29 days"; 30 and 59 → note; 60 → pass', () => {
    const r = check(year('2025-06-30T00:00:00.000Z'), 'general');
    expect(statusOf(r, 'general.expiry-window')).toBe('warn');
    expect(finding(r, 'general.expiry-window').title).toBe('Certificate expires in 29 days');
    expect(finding(r, 'general.expiry-window').citation).toMatch(/HealthChecker/);
    expect(statusOf(check(year('2025-07-01T00:00:00.000Z'), 'general'), 'general.expiry-window')).toBe('info');
    expect(statusOf(check(year('2025-07-30T00:00:00.000Z'), 'general'), 'general.expiry-window')).toBe('info');
    expect(statusOf(check(year('2025-07-31T00:00:00.000Z'), 'general'), 'general.expiry-window')).toBe('pass');
  });
  it('a 47-day public certificate does not warn on its first day; it does in its last third', () => {
    const short = (at: string) => check(certSubject({ notBefore: '2025-06-01T00:00:00.000Z', notAfter: '2025-07-17T23:59:59.000Z' }), 'general', {}, undefined, new Date(at));
    expect(statusOf(short('2025-06-01T12:00:00Z'), 'general.expiry-window')).toBe('pass');
    expect(statusOf(short('2025-06-26T00:00:00Z'), 'general.expiry-window')).toBe('info');
    expect(statusOf(short('2025-07-05T00:00:00Z'), 'general.expiry-window')).toBe('warn');
  });
});

describe('the named server taken for what the environment says it is', () => {
  const env: Environment = {
    exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' }],
    edgePools: [{ internalFqdn: 'edgepool.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', servers: ['edge01.contoso.local', 'edge02.contoso.local'] }],
    sipDomains: ['contoso.com'],
  };
  const external = () => certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com', 'webconf.contoso.com'] }, { trust: makeTrust({ anchor: 'public', publicCa: true }) });
  const internal = () => certSubject({ cn: 'edgepool.contoso.local', san: ['edgepool.contoso.local'] });

  it('the Edge pool\'s internal FQDN selects that pool for the external certificate (no "SAN misses the Access Edge")', () => {
    const r = check(external(), 'edge-external', env, 'edgepool.contoso.local');
    expect(statusOf(r, 'edge-external.san-required-names')).toBe('pass');
    expect(statusOf(r, 'edge-external.cn-is-access-edge')).toBe('pass');
    expect(statusOf(r, 'general.named-server-product')).toBe('pass');
  });

  it('an Edge computer selects its pool for the internal certificate', () => {
    const r = check(internal(), 'edge-internal', env, 'edge02.contoso.local');
    expect(statusOf(r, 'edge-internal.cn-is-internal-fqdn')).toBe('pass');
  });

  it('an Exchange server named for an Edge certificate → warning, and it is not called "the Edge internal FQDN"', () => {
    const r = check(internal(), 'edge-internal', env, 'ex1.contoso.com');
    expect(statusOf(r, 'general.named-server-product')).toBe('warn');
    expect(finding(r, 'general.named-server-product').title).toBe('ex1.contoso.com is not a Lync/SfB Edge server or pool');
    expect(statusOf(r, 'edge-internal.cn-is-internal-fqdn')).toBe('pass');
    expect(r.findings.map((f) => f.detail).join(' ')).not.toMatch(/Edge internal FQDN is ex1/);
  });

  it('an Edge name given for a UM certificate → warning; UM falls back to the CN', () => {
    const r = check(certSubject(), 'exchange-um', env, 'sip.contoso.com');
    expect(statusOf(r, 'general.named-server-product')).toBe('warn');
    expect(statusOf(r, 'exchange-um.cn-is-server-fqdn')).toBe('pass');
    // A name the environment does not know is taken as given (no finding about it).
    expect(statusOf(check(certSubject(), 'exchange-um', env, 'ex9.contoso.com'), 'general.named-server-product')).toBe('not_applicable');
  });
});

describe('internal names in public certificates: Public Suffix List and IANA special-purpose registries', () => {
  const pub = { trust: makeTrust({ anchor: 'public' as const, publicCa: true }) };
  const reason = (name: string, ip = false) => {
    const s = certSubject(ip ? { cn: 'sip.contoso.com', san: ['sip.contoso.com'], subjectAltNames: { dns: ['sip.contoso.com'], ip: [name], email: [], uri: [], upn: [], directoryNames: [], other: [] } } : { cn: 'sip.contoso.com', san: ['sip.contoso.com', name] }, pub);
    const r = check(s, 'general');
    return { status: statusOf(r, 'general.public-internal-names'), detail: finding(r, 'general.public-internal-names').detail };
  };
  it('.intra (not a public suffix) and .home.arpa (special-use) are internal; co.uk names are public', () => {
    expect(reason('ex1.contoso.intra').status).toBe('error');
    expect(reason('ex1.contoso.intra').detail).toMatch(/\.intra, which is not a public top-level domain \(not in the Public Suffix List\)/);
    expect(reason('nas.home.arpa').detail).toMatch(/RFC 8375/);
    expect(reason('mail.contoso.co.uk').status).toBe('pass');
    expect(reason('EX1').detail).toMatch(/single-label/);
  });
  it('100.64.0.0/10, 169.254/16, fc00::/7 and fe80::/10 are reserved; IPv6 is not called a single-label name; public addresses pass', () => {
    expect(reason('100.64.12.1', true).detail).toMatch(/100\.64\.0\.0\/10/);
    expect(reason('169.254.10.10', true).detail).toMatch(/link-local/);
    const ula = reason('fd12:3456::1', true);
    expect(ula.status).toBe('error');
    expect(ula.detail).toMatch(/unique local address \(fc00::\/7/);
    expect(ula.detail).not.toMatch(/single-label/);
    expect(reason('fe80::1', true).detail).toMatch(/link-local/);
    expect(reason('192.0.2.10', true).status).toBe('error');
    expect(reason('8.8.8.8', true).status).toBe('pass');
    expect(reason('2606:4700::1111', true).status).toBe('pass');
  });
});

describe('titles say what was found', () => {
  it('expired and not yet valid', () => {
    const expired = check(certSubject({ notAfter: '2025-05-02T00:00:00.000Z' }), 'general');
    expect(finding(expired, 'general.expired').title).toBe('Certificate expired 30 days ago');
    const early = check(certSubject({ notBefore: '2025-07-01T00:00:00.000Z' }), 'general');
    expect(finding(early, 'general.not-yet-valid').title).toBe('Certificate is not valid until 2025-07-01');
    // A pass keeps the rule's own title.
    expect(finding(check(certSubject(), 'general'), 'general.expired').title).toBe('Certificate has not expired');
  });
});

describe('more titles that say what was found', () => {
  it('OWA IM CN, Edge public CA and Access Edge CN, AuthConfig mismatch', () => {
    const owa = check(certSubject({ cn: 'mail.contoso.com', san: ['mail.contoso.com'] }), 'owa-im', { owaIm: { trustedApplicationPoolFqdn: 'owa.contoso.com' } });
    expect(finding(owa, 'owa-im.cn-is-pool-fqdn').title).toBe('CN is not the trusted application pool FQDN');
    const edge = check(certSubject({ cn: 'edge.contoso.com', san: ['edge.contoso.com', 'sip.contoso.com'] }), 'edge-external', { edgePools: [{ accessEdgeFqdn: 'sip.contoso.com' }] });
    expect(finding(edge, 'edge-external.public-ca').title).toBe('Not issued by a public CA');
    expect(finding(edge, 'edge-external.cn-is-access-edge').title).toBe('CN is not the Access Edge FQDN');
    const auth = check(certSubject({ cn: 'Microsoft Exchange Server Auth Certificate', san: [] }), 'exchange-auth', { authConfig: { currentCertificateThumbprint: 'A33E4C629AE9553E186F93474E796D598B1F7424' } });
    expect(finding(auth, 'exchange-auth.matches-authconfig').title).toBe('The Auth certificate AuthConfig names is missing');
  });
});
