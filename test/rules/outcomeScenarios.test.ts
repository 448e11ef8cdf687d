// One scenario per declared non-pass outcome of every certificate rule (pkilint style): each row
// names the outcome code `rule-id/outcome`, builds a certificate or request and an environment,
// and the test checks that evaluating it really reports that outcome, with the declared status
// and a title that says what was found. The meta-test (test/meta/outcomeCoverage.test.ts) fails
// when a declared outcome has no test that names it; deleting a rule file fails its rows here.
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../shared/environment/types.js';
import { ALL_RULES, evaluate } from '../../shared/rules/index.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { EvaluationResult, Subject } from '../../shared/rules/engine/types.js';
import { THUMB_A, THUMB_B, certSubject, dn, makeTrust, requestSubject } from '../support/models.js';
import { finding, outcomeOf } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const AUTH = 'Microsoft Exchange Server Auth Certificate';
const UM: Environment = { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] }] };
const EDGE: Environment = { edgePools: [{ internalFqdn: 'edge.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webcon.contoso.com' }] };
const OWA = (o: NonNullable<Environment['owaIm']>): Environment => ({ owaIm: o });
const EC = { keyAlgorithm: 'EC' as const, keySize: 256, publicKey: { algorithm: 'EC' as const, size: 256, curve: 'P-256', spkiSha256: '' } };
const KSP = { key: { algorithm: 'RSA' as const, size: 2048, certificateIndex: 0, provider: 'Microsoft Software Key Storage Provider' } };
const PUBLIC = { trust: makeTrust({ anchor: 'public', publicCa: true }) };
const SELF = { trust: makeTrust({ status: 'self-signed', anchor: null, selfSigned: true }) };
const AES = { container: { mac: 'HMAC-SHA256', macIterations: 2048, protections: [{ part: 'key' as const, cipher: 'AES-256-CBC', scheme: 'PBES2/PBKDF2-HMAC-SHA256', iterations: 2048 }], profile: 'aes' as const } };
const SHA1 = { signatureHash: 'SHA-1', signatureAlgorithm: 'sha1WithRSAEncryption', signatureAlgorithmOid: '1.2.840.113549.1.1.5' };
const SERVER_ONLY = { extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.1'], names: ['Server Authentication'] } };
const auth = (o: Parameters<typeof certSubject>[0] = {}, extra: Parameters<typeof certSubject>[1] = {}) =>
  certSubject({ cn: AUTH, san: [], extendedKeyUsage: null, ...o }, { ...SELF, ...extra });
const authEnv = (a: NonNullable<Environment['authConfig']>): Environment => ({ authConfig: a });

interface Scenario {
  code: string;
  role: RoleChoice;
  subject: () => Subject;
  env?: Environment;
  server?: string;
  batch?: string[];
}

const SCENARIOS: Scenario[] = [
  { code: 'auto.role-guess/none', role: 'auto', subject: () => certSubject({ cn: 'www.fabrikam.com', san: ['www.fabrikam.com'] }) },
  { code: 'auto.role-guess/guessed', role: 'auto', subject: () => auth() },

  { code: 'general.expired/expired', role: 'general', subject: () => certSubject({ notAfter: '2025-05-01T00:00:00.000Z' }) },
  { code: 'general.not-yet-valid/not-yet-valid', role: 'general', subject: () => certSubject({ notBefore: '2025-07-01T00:00:00.000Z' }) },
  { code: 'general.expiry-window/renew-now', role: 'general', subject: () => certSubject({ notAfter: '2025-06-20T00:00:00.000Z' }) },
  { code: 'general.expiry-window/plan-renewal', role: 'general', subject: () => certSubject({ notAfter: '2025-07-15T00:00:00.000Z' }) },
  { code: 'general.rsa-key-size/rsa-too-small', role: 'general', subject: () => certSubject({ keySize: 1024 }) },
  { code: 'general.rsa-key-size/ec-curve', role: 'general', subject: () => certSubject({ keyAlgorithm: 'EC', keySize: 192, publicKey: { algorithm: 'EC', size: 192, curve: 'P-192', spkiSha256: '' } }) },
  { code: 'general.rsa-key-size/other-algorithm', role: 'general', subject: () => certSubject({ keyAlgorithm: 'Ed25519', keySize: 256, publicKey: { algorithm: 'Ed25519', size: 256, spkiSha256: '' } }) },
  { code: 'general.sha1-signature/md-signature', role: 'general', subject: () => certSubject({ signatureHash: 'MD5', signatureAlgorithm: 'md5WithRSAEncryption' }) },
  { code: 'general.sha1-signature/sha1-self-signed', role: 'general', subject: () => certSubject(SHA1, SELF) },
  { code: 'general.sha1-signature/sha1-public', role: 'general', subject: () => certSubject(SHA1, PUBLIC) },
  { code: 'general.sha1-signature/sha1', role: 'general', subject: () => certSubject(SHA1) },
  { code: 'general.chain-trust/invalid-signature', role: 'general', subject: () => certSubject({}, { trust: makeTrust({ status: 'invalid-signature', anchor: null }) }) },
  { code: 'general.chain-trust/self-signed', role: 'general', subject: () => certSubject({}, SELF) },
  { code: 'general.chain-trust/incomplete', role: 'general', subject: () => certSubject({}, { trust: makeTrust({ status: 'incomplete', anchor: null }) }) },
  { code: 'general.chain-trust/untrusted-root', role: 'general', subject: () => certSubject({}, { trust: makeTrust({ status: 'untrusted-root', anchor: null, chain: [{ subject: 'CN=Fabrikam Root', issuer: 'CN=Fabrikam Root' }] as never }) }) },
  { code: 'general.chain-trust/ca-out-of-date', role: 'general', subject: () => certSubject({}, { trust: makeTrust({ problems: ['The intermediate Contoso Issuing CA expired on 2025-05-01.'] }) }) },
  { code: 'general.cn-in-san/no-san-cn-read', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject({ san: [] }) },
  { code: 'general.cn-in-san/no-san', role: 'general', subject: () => certSubject({ san: [] }) },
  { code: 'general.cn-in-san/wildcard-only', role: 'general', subject: () => certSubject({ cn: 'mail.contoso.com', san: ['*.contoso.com'] }) },
  { code: 'general.cn-in-san/missing', role: 'general', subject: () => certSubject({ cn: 'mail.contoso.com', san: ['owa.contoso.com'] }) },
  { code: 'general.public-internal-names/internal-names', role: 'general', subject: () => certSubject({ cn: 'ex1.contoso.local', san: ['ex1.contoso.local'] }, PUBLIC) },
  { code: 'general.public-validity-period/too-long', role: 'general', subject: () => certSubject({ notAfter: '2026-06-01T00:00:00.000Z' }, PUBLIC) },
  { code: 'general.key-provider-cng/ec-lync-2013', role: 'edge-internal', env: { edgePools: [{ internalFqdn: 'ex1.contoso.com', version: 'Lync2013' }] }, subject: () => certSubject(EC) },
  { code: 'general.key-provider-cng/ec-key', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject(EC) },
  { code: 'general.key-provider-cng/cng-ksp', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject({}, KSP) },
  { code: 'general.key-provider-cng/cng-ksp-general', role: 'general', subject: () => certSubject({}, KSP) },
  { code: 'general.pfx-aes-old-windows/aes-old-windows', role: 'general', env: { exchangeServers: [{ fqdn: 'ex1.contoso.com', os: '2016' }] }, subject: () => certSubject({}, AES) },
  { code: 'general.pfx-aes-old-windows/aes-windows-unknown', role: 'general', subject: () => certSubject({}, AES) },
  { code: 'general.client-auth-sunset/request-asks', role: 'edge-external', subject: () => requestSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'], extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], names: ['Server Authentication', 'Client Authentication'] } }) },
  { code: 'general.client-auth-sunset/public-has-client-auth', role: 'general', subject: () => certSubject({}, PUBLIC) },
  { code: 'general.named-server-product/other-product', role: 'exchange-um', env: { ...UM, ...EDGE }, server: 'edge.contoso.local', subject: () => certSubject() },
  { code: 'general.invisible-characters/bidi-control-in-name', role: 'general', subject: () => certSubject({ cn: 'ex1.contoso.com\u202Emoc.live' }) },
  { code: 'general.invisible-characters/invisible-in-name', role: 'general', subject: () => certSubject({ san: ['ex1\u200B.contoso.com'] }) },
  { code: 'general.invisible-characters/invisible-in-subject', role: 'general', subject: () => certSubject({ subjectName: dn('ex1.contoso.com', [{ type: 'O', oid: '2.5.4.10', value: 'Con\u200Btoso' }]) }) },

  { code: 'lync.cn-not-wildcard/wildcard-edge-internal', role: 'edge-internal', subject: () => certSubject({ cn: '*.contoso.local', san: ['*.contoso.local'] }) },
  { code: 'lync.cn-not-wildcard/wildcard', role: 'edge-external', subject: () => certSubject({ cn: '*.contoso.com', san: ['*.contoso.com'] }, PUBLIC) },
  { code: 'lync.not-self-signed/self-signed', role: 'owa-im', subject: () => certSubject({}, SELF) },
  { code: 'lync.server-auth-eku/missing', role: 'owa-im', subject: () => certSubject({ extendedKeyUsage: { critical: false, oids: ['1.3.6.1.5.5.7.3.2'], names: ['Client Authentication'] } }) },
  { code: 'lync.crl-distribution-point/missing', role: 'owa-im', subject: () => certSubject({ crlDistributionPoints: [] }) },
  { code: 'lync.no-rsassa-pss/pss', role: 'owa-im', subject: () => certSubject({ signatureAlgorithm: 'RSASSA-PSS', signatureAlgorithmOid: '1.2.840.113549.1.1.10' }) },
  { code: 'lync.fqdn-characters/bad-characters', role: 'owa-im', subject: () => certSubject({ cn: 'ex_1.contoso.com', san: ['ex_1.contoso.com'] }) },

  { code: 'exchange-um.cn-is-server-fqdn/no-cn', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject({ cn: null }) },
  { code: 'exchange-um.cn-is-server-fqdn/wildcard', role: 'exchange-um', subject: () => certSubject({ cn: '*.contoso.com', san: ['*.contoso.com'] }) },
  { code: 'exchange-um.cn-is-server-fqdn/unknown-server', role: 'exchange-um', subject: () => certSubject() },
  { code: 'exchange-um.cn-is-server-fqdn/san-only', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject({ cn: 'mail.contoso.com', san: ['mail.contoso.com', 'ex1.contoso.com'] }) },
  { code: 'exchange-um.cn-is-server-fqdn/other-name', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject({ cn: 'mail.contoso.com', san: ['mail.contoso.com'] }) },
  { code: 'exchange-um.version-has-um/no-um', role: 'exchange-um', env: { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2019' }] }, server: 'ex1.contoso.com', subject: () => certSubject() },
  { code: 'exchange-um.version-has-um/sfb2019', role: 'exchange-um', env: { ...UM, sfbPools: [{ fqdn: 'pool.contoso.com', version: 'SfB2019' }] }, server: 'ex1.contoso.com', subject: () => certSubject() },
  { code: 'exchange-um.san-optional/no-san', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject({ san: [] }) },
  { code: 'exchange-um.san-optional/other-names', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject({ san: ['mail.contoso.com'] }) },
  { code: 'exchange-um.client-auth-eku/missing', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => certSubject(SERVER_ONLY) },

  { code: 'owa-im.cn-is-pool-fqdn/pool-unknown', role: 'owa-im', subject: () => certSubject() },
  { code: 'owa-im.cn-is-pool-fqdn/other-name', role: 'owa-im', env: OWA({ trustedApplicationPoolFqdn: 'owa.contoso.com' }), subject: () => certSubject({ san: ['ex1.contoso.com', 'owa.contoso.com'] }) },
  { code: 'owa-im.pool-fqdn-in-san/wildcard-only', role: 'owa-im', env: OWA({ trustedApplicationPoolFqdn: 'owa.contoso.com' }), subject: () => certSubject({ cn: 'owa.contoso.com', san: ['*.contoso.com'] }) },
  { code: 'owa-im.pool-fqdn-in-san/missing', role: 'owa-im', env: OWA({ trustedApplicationPoolFqdn: 'owa.contoso.com' }), subject: () => certSubject({ cn: 'owa.contoso.com', san: ['ex1.contoso.com'] }) },
  { code: 'owa-im.thumbprint-matches/invalid', role: 'owa-im', env: OWA({ certificateThumbprint: 'not a thumbprint' }), subject: () => certSubject() },
  { code: 'owa-im.thumbprint-matches/mismatch', role: 'owa-im', env: OWA({ certificateThumbprint: THUMB_B }), subject: () => certSubject() },
  { code: 'owa-im.thumbprint-matches/invisible', role: 'owa-im', env: OWA({ certificateThumbprint: '\u200E' + THUMB_A }), subject: () => certSubject() },
  { code: 'owa-im.thumbprint-matches/formatting', role: 'owa-im', env: OWA({ certificateThumbprint: THUMB_A.toLowerCase() }), subject: () => certSubject() },
  { code: 'owa-im.known-servers-conflict/lync2010', role: 'owa-im', env: { owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com' }, exchangeServers: [{ fqdn: 'ex1.contoso.com', hostsSipNameDialPlan: true }], sfbPools: [{ fqdn: 'pool.contoso.com', version: 'Lync2010' }] }, subject: () => certSubject() },
  { code: 'owa-im.known-servers-conflict/drops-both', role: 'owa-im', env: { owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com' }, exchangeServers: [{ fqdn: 'ex1.contoso.com', hostsSipNameDialPlan: true }], sfbPools: [{ fqdn: 'pool.contoso.com', version: 'SfB2015' }] }, subject: () => certSubject() },
  { code: 'owa-im.known-servers-conflict/version-unknown', role: 'owa-im', env: { owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com' }, exchangeServers: [{ fqdn: 'ex1.contoso.com', hostsSipNameDialPlan: true }] }, subject: () => certSubject() },
  { code: 'owa-im.exchange-version-notes/lync2013-unsupported', role: 'owa-im', env: { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' }], sfbPools: [{ fqdn: 'pool.contoso.com', version: 'Lync2013' }] }, subject: () => certSubject() },
  { code: 'owa-im.exchange-version-notes/notes', role: 'owa-im', env: { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2013' }] }, subject: () => certSubject() },

  { code: 'edge-external.cn-is-access-edge/access-edge-unknown', role: 'edge-external', subject: () => certSubject({}, PUBLIC) },
  { code: 'edge-external.cn-is-access-edge/other-name', role: 'edge-external', env: EDGE, subject: () => certSubject({ cn: 'webcon.contoso.com', san: ['sip.contoso.com', 'webcon.contoso.com'] }, PUBLIC) },
  { code: 'edge-external.san-required-names/names-unknown', role: 'edge-external', subject: () => certSubject({}, PUBLIC) },
  { code: 'edge-external.san-required-names/missing', role: 'edge-external', env: EDGE, subject: () => certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }, PUBLIC) },
  { code: 'edge-external.san-required-names/wildcard-only', role: 'edge-external', env: EDGE, subject: () => certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com', '*.contoso.com'] }, PUBLIC) },
  { code: 'edge-external.public-ca/request', role: 'edge-external', subject: () => requestSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }) },
  { code: 'edge-external.public-ca/self-signed', role: 'edge-external', subject: () => certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }, SELF) },
  { code: 'edge-external.public-ca/chain-incomplete', role: 'edge-external', subject: () => certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }, { trust: makeTrust({ status: 'incomplete', anchor: null }) }) },
  { code: 'edge-external.public-ca/not-public', role: 'edge-external', subject: () => certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }) },
  { code: 'edge-external.exportable-key/request', role: 'edge-external', subject: () => requestSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }) },
  { code: 'edge-external.exportable-key/no-key', role: 'edge-external', subject: () => certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'], hasPrivateKey: false }, { ...PUBLIC, documentKind: 'certificate' }) },
  { code: 'edge-internal.cn-is-internal-fqdn/internal-fqdn-unknown', role: 'edge-internal', subject: () => certSubject({ cn: 'edge.contoso.local', san: ['edge.contoso.local'] }) },
  { code: 'edge-internal.cn-is-internal-fqdn/other-name', role: 'edge-internal', env: EDGE, subject: () => certSubject({ cn: 'edge1.contoso.local', san: ['edge1.contoso.local'] }) },

  { code: 'exchange-auth.matches-authconfig/no-authconfig', role: 'exchange-auth', subject: () => auth() },
  { code: 'exchange-auth.matches-authconfig/invalid-config', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: 'zz' }), subject: () => auth() },
  { code: 'exchange-auth.matches-authconfig/next', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: THUMB_B, nextCertificateThumbprint: THUMB_A }), subject: () => auth() },
  { code: 'exchange-auth.matches-authconfig/previous', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: THUMB_B, previousCertificateThumbprint: THUMB_A }), subject: () => auth() },
  { code: 'exchange-auth.matches-authconfig/not-current', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: THUMB_B }), batch: [THUMB_A, THUMB_B], subject: () => auth() },
  { code: 'exchange-auth.matches-authconfig/current-missing', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: THUMB_B }), subject: () => auth() },
  { code: 'exchange-auth.private-key/pfx-without-key', role: 'exchange-auth', subject: () => auth({ hasPrivateKey: false }, { documentKind: 'pkcs12' }) },
  { code: 'exchange-auth.private-key/no-key-in-file', role: 'exchange-auth', subject: () => auth({ hasPrivateKey: false }, { documentKind: 'certificate' }) },
  { code: 'exchange-auth.renewal-window/next-short', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: THUMB_B, nextCertificateThumbprint: THUMB_A }), subject: () => auth({ notAfter: '2025-08-01T00:00:00.000Z' }) },
  { code: 'exchange-auth.renewal-window/authconfig-unknown', role: 'exchange-auth', subject: () => auth({ notAfter: '2025-07-01T00:00:00.000Z' }) },
  { code: 'exchange-auth.renewal-window/no-next', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: THUMB_A }), subject: () => auth({ notAfter: '2025-07-01T00:00:00.000Z' }) },
  { code: 'exchange-auth.renewal-window/next-staged', role: 'exchange-auth', env: authEnv({ currentCertificateThumbprint: THUMB_A, nextCertificateThumbprint: THUMB_B }), subject: () => auth({ notAfter: '2025-07-01T00:00:00.000Z' }) },
  { code: 'exchange-auth.subject/other-subject', role: 'exchange-auth', subject: () => auth({ cn: 'ex1.contoso.com' }) },
  { code: 'exchange-auth.rsa-key/not-rsa', role: 'exchange-auth', subject: () => auth(EC) },
  { code: 'exchange-auth.no-san/host-names', role: 'exchange-auth', subject: () => auth({ san: ['mail.contoso.com'] }) },

  { code: 'sfb-oauth.same-on-all-front-ends/not-listed', role: 'sfb-oauth', subject: () => certSubject({ cn: 'pool.contoso.com', san: ['pool.contoso.com'] }) },
  { code: 'sfb-oauth.same-on-all-front-ends/differs', role: 'sfb-oauth', env: { oauthTokenIssuerThumbprints: { 'fe1.contoso.com': THUMB_A, 'fe2.contoso.com': THUMB_B } }, subject: () => certSubject({ cn: 'pool.contoso.com', san: ['pool.contoso.com'] }) },
  { code: 'sfb-oauth.exportable-key/request', role: 'sfb-oauth', subject: () => requestSubject({ cn: 'pool.contoso.com', san: ['pool.contoso.com'] }) },
  { code: 'sfb-oauth.exportable-key/no-key', role: 'sfb-oauth', subject: () => certSubject({ cn: 'pool.contoso.com', san: ['pool.contoso.com'], hasPrivateKey: false }, { documentKind: 'certificate' }) },
];

