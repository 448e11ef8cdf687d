// `why`: every symptom the five seeds (../shared/seeds, summarised in domain-rules.md) name
// resolves to the rule that detects its cause, from the catalogue's own text. Each symptom is
// written the way the seed (or the issue) quotes it; `expected` is the rule whose failure
// causes it — where two rules describe the same failure, either may rank first.
import { describe, expect, it } from 'vitest';
import { why } from '../../shared/troubleshoot/why.js';

const SEED_SYMPTOMS: { seed: string; symptom: string; expected: string[] }[] = [
  // 001 (and the copy in 000): UM with a public wildcard certificate.
  { seed: '001', symptom: 'Event 1344', expected: ['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn'] },
  { seed: '001', symptom: 'MWI General event 1344', expected: ['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn'] },
  { seed: '001', symptom: '1400', expected: ['lync.cn-not-wildcard'] },
  { seed: '001', symptom: 'UMCore event 1400 when trying to contact the UM IP gateway', expected: ['lync.cn-not-wildcard'] },
  { seed: '001', symptom: 'The peer is not a configured server on this network interface', expected: ['lync.cn-not-wildcard'] },
  { seed: '001', symptom: 'Message waiting indicator and play-on-phone not working', expected: ['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn'] },
  { seed: '001', symptom: '0x800B010F', expected: ['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn'] },
  { seed: '001', symptom: 'CERT_E_CN_NO_MATCH', expected: ['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn'] },
  { seed: '001', symptom: 'msexchHRESULT="0x800B010F(CERT_E_CN_NO_MATCH)"', expected: ['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn'] },
  { seed: '001', symptom: 'ms-diagnostics: 1010', expected: ['lync.cn-not-wildcard'] },
  { seed: '001', symptom: 'ms-diagnostics: 1010;reason="Certificate trust with another server could not be established"', expected: ['lync.cn-not-wildcard'] },
  { seed: '001', symptom: 'Certificate subject name is not valid. UM local monitoring sip options probe will fail', expected: ['exchange-um.cn-is-server-fqdn', 'lync.cn-not-wildcard'] },
  // 002: UM certificate with the FQDN only in the SAN.
  { seed: '002', symptom: '32263', expected: ['exchange-um.cn-is-server-fqdn'] },
  { seed: '002', symptom: 'Event ID 32263 LS User Services', expected: ['exchange-um.cn-is-server-fqdn'] },
  { seed: '002', symptom: 'SIPPROXY_E_UNKNOWN_USER_OR_EPID', expected: ['exchange-um.cn-is-server-fqdn'] },
  { seed: '002', symptom: 'Error code: 0xC3E93C2F(SIPPROXY_E_UNKNOWN_USER_OR_EPID), Error identifier: NotifySingle.Notify', expected: ['exchange-um.cn-is-server-fqdn'] },
  { seed: '002', symptom: 'Diagnostic ID 21 media connectivity failure where one endpoint is of unknown type', expected: ['exchange-um.cn-is-server-fqdn'] },
  { seed: '002', symptom: 'remote users connected to voicemail hear no greeting', expected: ['exchange-um.cn-is-server-fqdn'] },
  // 000 / 003: OWA IM integration.
  { seed: '000', symptom: "There's a problem with instant messaging. Please try again later.", expected: ['owa-im.cn-is-pool-fqdn', 'owa-im.thumbprint-matches'] },
  { seed: '000', symptom: 'Instant Messaging Certificate Thumbprint is null or empty on web.config', expected: ['owa-im.thumbprint-matches'] },
  { seed: '003', symptom: 'IMCertificateThumbprint copied from the certificate dialog shows a ? in front', expected: ['owa-im.thumbprint-matches'] },
  // 004: Lync team posts.
  { seed: '004', symptom: 'New-CsPartnerApplication: The remote server returned an error: (500) Internal Server Error.', expected: ['exchange-auth.matches-authconfig'] },
  { seed: '004', symptom: 'HTTP 500 from the OAuth metadata URL /autodiscover/metadata/json/1', expected: ['exchange-auth.matches-authconfig'] },
  { seed: '004', symptom: '14563', expected: ['owa-im.known-servers-conflict'] },
  { seed: '004', symptom: 'LS Protocol Stack event ID 14563 upon RTCSRV start', expected: ['owa-im.known-servers-conflict'] },
  { seed: '004', symptom: 'warning event 44030', expected: ['owa-im.known-servers-conflict'] },
  { seed: '004', symptom: 'Lync trust prompt: Lync is attempting to connect to a server, trust this server?', expected: ['edge-external.san-required-names'] },
  { seed: '004', symptom: 'Edge replication over HTTPS 4443 not up to date', expected: ['edge-internal.cn-is-internal-fqdn'] },
];

