// Check, request and commands agree (issue 14): an EC key for UM, OWA IM, the Lync/SfB roles and
// Exchange Auth is an error in check, refused in request and blocked in Commands; a UM (or any
// non-Auth) certificate chosen for Exchange Auth is blocked in Commands; UM with SfB 2019 is a
// warning in check and in the script. And the request designer finds an Edge pool by any of its
// names, an Edge computer's FQDN included.
import { describe, expect, it } from 'vitest';
import { certificateGate } from '../../shared/commands/certificateGate.js';
import { commandsWithNotices } from '../../shared/commands/commandsFor.js';
import { draftFor, pickEdgePool, withKey } from '../../shared/csr/draft.js';
import { ROLE_PROFILES } from '../../shared/csr/roles.js';
import type { Environment } from '../../shared/environment/types.js';
import { evaluate } from '../../shared/rules/index.js';
import type { RoleId } from '../../shared/rules/engine/roles.js';
import type { Subject } from '../../shared/rules/engine/types.js';
import { THUMB_A, certSubject, makeTrust } from '../support/models.js';
import { outcomes } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const AUTH = 'Microsoft Exchange Server Auth Certificate';
const UM: Environment = { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] }] };
const EC = { keyAlgorithm: 'EC' as const, keySize: 256, publicKey: { algorithm: 'EC' as const, size: 256, curve: 'P-256', spkiSha256: '' } };
const SELF = { trust: makeTrust({ status: 'self-signed', anchor: null, selfSigned: true }) };
const gate = (subject: Subject, role: RoleId, env: Environment = {}, server?: string) =>
  certificateGate(evaluate(subject, role, env, AT, server ? { server } : {}), role, { fileName: 'cert.pfx', name: 'cert' });