function run(s: Scenario): EvaluationResult {
  return evaluate(s.subject(), s.role, s.env ?? {}, AT, { ...(s.server ? { server: s.server } : {}), batchThumbprints: s.batch ?? [] });
}

describe('every declared non-pass outcome is produced by a scenario', () => {
  it.each(SCENARIOS.map((s) => [s.code, s] as const))('%s', (code, s) => {
    const ruleId = code.split('/')[0]!;
    const outcome = code.split('/')[1]!;
    const rule = ALL_RULES.find((r) => r.id === ruleId);
    expect(rule, `rule ${ruleId} is in the catalogue`).toBeDefined();
    const result = run(s);
    expect(outcomeOf(result, ruleId)).toBe(code);
    const f = finding(result, ruleId);
    expect(f.status).toBe(rule!.outcomes[outcome]!.status);
    // The title says what was found: the outcome's own, never the rule's requirement name.
    expect(f.title.length).toBeGreaterThan(0);
    if (f.title !== rule!.outcomes[outcome]!.title) expect(f.title).not.toBe(rule!.title);
    expect(result.findings.filter((x) => x.status === 'fatal')).toEqual([]);
  });

  it('no scenario is listed twice, and every non-pass outcome of every certificate rule has one', () => {
    const codes = SCENARIOS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    const declared = ALL_RULES.flatMap((r) =>
      Object.entries(r.outcomes)
        .filter(([, o]) => o.status !== 'pass' && o.status !== 'not_applicable')
        .map(([k]) => `${r.id}/${k}`),
    );
    expect(declared.filter((c) => !codes.includes(c))).toEqual([]);
    expect(codes.filter((c) => !declared.includes(c))).toEqual([]);
  });
});