/** Symptoms the issue names beyond the seeds. */
const ISSUE_SYMPTOMS: { symptom: string; expected: string[] }[] = [
  { symptom: '451 5.7.3 STARTTLS is required', expected: ['estate.tls-certificate-name'] },
  { symptom: 'event 12014', expected: ['estate.tls-certificate-name'] },
  { symptom: 'FBA login loop event 1003', expected: ['general.expired', 'exchange-auth.matches-authconfig'] },
  { symptom: 'The PFX file you are trying to import requires either a different password or membership in an Active Directory principal', expected: ['general.pfx-aes-old-windows'] },
  { symptom: 'UM event 1079 Invalid provider type specified', expected: ['general.key-provider-cng'] },
];

function topIds(text: string): { top: string[]; all: string[] } {
  const { causes } = why(text);
  const best = causes[0]?.score ?? 0;
  return { top: causes.filter((c) => c.score === best).map((c) => c.ruleId), all: causes.map((c) => c.ruleId) };
}

describe('why: every seed symptom resolves to its cause', () => {
  for (const { seed, symptom, expected } of SEED_SYMPTOMS) {
    it(`seed ${seed}: ${symptom}`, () => {
      const { top, all } = topIds(symptom);
      expect(all.length, `no cause found for "${symptom}"`).toBeGreaterThan(0);
      expect(top.some((id) => expected.includes(id)), `"${symptom}" → ${all.join(', ')}`).toBe(true);
    });
  }
  for (const { symptom, expected } of ISSUE_SYMPTOMS) {
    it(`issue: ${symptom}`, () => {
      const { top, all } = topIds(symptom);
      expect(top.some((id) => expected.includes(id)), `"${symptom}" → ${all.join(', ')}`).toBe(true);
    });
  }
});

describe('why: each cause says what to check, open and fix', () => {
  it('a UM symptom points at the UM certificate and Get-ExchangeCertificate', () => {
    const c = why('32263').causes[0]!;
    expect(c.ruleId).toBe('exchange-um.cn-is-server-fqdn');
    expect(c.roles).toEqual(['exchange-um']);
    expect(c.check).toMatch(/Exchange UM/);
    expect(c.open).toMatch(/Get-ExchangeCertificate/);
    expect(c.fix).toMatch(/CN/);
    expect(c.matched).toContain('32263');
  });
  it('text no rule names gives no cause rather than a guess', () => {
    expect(why('the coffee machine is broken').causes).toEqual([]);
    expect(why('').causes).toEqual([]);
    expect(why('9999').causes).toEqual([]);
  });
  it('"1344" does not match 13440, and a year is weak evidence', () => {
    expect(why('13440').causes).toEqual([]);
  });
});

describe('why: the role being looked at narrows a shared rule', () => {
  it('the wildcard-CN rule names only the UM certificate when the role is Exchange UM', () => {
    const all = why('Event 1344').causes.find((c) => c.ruleId === 'lync.cn-not-wildcard')!;
    expect(all.roles.length).toBeGreaterThan(1);
    const um = why('Event 1344', { role: 'exchange-um' }).causes.find((c) => c.ruleId === 'lync.cn-not-wildcard')!;
    expect(um.roles).toEqual(['exchange-um']);
    expect(um.open).not.toMatch(/Edge/);
  });
});

describe('why: short queries', () => {
  it('"certificate expired" finds the expiry rule first; one unknown word among known ones does not', () => {
    expect(why('certificate expired').causes[0]?.ruleId).toBe('general.expired');
    expect(why('coffee expired machine').causes).toEqual([]);
  });
});