describe('a UM (or any non-Auth) certificate chosen for Exchange Auth', () => {
  it('is blocked in Commands, naming why, although check only warns', () => {
    const um = certSubject();
    const checked = evaluate(um, 'exchange-auth', {}, AT);
    expect(checked.verdict).toBe('warn');
    expect(outcomes(checked)).toContain('exchange-auth.subject/other-subject');
    expect(outcomes(checked)).toContain('exchange-auth.no-san/host-names');
    const g = gate(um, 'exchange-auth');
    expect(g.state).toBe('fail');
    expect(g.outcomes).toEqual(expect.arrayContaining(['exchange-auth.subject/other-subject', 'exchange-auth.no-san/host-names']));
    expect(g.sentence).toMatch(/another role's certificate/);
    expect(g.reasons.join(' ')).toMatch(/dedicated Auth certificate/);
  });

  it('an Auth-subject certificate with host names is blocked too; the documented Auth certificate is not', () => {
    expect(gate(certSubject({ cn: AUTH, san: ['mail.contoso.com'], extendedKeyUsage: null }, SELF), 'exchange-auth').state).toBe('fail');
    const real = gate(certSubject({ cn: AUTH, san: [], extendedKeyUsage: null }, SELF), 'exchange-auth');
    expect(real.state).not.toBe('fail');
    expect(real.outcomes).not.toContain('exchange-auth.subject/other-subject');
  });

  it('the same UM certificate is not blocked for the UM role', () => {
    expect(gate(certSubject(), 'exchange-um', UM, 'ex1.contoso.com').state).toBe('pass');
  });
});

describe('an EC key for UM, OWA IM, the Lync/SfB roles and Exchange Auth', () => {
  const cases: [RoleId, string, Subject][] = [
    ['exchange-um', 'general.key-provider-cng/ec-key', certSubject(EC)],
    ['owa-im', 'general.key-provider-cng/ec-key', certSubject(EC)],
    ['edge-external', 'general.key-provider-cng/ec-key', certSubject({ ...EC, cn: 'sip.contoso.com', san: ['sip.contoso.com'] })],
    ['edge-internal', 'general.key-provider-cng/ec-key', certSubject(EC)],
    ['sfb-oauth', 'general.key-provider-cng/ec-key', certSubject(EC)],
    ['exchange-auth', 'exchange-auth.rsa-key/not-rsa', certSubject({ ...EC, cn: AUTH, san: [], extendedKeyUsage: null }, SELF)],
  ];
  it.each(cases)('%s: an error in check, refused in request, blocked in Commands', (role, code, subject) => {
    const checked = evaluate(subject, role, role === 'exchange-um' ? UM : {}, AT, role === 'exchange-um' ? { server: 'ex1.contoso.com' } : {});
    expect(checked.verdict).toBe('fail');
    expect(outcomes(checked)).toContain(code);
    expect(ROLE_PROFILES[role as keyof typeof ROLE_PROFILES].allowedKeys.every((k) => k.startsWith('rsa'))).toBe(true);
    const env: Environment = { ...UM, sipDomains: ['contoso.com'], edgePools: [{ internalFqdn: 'edge.contoso.local', accessEdgeFqdn: 'sip.contoso.com' }], sfbPools: [{ fqdn: 'pool.contoso.com' }], owaIm: { trustedApplicationPoolFqdn: 'owa.contoso.com' } };
    const draft = draftFor(role as keyof typeof ROLE_PROFILES, env, role === 'sfb-oauth' ? 'pool.contoso.com' : undefined);
    expect(() => withKey(draft, 'p256')).toThrow(/legacy CSP/);
    expect(gate(subject, role, role === 'exchange-um' ? UM : {}, role === 'exchange-um' ? 'ex1.contoso.com' : undefined).state).toBe('fail');
  });

  it('only where every Lync pool is Lync Server 2013 (Gg398066 lists ECDH) is it a warning, in check and in Commands alike', () => {
    const lync2013: Environment = { sfbPools: [{ fqdn: 'pool.contoso.com', version: 'Lync2013' }] };
    const checked = evaluate(certSubject(EC), 'edge-internal', lync2013, AT);
    expect(outcomes(checked)).toContain('general.key-provider-cng/ec-lync-2013');
    expect(gate(certSubject(EC), 'edge-internal', lync2013).state).toBe('warn');
  });
});

describe('Exchange UM with Skype for Business Server 2019', () => {
  it('is a warning in check, in Commands and in the script, citing both pages', () => {
    const env: Environment = { ...UM, sfbPools: [{ fqdn: 'pool.contoso.com', version: 'SfB2019' }] };
    const checked = evaluate(certSubject(), 'exchange-um', env, AT, { server: 'ex1.contoso.com' });
    expect(outcomes(checked)).toEqual(['exchange-um.version-has-um/sfb2019']);
    const f = checked.findings.find((x) => x.ruleId === 'exchange-um.version-has-um')!;
    expect(f.citation).toMatch(/What's new in Skype for Business Server 2019/);
    expect(f.citation).toMatch(/Plan for Exchange Unified Messaging/);
    expect(gate(certSubject(), 'exchange-um', env, 'ex1.contoso.com').state).toBe('warn');
    const script = commandsWithNotices({ role: 'exchange-um', thumbprint: THUMB_A, server: 'ex1.contoso.com', environment: env, exchangeVersion: '2016', sfbVersion: 'SfB2019' });
    expect(script.script).toMatch(/disagree/);
  });
});

describe('pickEdgePool', () => {
  const env: Environment = {
    edgePools: [
      { internalFqdn: 'edgepool1.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webcon.contoso.com', servers: ['edge1a.contoso.local'] },
      { internalFqdn: 'edgepool2.contoso.local', accessEdgeFqdn: 'sip2.contoso.com', webConferencingEdgeFqdn: 'webcon2.contoso.com', avEdgeFqdn: 'av2.contoso.com', servers: ['edge2a.contoso.local', 'EDGE2B.contoso.local'] },
    ],
  };
  it('finds the pool by an Edge computer FQDN, any of its Edge names, case and trailing dot aside', () => {
    expect(pickEdgePool(env, 'edge2a.contoso.local')?.internalFqdn).toBe('edgepool2.contoso.local');
    expect(pickEdgePool(env, 'edge2b.contoso.local.')?.internalFqdn).toBe('edgepool2.contoso.local');
    expect(pickEdgePool(env, 'webcon2.contoso.com')?.internalFqdn).toBe('edgepool2.contoso.local');
    expect(pickEdgePool(env, 'av2.contoso.com')?.internalFqdn).toBe('edgepool2.contoso.local');
    expect(pickEdgePool(env, 'EDGEPOOL2.contoso.local')?.internalFqdn).toBe('edgepool2.contoso.local');
    expect(pickEdgePool(env, 'unknown.contoso.local')?.internalFqdn).toBe('edgepool1.contoso.local');
    expect(pickEdgePool(env)?.internalFqdn).toBe('edgepool1.contoso.local');
    expect(pickEdgePool({}, 'edge2a.contoso.local')).toBeUndefined();
  });

  it('an Edge computer named for the external request puts its own pool\'s Web Conferencing Edge in the SAN', () => {
    const draft = draftFor('edge-external', { ...env, sipDomains: ['contoso.com'] }, 'edge2a.contoso.local');
    expect(draft.dnsNames).toContain('webcon2.contoso.com');
    expect(draft.dnsNames).not.toContain('webcon.contoso.com');
  });
});
