// The Estate view's bookkeeping over a real audit of an OpenSSL-made estate: matrix columns by
// thumbprint (worst verdict first), Get-ExchangeCertificate's service letters, the servers that
// hold a certificate and what points at it; and which opened bytes may be estate input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEstate } from '../../shared/estate/audit.js';
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import { cellKey, commonNameOf, holdersOf, indexEstate, pointersTo, serviceLetters } from '../../renderer/estate/estateIndex.js';
import { estateText } from '../../renderer/worker/estateInput.js';
import { ESTATE_AT, thumbprintOf, writeEstateSnapshot, type WrittenEstateSnapshot } from '../estate/estateFixture.js';

let dir: string;
let written: WrittenEstateSnapshot;
let audit: EstateAudit;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'certbench-estate-index-'));
  written = writeEstateSnapshot(dir, { faults: ['auth-missing'] });
  audit = await auditEstate(written.snapshot, { at: ESTATE_AT });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('service letters', () => {
  it('prints the Services column as Get-ExchangeCertificate does (IPUWSFC, . for none)', () => {
    const s = (names: string[]) => names.map((name) => ({ kind: 'service' as const, name }));
    expect(serviceLetters(s(['IMAP', 'POP', 'IIS', 'SMTP']))).toBe('IP.WS..');
    expect(serviceLetters(s(['SMTP']))).toBe('....S..');
    expect(serviceLetters(s(['UM', 'UMCallRouter']))).toBe('..U...C');
    expect(serviceLetters(s(['Federation']))).toBe('.....F.');
    expect(serviceLetters([{ kind: 'use', name: 'Default' }, { kind: 'reference', name: 'AuthConfig current' }])).toBeNull();
  });
});

describe('indexEstate', () => {
  it('has one column per thumbprint and one cell per server that holds it', () => {
    const { columns, cells } = indexEstate(audit);
    const thumbprints = new Set(audit.servers.flatMap((s) => s.certificates.map((c) => c.thumbprint)));
    expect(columns.map((c) => c.key).sort()).toEqual([...thumbprints].sort());
    const mail = thumbprintOf(written.certificates.mail);
    const column = columns.find((c) => c.thumbprint === mail)!;
    expect(column.commonName).toBe('mail.contoso.com');
    expect(column.servers.sort()).toEqual(['ex1.contoso.com', 'ex2.contoso.com']);
    expect(serviceLetters(cells.get(cellKey('ex1.contoso.com', mail))!.bindings)).toBe('IP.WS..');
    // Worst verdict first.
    const rank = { fail: 2, warn: 1, pass: 0 } as const;
    for (let i = 1; i < columns.length; i++) expect(rank[columns[i - 1]!.verdict]).toBeGreaterThanOrEqual(rank[columns[i]!.verdict]);
  });

  it('puts the certificates only one server holds into one column once the estate has more than 16', () => {
    const result = (thumbprint: string, cn: string) => ({
      thumbprint,
      subject: `CN=${cn}`,
      notAfter: '2027-06-01T00:00:00Z',
      bindings: [{ kind: 'service' as const, name: 'SMTP' }],
      roles: ['general' as const],
      verdict: 'pass' as const,
      findings: [],
      hasDer: false,
    });
    const shared = 'A'.repeat(40);
    const servers = ['ex1', 'ex2', 'ex3'].map((name, s) => ({
      name,
      fqdn: `${name}.contoso.com`,
      product: 'exchange' as const,
      roles: ['Mailbox'],
      certificates: [result(shared, 'mail.contoso.com'), ...Array.from({ length: 6 }, (_, i) => result(`${s}${i}`.padStart(40, 'B'), `${name}-own-${i}`))],
    }));
    const big: EstateAudit = { at: ESTATE_AT.toISOString(), servers, estateFindings: [], errors: [], verdict: 'pass' };
    const index = indexEstate(big);
    expect(index.all).toHaveLength(19);
    expect(index.columns.map((c) => c.key)).toEqual([shared]);
    expect(index.own.get('ex2.contoso.com')?.map((o) => commonNameOf(o.result.subject))).toEqual(Array.from({ length: 6 }, (_, i) => `ex2-own-${i}`));
    // A small estate keeps every certificate as a column.
    expect(indexEstate(audit).own.size).toBe(0);
  });

  it('lists the servers that hold a certificate and what points at it', () => {
    const auth = thumbprintOf(written.certificates.auth);
    // auth-missing: only EX1 holds the Auth certificate AuthConfig names.
    expect(holdersOf(audit, auth).map((h) => h.server.name)).toEqual(['EX1']);
    expect(pointersTo(auth, written.snapshot, audit)).toContainEqual({ what: 'AuthConfig current', where: 'EX1' });
    const oauth = thumbprintOf(written.certificates.oauth);
    expect(pointersTo(oauth, written.snapshot, audit)).toContainEqual({ what: 'Get-CsCertificate use OAuthTokenIssuer', where: expect.stringMatching(/fe1.*fe2/) });
    // A thumbprint a setting names that no server holds.
    const nowhere = { ...written.snapshot, exchange: { ...written.snapshot.exchange!, authConfig: { currentCertificateThumbprint: 'AB'.repeat(20) } } };
    expect(pointersTo('AB'.repeat(20), nowhere, audit)).toEqual([{ what: 'AuthConfig current', where: 'no server in the estate holds it' }]);
  });

  it('reads the CN out of a Windows-style subject', () => {
    expect(commonNameOf('CN=mail.contoso.com, O=Contoso, L=...')).toBe('mail.contoso.com');
    expect(commonNameOf('O=Contoso')).toBe('O=Contoso');
    expect(commonNameOf(null)).toBe('');
  });
});

describe('estateText', () => {
  it('leaves DER and binary files to the certificate decoder and decodes text, UTF-8 or UTF-16', () => {
    expect(estateText(new Uint8Array(readFileSync(written.certificates.mail.certDer)))).toBeNull();
    expect(estateText(new Uint8Array(readFileSync(written.certificates.mail.certPem)))).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(estateText(new Uint8Array([0x00, 0x01, 0x02, 0x41]))).toBeNull();
    expect(estateText(new Uint8Array())).toBeNull();
    expect(estateText(new TextEncoder().encode('Thumbprint  Services'))).toBe('Thumbprint  Services');
    expect(estateText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":1}')]))).toBe('{"a":1}');
    expect(estateText(new Uint8Array([0xff, 0xfe, ...Buffer.from('<Objs>', 'utf16le')]))).toBe('<Objs>');
    expect(estateText(new Uint8Array(Buffer.from('<Objs>', 'utf16le')))).toBe('<Objs>');
    // Not UTF-8 (cmd wrote the console's code page): read as Latin-1, not as replacement characters.
    expect(estateText(new Uint8Array(Buffer.from('Schlüssel-Container = x', 'latin1')))).toBe('Schlüssel-Container = x');
  });
});
