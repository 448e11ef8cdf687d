// Per-rule tests on hand-built models: each scenario changes one fact of an otherwise valid
// certificate and states the expected findings as a set of `ruleId:status`.
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../shared/environment/types.js';
import { evaluate } from '../../shared/rules/index.js';
import type { Subject } from '../../shared/rules/engine/types.js';
import { certSubject, makeTrust, requestSubject, THUMB_A, THUMB_B } from '../support/models.js';
import { finding, problems, statusOf, outcomes } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const check = (subject: Subject, role: Parameters<typeof evaluate>[1], env: Environment = {}, server?: string) =>
  evaluate(subject, role, env, AT, server ? { server } : {});

const UM_ENV: Environment = {
  exchangeServers: [
    { fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] },
    { fqdn: 'ex2.contoso.com', version: '2016' },
  ],
};

describe('general rules', () => {
  it('a valid internal server certificate passes every general rule', () => {
    const r = check(certSubject(), 'general');
    expect(problems(r)).toEqual([]);
    expect(outcomes(r)).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  it('expired → error with role-specific symptoms; expiring soon → warn (30) / info (60)', () => {
    const expired = check(certSubject({ notAfter: '2025-05-01T00:00:00.000Z' }), 'exchange-auth');
    expect(statusOf(expired, 'general.expired')).toBe('error');
    expect(finding(expired, 'general.expired').whatBreaks).toMatch(/event 1003/);
    expect(statusOf(expired, 'general.expiry-window')).toBe('not_applicable');
    expect(statusOf(check(certSubject({ notAfter: '2025-06-20T00:00:00.000Z' }), 'general'), 'general.expiry-window')).toBe('warn');
    expect(statusOf(check(certSubject({ notAfter: '2025-07-20T00:00:00.000Z' }), 'general'), 'general.expiry-window')).toBe('info');
  });

  it('not yet valid → error', () => {
    expect(problems(check(certSubject({ notBefore: '2025-07-01T00:00:00.000Z' }), 'general'))).toEqual(['general.not-yet-valid:error']);
    expect(outcomes(check(certSubject({ notBefore: '2025-07-01T00:00:00.000Z' }), 'general'))).toEqual(['general.not-yet-valid/not-yet-valid']);
  });

  it('RSA 1024 → error; EC P-256 passes', () => {
    expect(problems(check(certSubject({ keySize: 1024 }), 'general'))).toEqual(['general.rsa-key-size:error']);
    expect(outcomes(check(certSubject({ keySize: 1024 }), 'general'))).toEqual(['general.rsa-key-size/rsa-too-small']);
    const ec = certSubject({ keyAlgorithm: 'EC', keySize: 256, publicKey: { algorithm: 'EC', size: 256, curve: 'P-256', spkiSha256: '' } });
    expect(statusOf(check(ec, 'general'), 'general.rsa-key-size')).toBe('pass');
  });

  it('SHA-1: warn on an internal chain, error on a public chain after 2016, info when self-signed', () => {
    const sha1 = { signatureAlgorithm: 'sha1WithRSAEncryption', signatureAlgorithmOid: '1.2.840.113549.1.1.5', signatureHash: 'SHA-1' };
    expect(statusOf(check(certSubject(sha1), 'general'), 'general.sha1-signature')).toBe('warn');
    const pub = certSubject(sha1, { trust: makeTrust({ anchor: 'public', publicCa: true }) });
    expect(statusOf(check(pub, 'general'), 'general.sha1-signature')).toBe('error');
    const self = certSubject({ ...sha1, selfSigned: true }, { trust: makeTrust({ status: 'self-signed', anchor: null, selfSigned: true }) });
    expect(statusOf(check(self, 'general'), 'general.sha1-signature')).toBe('info');
  });

  it('CN missing from the SAN → warn; no SAN at all is only a note for UM', () => {
    expect(statusOf(check(certSubject({ san: ['mail.contoso.com'] }), 'general'), 'general.cn-in-san')).toBe('warn');
    expect(statusOf(check(certSubject({ san: [] }), 'exchange-um', UM_ENV), 'general.cn-in-san')).toBe('info');
    expect(statusOf(check(certSubject({ san: [] }), 'exchange-auth'), 'general.cn-in-san')).toBe('not_applicable');
  });

  it('public chain: internal names → error; validity over the cap → error', () => {
    const pub = { trust: makeTrust({ anchor: 'public' as const, publicCa: true }) };
    const internal = check(certSubject({ san: ['ex1.contoso.com', 'ex1.contoso.local', 'ex1'] }, pub), 'general');
    expect(statusOf(internal, 'general.public-internal-names')).toBe('error');
    expect(finding(internal, 'general.public-internal-names').detail).toContain('ex1.contoso.local');
    const long = certSubject({ notBefore: '2025-01-01T00:00:00.000Z', notAfter: '2026-03-01T00:00:00.000Z' }, pub);
    expect(statusOf(check(long, 'general'), 'general.public-validity-period')).toBe('error');
    const after2026 = certSubject({ notBefore: '2026-04-01T00:00:00.000Z', notAfter: '2026-12-01T00:00:00.000Z' }, pub);
    expect(statusOf(evaluate(after2026, 'general', {}, new Date('2026-05-01T00:00:00Z')), 'general.public-validity-period')).toBe('error');
    const ok398 = certSubject({ notBefore: '2025-01-01T00:00:00.000Z', notAfter: '2026-02-02T23:59:59.000Z' }, pub);
    expect(statusOf(check(ok398, 'general'), 'general.public-validity-period')).toBe('pass');
    // Internal chains are out of scope for CA/B rules.
    expect(statusOf(check(certSubject({ san: ['ex1.contoso.local'] }), 'general'), 'general.public-internal-names')).toBe('not_applicable');
  });

  it('AES PFX: warn for a Server 2016 target, info when the OS is unknown, pass for 3DES', () => {
    const container = { mac: 'HMAC-SHA256', macIterations: 2048, protections: [{ part: 'key' as const, cipher: 'AES-256-CBC', scheme: 'PBES2', iterations: 2048 }], profile: 'aes' as const };
    const aes = certSubject({}, { container });
    expect(statusOf(check(aes, 'general', { exchangeServers: [{ fqdn: 'ex1.contoso.com', os: '2016' }] }), 'general.pfx-aes-old-windows')).toBe('warn');
    expect(statusOf(check(aes, 'general', { exchangeServers: [{ fqdn: 'ex1.contoso.com', os: '2022' }] }), 'general.pfx-aes-old-windows')).toBe('pass');
    expect(statusOf(check(aes, 'general'), 'general.pfx-aes-old-windows')).toBe('info');
    const des = certSubject({}, { container: { ...container, protections: [{ part: 'key', cipher: '3DES-CBC', scheme: 'PKCS#12 PBE (SHA-1)', iterations: 2048 }], profile: '3des' } });
    expect(statusOf(check(des, 'general', { exchangeServers: [{ fqdn: 'ex1.contoso.com', os: '2016' }] }), 'general.pfx-aes-old-windows')).toBe('pass');
  });

  it('CNG key storage provider: error for UM, warn for general; legacy CSP passes', () => {
    const ksp = { key: { algorithm: 'RSA' as const, size: 2048, certificateIndex: 0, provider: 'Microsoft Software Key Storage Provider' } };
    const um = check(certSubject({}, ksp), 'exchange-um', UM_ENV);
    expect(statusOf(um, 'general.key-provider-cng')).toBe('error');
    expect(finding(um, 'general.key-provider-cng').whatBreaks).toMatch(/1079/);
    expect(statusOf(check(certSubject({}, ksp), 'general'), 'general.key-provider-cng')).toBe('warn');
    const csp = { key: { ...ksp.key, provider: 'Microsoft RSA SChannel Cryptographic Provider' } };
    expect(statusOf(check(certSubject({}, csp), 'exchange-um', UM_ENV), 'general.key-provider-cng')).toBe('pass');
    expect(statusOf(check(requestSubject({ cryptographicProvider: 'Microsoft Software Key Storage Provider' }), 'owa-im'), 'general.key-provider-cng')).toBe('error');
  });

  it('chain trust: untrusted root and incomplete chains warn, a bad signature fails', () => {
    expect(statusOf(check(certSubject({}, { trust: makeTrust({ status: 'untrusted-root', anchor: null }) }), 'general'), 'general.chain-trust')).toBe('warn');
    expect(statusOf(check(certSubject({}, { trust: makeTrust({ status: 'incomplete', anchor: null }) }), 'general'), 'general.chain-trust')).toBe('warn');
    expect(statusOf(check(certSubject({}, { trust: makeTrust({ status: 'invalid-signature', anchor: null }) }), 'general'), 'general.chain-trust')).toBe('error');
  });

  it('clientAuth on a public certificate is a note, on a public request a warning — never an error', () => {
    const pub = { trust: makeTrust({ anchor: 'public' as const, publicCa: true }) };
    expect(statusOf(check(certSubject({}, pub), 'general'), 'general.client-auth-sunset')).toBe('info');
    const req = requestSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'], extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], names: ['Server Authentication', 'Client Authentication'] } });
    expect(statusOf(check(req, 'edge-external'), 'general.client-auth-sunset')).toBe('warn');
  });
});

describe('Lync server-certificate rules', () => {
  it('wildcard CN → error with the MWI symptoms for UM', () => {
    const r = check(certSubject({ cn: '*.contoso.com', san: ['*.contoso.com', 'ex1.contoso.com'] }), 'exchange-um', UM_ENV, 'ex1.contoso.com');
    expect(statusOf(r, 'lync.cn-not-wildcard')).toBe('error');
    expect(finding(r, 'lync.cn-not-wildcard').whatBreaks).toMatch(/1344/);
    expect(finding(r, 'lync.cn-not-wildcard').fieldPath).toBe('commonName');
  });

  it('EKU without Server Authentication → error; no EKU extension passes', () => {
    const clientOnly = certSubject({ extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.2'], names: ['Client Authentication'] } });
    expect(statusOf(check(clientOnly, 'edge-internal'), 'lync.server-auth-eku')).toBe('error');
    expect(statusOf(check(certSubject({ extendedKeyUsage: null }), 'edge-internal'), 'lync.server-auth-eku')).toBe('pass');
  });

  it('no CDP → error (not for self-signed); RSASSA-PSS → error; underscore → error', () => {
    expect(statusOf(check(certSubject({ crlDistributionPoints: [] }), 'owa-im'), 'lync.crl-distribution-point')).toBe('error');
    const pss = certSubject({ signatureAlgorithm: 'rsassaPss', signatureAlgorithmOid: '1.2.840.113549.1.1.10' });
    expect(statusOf(check(pss, 'edge-internal'), 'lync.no-rsassa-pss')).toBe('error');
    expect(statusOf(check(certSubject({ cn: 'ex_1.contoso.com', san: ['ex_1.contoso.com'] }), 'edge-internal'), 'lync.fqdn-characters')).toBe('error');
  });

  it('self-signed: error for UM, Edge and OWA IM (all MTLS with Lync/SfB; issue 14)', () => {
    const self = certSubject({ selfSigned: true, crlDistributionPoints: [] }, { trust: makeTrust({ status: 'self-signed', anchor: null, selfSigned: true }) });
    expect(statusOf(check(self, 'exchange-um', UM_ENV), 'lync.not-self-signed')).toBe('error');
    expect(statusOf(check(self, 'owa-im'), 'lync.not-self-signed')).toBe('error');
    expect(statusOf(check(self, 'owa-im'), 'lync.crl-distribution-point')).toBe('not_applicable');
  });
});

describe('Exchange UM', () => {
  it('CN = server FQDN passes', () => {
    expect(problems(check(certSubject(), 'exchange-um', UM_ENV, 'ex1.contoso.com'))).toEqual([]);
    expect(outcomes(check(certSubject(), 'exchange-um', UM_ENV, 'ex1.contoso.com'))).toEqual([]);
  });

  it('server FQDN only in the SAN → error with the Edge symptoms (seed 002)', () => {
    const r = check(certSubject({ cn: 'mail.contoso.com', san: ['mail.contoso.com', 'ex1.contoso.com'] }), 'exchange-um', UM_ENV);
    expect(problems(r)).toEqual(['exchange-um.cn-is-server-fqdn:error']);
    expect(outcomes(r)).toEqual(['exchange-um.cn-is-server-fqdn/san-only']);
    expect(finding(r, 'exchange-um.cn-is-server-fqdn').whatBreaks).toMatch(/32263/);
    expect(finding(r, 'exchange-um.cn-is-server-fqdn').detail).toMatch(/only in the SAN/);
  });

  it('unknown server: a warning, not a guess', () => {
    expect(statusOf(check(certSubject({ cn: 'mail.contoso.com', san: ['mail.contoso.com'] }), 'exchange-um'), 'exchange-um.cn-is-server-fqdn')).toBe('warn');
  });

  it('Exchange 2019: the UM rules are skipped and a warning says why', () => {
    const r = check(certSubject({ cn: '*.contoso.com' }), 'exchange-um', { exchangeServers: [{ fqdn: 'ex19.contoso.com', version: '2019' }] }, 'ex19.contoso.com');
    expect(statusOf(r, 'exchange-um.version-has-um')).toBe('warn');
    expect(statusOf(r, 'exchange-um.cn-is-server-fqdn')).toBe('not_applicable');
  });

  it('no Client Authentication EKU is only a note (unconfirmed)', () => {
    const serverOnly = certSubject({ extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.1'], names: ['Server Authentication'] } });
    const r = check(serverOnly, 'exchange-um', UM_ENV, 'ex1.contoso.com');
    expect(statusOf(r, 'exchange-um.client-auth-eku')).toBe('info');
    expect(finding(r, 'exchange-um.client-auth-eku').detail).toMatch(/reported, not documented/);
  });
});

describe('OWA IM', () => {
  const env: Environment = {
    exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' }],
    owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com', imServerName: 'pool01.contoso.com', certificateThumbprint: THUMB_A },
  };

  it('matching CN, SAN and thumbprint pass', () => {
    expect(problems(check(certSubject(), 'owa-im', env))).toEqual(['owa-im.exchange-version-notes:info']);
    expect(outcomes(check(certSubject(), 'owa-im', env))).toEqual(['owa-im.exchange-version-notes/notes']);
  });

  it('thumbprint pasted with U+200E and spaces: matches after cleaning → warning naming the mark (issue 14)', () => {
    const pasted = '\u200E' + THUMB_A.toLowerCase().replace(/(..)/g, '$1 ').trim();
    const r = check(certSubject(), 'owa-im', { ...env, owaIm: { ...env.owaIm, certificateThumbprint: pasted } });
    expect(statusOf(r, 'owa-im.thumbprint-matches')).toBe('warn');
    expect(finding(r, 'owa-im.thumbprint-matches').detail).toContain('U+200E');
  });

  it('a different thumbprint → error; a 41-character one → error', () => {
    expect(statusOf(check(certSubject(), 'owa-im', { ...env, owaIm: { ...env.owaIm, certificateThumbprint: THUMB_B } }), 'owa-im.thumbprint-matches')).toBe('error');
    const r = check(certSubject(), 'owa-im', { ...env, owaIm: { ...env.owaIm, certificateThumbprint: '12345678123412341234567812345678123126789' } });
    expect(statusOf(r, 'owa-im.thumbprint-matches')).toBe('error');
    expect(finding(r, 'owa-im.thumbprint-matches').detail).toMatch(/41 hex characters/);
  });

  it('CN is not the pool → error; pool missing from the SAN → error', () => {
    const r = check(certSubject({ cn: 'mail.contoso.com', san: ['mail.contoso.com'] }), 'owa-im', env);
    expect(statusOf(r, 'owa-im.cn-is-pool-fqdn')).toBe('error');
    expect(statusOf(r, 'owa-im.pool-fqdn-in-san')).toBe('error');
  });

  it('pool on a SipName dial-plan server: error on Lync 2013+/SfB, info on Lync 2010 (seed 004), warn when the version is unknown', () => {
    const clash = (version?: 'Lync2010' | 'Lync2013' | 'SfB2015'): Environment => ({
      ...env,
      exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', hostsSipNameDialPlan: true }],
      ...(version ? { sfbPools: [{ fqdn: 'pool01.contoso.com', version }] } : {}),
    });
    const r = check(certSubject(), 'owa-im', clash('SfB2015'));
    expect(statusOf(r, 'owa-im.known-servers-conflict')).toBe('error');
    expect(finding(r, 'owa-im.known-servers-conflict').whatBreaks).toMatch(/14563/);
    expect(statusOf(check(certSubject(), 'owa-im', clash('Lync2013')), 'owa-im.known-servers-conflict')).toBe('error');
    const old = check(certSubject(), 'owa-im', clash('Lync2010'));
    expect(statusOf(old, 'owa-im.known-servers-conflict')).toBe('info');
    expect(finding(old, 'owa-im.known-servers-conflict').detail).toMatch(/can be ignored/);
    expect(statusOf(check(certSubject(), 'owa-im', clash()), 'owa-im.known-servers-conflict')).toBe('warn');
  });

  it('version notes: Exchange 2010 RTM names issuer and serial; Lync 2013 with Exchange 2016 warns', () => {
    const rtm = check(certSubject(), 'owa-im', { ...env, exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2010' }] });
    expect(finding(rtm, 'owa-im.exchange-version-notes').detail).toContain('IMCertificateSerialNumber="1A 2B 3C 4D 5E 6F"');
    expect(statusOf(rtm, 'owa-im.thumbprint-matches')).toBe('not_applicable');
    const lync = check(certSubject(), 'owa-im', { ...env, sfbPools: [{ fqdn: 'pool01.contoso.com', version: 'Lync2013' }] });
    expect(statusOf(lync, 'owa-im.exchange-version-notes')).toBe('warn');
  });
});

describe('Edge', () => {
  const env: Environment = {
    edgePools: [{ internalFqdn: 'edge-int.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: 'av.contoso.com' }],
    sipDomains: ['contoso.com', 'fabrikam.com'],
  };
  const pub = { trust: makeTrust({ anchor: 'public' as const, publicCa: true }), documentKind: 'pkcs12' as const };

  it('external: complete SAN from a public CA passes', () => {
    const s = certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com', 'webconf.contoso.com', 'sip.fabrikam.com'], notAfter: '2025-12-01T00:00:00.000Z' }, pub);
    expect(problems(check(s, 'edge-external', env))).toEqual(['general.client-auth-sunset:info']);
    expect(outcomes(check(s, 'edge-external', env))).toEqual(['general.client-auth-sunset/public-has-client-auth']);
  });

  it('external: missing sip.<domain> → error; internal CA → error; other CN → warn', () => {
    const s = certSubject({ cn: 'edge.contoso.com', san: ['sip.contoso.com', 'webconf.contoso.com', 'edge.contoso.com'] });
    expect(problems(check(s, 'edge-external', env))).toEqual([
      'edge-external.cn-is-access-edge:warn',
      'edge-external.public-ca:error',
      'edge-external.san-required-names:error',
    ]);
    expect(outcomes(check(s, 'edge-external', env))).toEqual(['edge-external.cn-is-access-edge/other-name', 'edge-external.public-ca/not-public', 'edge-external.san-required-names/missing']);
    expect(finding(check(s, 'edge-external', env), 'edge-external.san-required-names').detail).toContain('sip.fabrikam.com');
  });

  it('internal: CN must be the internal FQDN', () => {
    expect(statusOf(check(certSubject({ cn: 'edge-int.contoso.local', san: [] }), 'edge-internal', env), 'edge-internal.cn-is-internal-fqdn')).toBe('pass');
    expect(statusOf(check(certSubject({ cn: 'edge.contoso.local', san: [] }), 'edge-internal', env), 'edge-internal.cn-is-internal-fqdn')).toBe('error');
  });
});

describe('Exchange Auth and SfB OAuth', () => {
  const authCert = { cn: 'Microsoft Exchange Server Auth Certificate', san: [], selfSigned: true, extendedKeyUsage: null, crlDistributionPoints: [], thumbprint: THUMB_B };
  const self = { trust: makeTrust({ status: 'self-signed' as const, anchor: null, selfSigned: true }) };

  it('the current Auth certificate passes', () => {
    const r = check(certSubject(authCert, self), 'exchange-auth', { authConfig: { currentCertificateThumbprint: THUMB_B } });
    expect(problems(r)).toEqual(['general.chain-trust:info']);
    expect(outcomes(r)).toEqual(['general.chain-trust/self-signed']);
    expect(r.verdict).toBe('pass');
  });

  it('not the AuthConfig current certificate → error naming the missing thumbprint', () => {
    const r = check(certSubject({ ...authCert, thumbprint: THUMB_A }, self), 'exchange-auth', { authConfig: { currentCertificateThumbprint: THUMB_B } });
    expect(statusOf(r, 'exchange-auth.matches-authconfig')).toBe('error');
    expect(finding(r, 'exchange-auth.matches-authconfig').detail).toContain(THUMB_B);
    expect(finding(r, 'exchange-auth.matches-authconfig').whatBreaks).toMatch(/reported, not documented/);
  });

  it('renewal as MonitorExchangeAuthCertificate acts (issue 14): current ≤ 60 days and next missing → warn; 61–120 days → pass; next staged → info; no AuthConfig → warn that says it cannot tell', () => {
    const soon = certSubject({ ...authCert, notAfter: '2025-07-15T00:00:00.000Z' }, self);
    const noNext = check(soon, 'exchange-auth', { authConfig: { currentCertificateThumbprint: THUMB_B } });
    expect(statusOf(noNext, 'exchange-auth.renewal-window')).toBe('warn');
    expect(finding(noNext, 'exchange-auth.renewal-window').detail).toMatch(/has no NextCertificateThumbprint/);
    expect(finding(noNext, 'exchange-auth.renewal-window').title).toBe('Auth certificate expires in 44 days');
    const unknown = check(soon, 'exchange-auth', {});
    expect(statusOf(unknown, 'exchange-auth.renewal-window')).toBe('warn');
    expect(finding(unknown, 'exchange-auth.renewal-window').detail).not.toMatch(/AuthConfig has no next/);
    expect(finding(unknown, 'exchange-auth.renewal-window').detail).toMatch(/cannot tell/);
    expect(statusOf(check(soon, 'exchange-auth', { authConfig: { currentCertificateThumbprint: THUMB_B, nextCertificateThumbprint: THUMB_A } }), 'exchange-auth.renewal-window')).toBe('info');
    const mid = certSubject({ ...authCert, notAfter: '2025-09-01T00:00:00.000Z' }, self);
    expect(statusOf(check(mid, 'exchange-auth', { authConfig: { currentCertificateThumbprint: THUMB_B } }), 'exchange-auth.renewal-window')).toBe('pass');
    // The staged next certificate itself with ≤ 120 days: the monitor would replace it.
    expect(statusOf(check(mid, 'exchange-auth', { authConfig: { currentCertificateThumbprint: THUMB_A, nextCertificateThumbprint: THUMB_B } }), 'exchange-auth.renewal-window')).toBe('warn');
    const far = certSubject({ ...authCert, notAfter: '2026-09-01T00:00:00.000Z' }, self);
    expect(statusOf(check(far, 'exchange-auth', { authConfig: { currentCertificateThumbprint: THUMB_A, nextCertificateThumbprint: THUMB_B } }), 'exchange-auth.renewal-window')).toBe('pass');
  });

  it('a PFX without the key → error; a .cer → warning', () => {
    expect(statusOf(check(certSubject({ ...authCert, hasPrivateKey: false }, { ...self, documentKind: 'pkcs12' }), 'exchange-auth'), 'exchange-auth.private-key')).toBe('error');
    expect(statusOf(check(certSubject({ ...authCert, hasPrivateKey: false }, { ...self, documentKind: 'certificate' }), 'exchange-auth'), 'exchange-auth.private-key')).toBe('warn');
  });

  it('OAuthTokenIssuer differing on a Front End → error (a documented MUST; issue 14); all the same → pass; no list → info', () => {
    const r = check(certSubject({ cn: 'pool01.contoso.com' }), 'sfb-oauth', { oauthTokenIssuerThumbprints: { 'fe1.contoso.com': THUMB_A, 'fe2.contoso.com': THUMB_B } });
    expect(statusOf(r, 'sfb-oauth.same-on-all-front-ends')).toBe('error');
    expect(finding(r, 'sfb-oauth.same-on-all-front-ends').title).toBe('1 Front End uses another OAuthTokenIssuer certificate');
    expect(statusOf(check(certSubject({ cn: 'pool01.contoso.com' }), 'sfb-oauth', { oauthTokenIssuerThumbprints: { 'fe1.contoso.com': THUMB_A } }), 'sfb-oauth.same-on-all-front-ends')).toBe('pass');
    expect(statusOf(check(certSubject({ cn: 'pool01.contoso.com' }), 'sfb-oauth'), 'sfb-oauth.same-on-all-front-ends')).toBe('info');
  });
});

describe('requests are checked by the same rules', () => {
  it('a UM request with the FQDN only in the SAN fails before it reaches a CA', () => {
    const r = check(requestSubject({ cn: 'mail.contoso.com', san: ['mail.contoso.com', 'ex1.contoso.com'] }), 'exchange-um', UM_ENV);
    expect(problems(r)).toEqual(['exchange-um.client-auth-eku:info', 'exchange-um.cn-is-server-fqdn:error']);
    expect(outcomes(r)).toEqual(['exchange-um.client-auth-eku/missing', 'exchange-um.cn-is-server-fqdn/san-only']);
    expect(r.verdict).toBe('fail');
    expect(statusOf(r, 'general.expired')).toBe('not_applicable');
  });

  it('an Edge request naming .local fails the public-CA rule', () => {
    const r = check(requestSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com', 'edge.contoso.local'] }), 'edge-external');
    expect(statusOf(r, 'general.public-internal-names')).toBe('error');
  });
});

describe('--role auto', () => {
  it('guesses UM from the CN and says it guessed', () => {
    const r = check(certSubject(), 'auto', UM_ENV);
    expect(r.guessed).toBe(true);
    expect(r.roles).toContain('exchange-um');
    expect(statusOf(r, 'auto.role-guess')).toBe('info');
    expect(finding(r, 'auto.role-guess').detail).toMatch(/Guessed.*ex1\.contoso\.com/);
  });

  it('guesses the Auth role from the subject, and general only when nothing matches', () => {
    const auth = check(certSubject({ cn: 'Microsoft Exchange Server Auth Certificate', san: [] }), 'auto', {});
    expect(auth.roles).toEqual(['exchange-auth', 'general']);
    const none = check(certSubject({ cn: 'www.example.com', san: ['www.example.com'] }), 'auto', UM_ENV);
    expect(none.roles).toEqual(['general']);
    expect(finding(none, 'auto.role-guess').detail).toMatch(/no integration role/);
  });
});
