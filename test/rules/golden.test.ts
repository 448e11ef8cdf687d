// Golden tests on real OpenSSL-made certificates, decoded by the real decoder and chained by
// the real trust builder: each seed story reproduced, plus one fixture per rule family.
// Expected findings are compared as sets of `ruleId:status` (pass and N/A left out).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '../../shared/environment/types.js';
import { checkDocuments, type CheckResult } from '../../shared/rules/checkDocuments.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import { decodeFile } from '../support/decodeFile.js';
import { createCa, csr, issue, makeWorkDir, pfx, removeWorkDir, selfSigned, type Ca, type IssueOptions, type PfxProfile } from '../support/openssl.js';
import { finding, problems, statusOf, outcomes } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const PW = 'Fixture-Pa55';
const CDP = ['http://pki.contoso.com/issuing.crl'];
const SERVER_EKU = ['serverAuth', 'clientAuth'];
let dir: string;
let root: Ca;
let issuing: Ca;
let env: Environment;

beforeAll(() => {
  dir = makeWorkDir('golden');
  root = createCa({ dir, cn: 'Contoso Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  issuing = createCa({ dir, cn: 'Contoso Issuing CA', parent: root, startDate: '2020-01-01T00:00:00Z', endDate: '2035-01-01T00:00:00Z' });
  env = {
    exchangeServers: [
      { fqdn: 'ex1.contoso.com', version: '2016', os: '2019' },
      { fqdn: 'ex2.contoso.com', version: '2016', os: '2019' },
    ],
    sipDomains: ['contoso.com'],
    trustedRoots: [fs.readFileSync(root.certPem, 'utf8')],
  };
});
afterAll(() => removeWorkDir(dir));

/** An internal-CA server certificate for `cn`, packed as a PFX with key and chain. */
function serverPfx(name: string, options: Partial<IssueOptions> & { subject: string }, profile: PfxProfile = '3des-sha1mac'): string {
  const cert = issue(issuing, { eku: SERVER_EKU, cdp: CDP, startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z', ...options });
  return pfx({ out: path.join(dir, `${name}.pfx`), cert: cert.certPem, key: cert.keyPem, chain: [issuing.certPem], password: PW, profile });
}

async function check(file: string, role: RoleChoice, environment: Environment, server?: string, at = AT): Promise<CheckResult[]> {
  const document = await decodeFile(file, { password: PW });
  return checkDocuments([{ file: path.basename(file), document }], { role, environment, at, ...(server ? { server } : {}) });
}

async function only(file: string, role: RoleChoice, environment: Environment, server?: string, at = AT): Promise<CheckResult> {
  const results = await check(file, role, environment, server, at);
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('seed 001: the wildcard UM certificate', () => {
  it('fails UM: the CN is a wildcard and not the server FQDN; MWI 1344 / UMCore 1400 / play-on-phone', async () => {
    const file = serverPfx('wildcard', { subject: '/O=Contoso/CN=*.contoso.com', san: ['DNS:*.contoso.com', 'DNS:contoso.com'] });
    const r = await only(file, 'exchange-um', env, 'ex1.contoso.com');
    expect(problems(r)).toEqual(['exchange-um.cn-is-server-fqdn:error', 'lync.cn-not-wildcard:error']);
    expect(outcomes(r)).toEqual(['exchange-um.cn-is-server-fqdn/other-name', 'lync.cn-not-wildcard/wildcard']);
    expect(r.verdict).toBe('fail');
    const wildcard = finding(r, 'lync.cn-not-wildcard');
    expect(wildcard.detail).toContain('*.contoso.com');
    expect(wildcard.detail).toContain('ex1.contoso.com');
    expect(wildcard.whatBreaks).toMatch(/event 1344/);
    expect(wildcard.whatBreaks).toMatch(/1400/);
    expect(wildcard.whatBreaks).toMatch(/play-on-phone/);
    expect(wildcard.fix).toContain('CN=ex1.contoso.com');
    // Same certificate, general role: nothing wrong with it as a web certificate.
    expect((await only(file, 'general', env)).verdict).toBe('pass');
  });
});

describe('seed 002: the UM server FQDN only in the SAN', () => {
  it('fails UM with the remote-user symptoms (no greeting, event 32263)', async () => {
    const file = serverPfx('san-only', { subject: '/O=Contoso/CN=mail.contoso.com', san: ['DNS:mail.contoso.com', 'DNS:ex1.contoso.com', 'DNS:ex2.contoso.com'] });
    const r = await only(file, 'exchange-um', env);
    expect(problems(r)).toEqual(['exchange-um.cn-is-server-fqdn:error']);
    expect(outcomes(r)).toEqual(['exchange-um.cn-is-server-fqdn/san-only']);
    const f = finding(r, 'exchange-um.cn-is-server-fqdn');
    expect(f.detail).toMatch(/CN is mail\.contoso\.com; the server FQDN ex1\.contoso\.com is only in the SAN/);
    expect(f.whatBreaks).toMatch(/no greeting/);
    expect(f.whatBreaks).toMatch(/32263/);
    expect(f.fieldPath).toBe('commonName');
  });

  it('the fixed certificate (CN and SAN = server FQDN, internal CA) passes', async () => {
    const file = serverPfx('um-good', { subject: '/O=Contoso/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'] });
    const r = await only(file, 'exchange-um', env, 'ex1.contoso.com');
    expect(problems(r)).toEqual([]);
    expect(outcomes(r)).toEqual([]);
    expect(r.verdict).toBe('pass');
    expect(finding(r, 'general.chain-trust').detail).toMatch(/ex1\.contoso\.com → Contoso Issuing CA → Contoso Root CA/);
  });

  it('a request drafted the same wrong way fails before it reaches a CA', async () => {
    const req = csr({ out: path.join(dir, 'san-only.csr'), subject: '/O=Contoso/CN=mail.contoso.com', san: ['DNS:mail.contoso.com', 'DNS:ex1.contoso.com'], eku: SERVER_EKU, windowsLabel: true });
    const r = await only(req.csrPem, 'exchange-um', env);
    expect(r.kind).toBe('request');
    expect(problems(r)).toEqual(['exchange-um.cn-is-server-fqdn:error']);
    expect(outcomes(r)).toEqual(['exchange-um.cn-is-server-fqdn/san-only']);
  });
});

describe('seed 000: the OWA IM thumbprint pasted from the certificate dialog', () => {
  let file: string;
  let thumbprint: string;
  beforeAll(async () => {
    file = serverPfx('owa', { subject: '/O=Contoso/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com', 'DNS:mail.contoso.com'] });
    thumbprint = (await decodeFile(file, { password: PW })).certificates.find((c) => !c.isCA)!.thumbprint;
  });
  const owaEnv = (pasted: string): Environment => ({ ...env, owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com', imServerName: 'pool01.contoso.com', certificateThumbprint: pasted } });

  it('with U+200E and spaces: never a quiet pass — a warning naming the mark and its position, with the clean value (KB 2023835)', async () => {
    const pasted = '\u200E' + thumbprint.toLowerCase().replace(/(..)(?!$)/g, '$1 ');
    const r = await only(file, 'owa-im', owaEnv(pasted));
    expect(statusOf(r, 'owa-im.thumbprint-matches')).toBe('warn');
    expect(finding(r, 'owa-im.thumbprint-matches').detail).toContain('U+200E (LEFT-TO-RIGHT MARK) at position 1');
    expect(finding(r, 'owa-im.thumbprint-matches').detail).toMatch(/IM fails/);
    expect(finding(r, 'owa-im.thumbprint-matches').fix).toContain(thumbprint);
    expect(problems(r)).toEqual(['owa-im.exchange-version-notes:info', 'owa-im.thumbprint-matches:warn']);
    expect(outcomes(r)).toEqual(['owa-im.exchange-version-notes/notes', 'owa-im.thumbprint-matches/invisible']);
    expect(r.verdict).toBe('warn');
  });

  it('spaces and lower case only: a note with the value to enter', async () => {
    const r = await only(file, 'owa-im', owaEnv(thumbprint.toLowerCase().replace(/(..)(?!$)/g, '$1 ')));
    expect(statusOf(r, 'owa-im.thumbprint-matches')).toBe('info');
    expect(finding(r, 'owa-im.thumbprint-matches').fix).toContain(thumbprint);
  });

  it('a real mismatch → error: OWA would present another certificate', async () => {
    const r = await only(file, 'owa-im', owaEnv('A33E4C629AE9553E186F93474E796D598B1F7424'));
    expect(statusOf(r, 'owa-im.thumbprint-matches')).toBe('error');
    expect(finding(r, 'owa-im.thumbprint-matches').detail).toMatch(/another certificate/);
  });

  it('the seed\'s 41-character "thumbprint" → error', async () => {
    const r = await only(file, 'owa-im', owaEnv('12345678123412341234567812345678123126789'));
    expect(statusOf(r, 'owa-im.thumbprint-matches')).toBe('error');
  });
});

describe('seed 004: the Exchange Auth certificate', () => {
  let authPfx: string;
  let authThumb: string;
  beforeAll(async () => {
    const s = selfSigned({ dir, subject: '/CN=Microsoft Exchange Server Auth Certificate', startDate: '2024-01-01T00:00:00Z', endDate: '2029-01-01T00:00:00Z' });
    authPfx = pfx({ out: path.join(dir, 'auth.pfx'), cert: s.certPem, key: s.keyPem, password: PW, profile: '3des-sha1mac', friendlyName: 'Microsoft Exchange Server Auth Certificate' });
    authThumb = (await decodeFile(authPfx, { password: PW })).certificates[0]!.thumbprint;
  });

  it('the AuthConfig current certificate passes', async () => {
    const r = await only(authPfx, 'exchange-auth', { authConfig: { currentCertificateThumbprint: authThumb } });
    expect(problems(r)).toEqual(['general.chain-trust:info']);
    expect(outcomes(r)).toEqual(['general.chain-trust/self-signed']);
    expect(r.verdict).toBe('pass');
  });

  it('missing: AuthConfig names a certificate that is not among the files → error (New-CsPartnerApplication 500, reported)', async () => {
    const r = await only(authPfx, 'exchange-auth', { authConfig: { currentCertificateThumbprint: 'A33E4C629AE9553E186F93474E796D598B1F7424' } });
    expect(problems(r)).toEqual(['exchange-auth.matches-authconfig:error', 'general.chain-trust:info']);
    expect(outcomes(r)).toEqual(['exchange-auth.matches-authconfig/current-missing', 'general.chain-trust/self-signed']);
    const f = finding(r, 'exchange-auth.matches-authconfig');
    expect(f.detail).toContain('A33E4C629AE9553E186F93474E796D598B1F7424');
    expect(f.detail).toMatch(/None of the files you checked/);
    expect(f.whatBreaks).toMatch(/\(500\) Internal Server Error/);
    expect(f.whatBreaks).toMatch(/reported, not documented/);
  });

  it('expired → error with the OWA/EAC symptoms', async () => {
    const r = await only(authPfx, 'exchange-auth', { authConfig: { currentCertificateThumbprint: authThumb } }, undefined, new Date('2029-02-01T00:00:00Z'));
    expect(problems(r)).toEqual(['general.chain-trust:info', 'general.expired:error']);
    expect(outcomes(r)).toEqual(['general.chain-trust/self-signed', 'general.expired/expired']);
    expect(finding(r, 'general.expired').whatBreaks).toMatch(/event 1003/);
  });

  it('inside 60 days → renewal warning', async () => {
    const r = await only(authPfx, 'exchange-auth', { authConfig: { currentCertificateThumbprint: authThumb } }, undefined, new Date('2028-12-01T00:00:00Z'));
    expect(problems(r)).toEqual(['exchange-auth.renewal-window:warn', 'general.chain-trust:info', 'general.expiry-window:info']);
    expect(outcomes(r)).toEqual(['exchange-auth.renewal-window/no-next', 'general.chain-trust/self-signed', 'general.expiry-window/plan-renewal']);
  });

  it('auto recognises the Auth certificate and says it guessed', async () => {
    const r = await only(authPfx, 'auto', { authConfig: { currentCertificateThumbprint: authThumb } });
    expect(r.roles).toEqual(['exchange-auth', 'general']);
    expect(statusOf(r, 'auto.role-guess')).toBe('info');
  });
});

describe('one fixture per rule family', () => {
  it('RSA 1024 → general.rsa-key-size error', async () => {
    const r = await only(serverPfx('rsa1024', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], key: 'rsa1024' }), 'exchange-um', env, 'ex1.contoso.com');
    expect(problems(r)).toEqual(['general.rsa-key-size:error']);
    expect(outcomes(r)).toEqual(['general.rsa-key-size/rsa-too-small']);
  });

  it('SHA-1 signature from an internal CA → warning', async () => {
    const r = await only(serverPfx('sha1', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], md: 'sha1' }), 'exchange-um', env, 'ex1.contoso.com');
    expect(problems(r)).toEqual(['general.sha1-signature:warn']);
    expect(outcomes(r)).toEqual(['general.sha1-signature/sha1']);
  });

  it('RSASSA-PSS signature → lync.no-rsassa-pss error', async () => {
    const r = await only(serverPfx('pss', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], pss: true }), 'exchange-um', env, 'ex1.contoso.com');
    expect(problems(r)).toEqual(['lync.no-rsassa-pss:error']);
    expect(outcomes(r)).toEqual(['lync.no-rsassa-pss/pss']);
  });

  it('Client Authentication only, no CDP → EKU and CDP errors', async () => {
    const r = await only(serverPfx('client-only', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], eku: ['clientAuth'], cdp: [] }), 'exchange-um', env, 'ex1.contoso.com');
    expect(problems(r)).toEqual(['lync.crl-distribution-point:error', 'lync.server-auth-eku:error']);
    expect(outcomes(r)).toEqual(['lync.crl-distribution-point/missing', 'lync.server-auth-eku/missing']);
  });

  it('EC P-256 passes the key-size rule, but UM cannot use it: a legacy CSP holds RSA keys only (issue 14)', async () => {
    const r = await only(serverPfx('ec', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], key: 'ec-p256' }), 'exchange-um', env, 'ex1.contoso.com');
    expect(statusOf(r, 'general.rsa-key-size')).toBe('pass');
    expect(problems(r)).toEqual(['general.key-provider-cng:error']);
    expect(outcomes(r)).toEqual(['general.key-provider-cng/ec-key']);
    expect((await only(serverPfx('ec-web', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], key: 'ec-p256' }), 'general', env)).verdict).toBe('pass');
  });

  it('OpenSSL 3 default (AES) PFX for a Server 2016 Exchange → warning; legacy RC2/3DES imports', async () => {
    const old: Environment = { ...env, exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', os: '2016' }] };
    const aes = await only(serverPfx('aes', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'] }, 'aes'), 'exchange-um', old, 'ex1.contoso.com');
    expect(problems(aes)).toEqual(['general.pfx-aes-old-windows:warn']);
    expect(outcomes(aes)).toEqual(['general.pfx-aes-old-windows/aes-old-windows']);
    expect(aes.verdict).toBe('warn');
    const legacy = await only(serverPfx('legacy', { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'] }, 'legacy'), 'exchange-um', old, 'ex1.contoso.com');
    expect(statusOf(legacy, 'general.pfx-aes-old-windows')).toBe('pass');
  });

  it('Edge external from the internal CA, missing names → public-ca and SAN errors', async () => {
    const edgeEnv: Environment = { ...env, edgePools: [{ internalFqdn: 'edge01.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', avEdgeFqdn: 'av.contoso.com' }], sipDomains: ['contoso.com', 'fabrikam.com'] };
    const r = await only(serverPfx('edge', { subject: '/CN=sip.contoso.com', san: ['DNS:sip.contoso.com', 'DNS:webconf.contoso.com'] }), 'edge-external', edgeEnv);
    expect(problems(r)).toEqual(['edge-external.public-ca:error', 'edge-external.san-required-names:error']);
    expect(outcomes(r)).toEqual(['edge-external.public-ca/not-public', 'edge-external.san-required-names/missing']);
    expect(finding(r, 'edge-external.san-required-names').detail).toContain('sip.fabrikam.com');
  });

  it('a certificate-only file has no key for the Edge pool, and the chain without the root is incomplete', async () => {
    const cert = issue(issuing, { subject: '/CN=edge01.contoso.local', eku: SERVER_EKU, cdp: CDP, startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' });
    const r = await only(cert.certPem, 'edge-internal', { edgePools: [{ internalFqdn: 'edge01.contoso.local' }] });
    expect(problems(r)).toEqual(['general.chain-trust:warn', 'general.cn-in-san:info']);
    expect(outcomes(r)).toEqual(['general.chain-trust/incomplete', 'general.cn-in-san/no-san-cn-read']);
  });
});
