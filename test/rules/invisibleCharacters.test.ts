// general.invisible-characters: every declared outcome, in every role (issue 18.7), on models and
// on a real certificate OpenSSL signs with U+202E / U+200B in its CN.
import { afterAll, describe, expect, it } from 'vitest';
import { ROLE_IDS, evaluate } from '../../shared/rules/index.js';
import rule from '../../shared/rules/general/invisible-characters.js';
import type { Subject } from '../../shared/rules/engine/types.js';
import { decodeFile } from '../support/decodeFile.js';
import { certSubject, dn, requestSubject } from '../support/models.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';
import { finding } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const ID = 'general.invisible-characters';
const RLO_CN = 'ex1.contoso.com\u202emoc.live';
const ZWSP_CN = 'ex1\u200b.contoso.com';
const outcomeOf = (subject: Subject, role: Parameters<typeof evaluate>[1] = 'general') => finding(evaluate(subject, role, {}, AT), ID);

describe(ID, () => {
  it('declares every outcome it reports, with the error ceiling reached', () => {
    expect(Object.keys(rule.outcomes).sort()).toEqual(['bidi-control-in-name', 'invisible-in-name', 'invisible-in-subject', 'pass']);
    expect(rule.maxStatus).toBe('error');
    expect(rule.citation).toMatch(/TR36|Technical Report #36/);
    expect(rule.citation).toMatch(/#39/);
    expect(rule.citation).toContain('CVE-2021-42574');
  });

  it('pass: plain names', () => {
    const f = outcomeOf(certSubject({ cn: 'ex1.contoso.com', san: ['ex1.contoso.com'] }));
    expect([f.outcome, f.status]).toEqual(['pass', 'pass']);
  });

  it('bidi-control-in-name: a RIGHT-TO-LEFT OVERRIDE in the CN is an error, quoted with a visible marker, never raw', () => {
    const f = outcomeOf(certSubject({ cn: RLO_CN, san: ['ex1.contoso.com'] }));
    expect([f.outcome, f.status]).toEqual(['bidi-control-in-name', 'error']);
    expect(f.detail).toContain('ex1.contoso.com[U+202E]moc.live');
    expect(f.detail).toContain('RIGHT-TO-LEFT OVERRIDE');
    expect(f.detail).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
    expect(f.fieldPath).toBe('commonName');
  });

  it('invisible-in-name: a zero-width space in a SAN DNS name (or a request CN) is an error', () => {
    const f = outcomeOf(certSubject({ cn: 'ex1.contoso.com', san: ['ex1.contoso.com', ZWSP_CN] }));
    expect([f.outcome, f.status]).toEqual(['invisible-in-name', 'error']);
    expect(f.detail).toContain('ex1[U+200B].contoso.com');
    expect(f.fieldPath).toBe('subjectAltNames.dns');
    const r = outcomeOf(requestSubject({ cn: ZWSP_CN, san: [] }));
    expect([r.outcome, r.status]).toEqual(['invisible-in-name', 'error']);
  });

  it('invisible-in-subject: the same characters in O only warn', () => {
    const subjectName = dn('ex1.contoso.com', [{ type: 'O', oid: '2.5.4.10', value: 'Contoso\u200d Ltd' }]);
    const f = outcomeOf(certSubject({ cn: 'ex1.contoso.com', san: ['ex1.contoso.com'], subjectName }));
    expect([f.outcome, f.status]).toEqual(['invisible-in-subject', 'warn']);
    expect(f.detail).toContain('Contoso[U+200D] Ltd');
  });

  it('not applicable to a request with neither subject nor SAN', () => {
    const f = outcomeOf(requestSubject({ cn: null, san: [], subjectName: { text: '', rfc4514: '', rdns: [] } }));
    expect(f.status).toBe('not_applicable');
  });

  it.each([...ROLE_IDS])('runs in the %s role (not only the Lync ones)', (role) => {
    const f = outcomeOf(certSubject({ cn: RLO_CN, san: ['ex1.contoso.com'] }), role);
    expect(f.status).toBe('error');
  });
});

describe(`${ID} on a certificate OpenSSL signs`, () => {
  const dir = makeWorkDir('invisible');
  afterAll(() => removeWorkDir(dir));
  it.each([
    [RLO_CN, 'bidi-control-in-name'],
    [ZWSP_CN, 'invisible-in-name'],
  ])('%j → %s', async (cn, outcome) => {
    const cert = selfSigned({ dir, name: outcome, subject: `/O=Contoso/CN=${cn}`, startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' });
    const doc = await decodeFile(cert.certDer);
    const model = doc.certificates[0]!;
    expect(model.commonName).toBe(cn);
    const f = outcomeOf({ kind: 'certificate', certificate: model }, 'exchange-um');
    expect(f.outcome).toBe(outcome);
    expect(f.status).toBe('error');
  });
});