describe('titles say what was found', () => {
  it('a failing certificate never carries the requirement as its title', () => {
    const expired = run({ code: '', role: 'general', subject: () => certSubject({ notAfter: '2025-05-01T00:00:00.000Z' }) });
    expect(finding(expired, 'general.expired').title).toBe('Certificate expired 31 days ago');
    const soon = run({ code: '', role: 'general', subject: () => certSubject({ notAfter: '2025-06-30T00:00:00.000Z' }) });
    expect(finding(soon, 'general.expiry-window').title).toBe('Certificate expires in 29 days');
    const self = run({ code: '', role: 'owa-im', subject: () => certSubject({}, SELF) });
    expect(finding(self, 'lync.not-self-signed').title).toBe('Certificate is self-signed');
    const sanOnly = run(SCENARIOS.find((s) => s.code === 'exchange-um.cn-is-server-fqdn/san-only')!);
    expect(finding(sanOnly, 'exchange-um.cn-is-server-fqdn').title).toBe('UM server FQDN is only in the SAN');
  });

  it('findings of a real certificate carry their outcome code; not applicable is the engine\'s own code', () => {
    const r = run({ code: '', role: 'exchange-um', env: UM, server: 'ex1.contoso.com', subject: () => requestSubject() });
    for (const f of r.findings) expect(f.outcome, f.ruleId).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(outcomeOf(r, 'general.expired')).toBe('general.expired/not-applicable');
  });
});
