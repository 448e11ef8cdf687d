// `certbench plan`: renew-by dates per role, the calendar read back by an independent parser
// (ical.js), the CSV, and an estate snapshot's Auth / OAuth / Edge staging in the right order.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../cli/commands/plan.js';
import type { CliIo } from '../../cli/io.js';
import { buildPlan } from '../../shared/renewal/plan.js';
import type { PlanCertificate, RenewalPlan } from '../../shared/renewal/planTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { buildEstateSnapshot, makeEstateCertificates } from '../estate/estateFixture.js';
import { createCa, issue, makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

let dir: string;

function io(): CliIo & { stdout: string; stderr: string } {
  const box = { stdout: '', stderr: '', out(t: string) { box.stdout += t; }, err(t: string) { box.stderr += t; }, env: {}, cwd: dir };
  return box;
}

beforeAll(() => {
  dir = makeWorkDir('renewal-plan');
  const root = createCa({ dir, cn: 'Contoso Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  const um = issue(root, { subject: '/O=Contoso/CN=ex1.contoso.com', name: 'um', san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], cdp: ['http://pki.contoso.com/root.crl'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
  fs.copyFileSync(um.certPem, path.join(dir, 'um.crt'));
  const auth = selfSigned({ dir, subject: '/CN=Microsoft Exchange Server Auth Certificate', name: 'auth', startDate: '2022-03-01T00:00:00Z', endDate: '2027-03-01T00:00:00Z' });
  fs.copyFileSync(auth.certPem, path.join(dir, 'auth.crt'));
  fs.writeFileSync(
    path.join(dir, 'env.json'),
    JSON.stringify({
      exchangeServers: [
        { fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox', 'UM'] },
        { fqdn: 'ex2.contoso.com', version: '2016', roles: ['Mailbox'] },
      ],
      authConfig: { currentCertificateThumbprint: thumbprintOf(auth.certPem) },
      trustedRoots: [fs.readFileSync(root.certPem, 'utf8')],
    }),
  );
  // The estate fixture, with the Auth certificate expiring with the others (2027-06-01).
  const certs = makeEstateCertificates(path.join(dir, 'estate-certs'));
  const shortAuth = selfSigned({ dir: certs.dir, subject: '/CN=Microsoft Exchange Server Auth Certificate', name: 'short-auth', startDate: '2026-01-01T00:00:00Z', endDate: '2027-06-01T00:00:00Z' });
  fs.writeFileSync(path.join(dir, 'estate.json'), JSON.stringify(buildEstateSnapshot({ ...certs, auth: shortAuth })));
  fs.writeFileSync(path.join(dir, 'not-a-snapshot.json'), '{"hello": 1}');
}, 120_000);
afterAll(() => removeWorkDir(dir));

function thumbprintOf(pemFile: string): string {
  const b64 = fs.readFileSync(pemFile, 'utf8').replace(/-----[^-]+-----|\s/g, '');
  return new X509Certificate(Buffer.from(b64, 'base64')).fingerprint.replace(/:/g, '');
}

describe('certbench plan (files)', () => {
  it('dates each role by its window and writes a calendar ical.js reads back with those dates', async () => {
    const o = io();
    const code = await plan(['um.crt', 'auth.crt', '--env', 'env.json', '--at', '2026-11-05', '--ics', 'renewals.ics', '--csv', 'renewals.csv', '--json'], o);
    expect(o.stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(o.stdout) as RenewalPlan;
    const um = result.entries.find((e) => e.source === 'um.crt')!;
    const auth = result.entries.find((e) => e.source === 'auth.crt')!;
    // UM: 30 days before 2027-01-01. Auth: staged 60 days before 2027-03-01, effective 30 days later.
    expect(um).toMatchObject({ role: 'exchange-um', renewBy: '2026-12-02', state: 'due-soon', daysLeft: 27, servers: ['ex1.contoso.com'] });
    expect(auth).toMatchObject({ role: 'exchange-auth', renewBy: '2026-12-31', servers: ['ex1.contoso.com', 'ex2.contoso.com'] });
    expect(auth.staging!.effectiveDate.slice(0, 10)).toBe('2027-01-30');
    expect(auth.steps.map((s) => s.powershell ?? '')).toContainEqual(expect.stringMatching(/^Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate 2027-01-30$/));
    expect(result.entries.map((e) => e.source)).toEqual(['um.crt', 'auth.crt']);
    // The UM steps are the sections of the PowerShell CertBench writes for the role.
    expect(um.steps.some((s) => /^Assign the certificate/.test(s.text))).toBe(true);

    const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(dir, 'renewals.ics'), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const byStart = Object.fromEntries(events.map((e) => [e.startDate.toString(), e]));
    expect(Object.keys(byStart).sort()).toEqual(['2026-12-02', '2026-12-31']);
    expect(byStart['2026-12-02']!.startDate.isDate).toBe(true);
    expect(byStart['2026-12-02']!.summary).toMatch(/ex1\.contoso\.com/);
    expect(byStart['2026-12-31']!.description).toMatch(/Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate 2027-01-30/);
    expect(byStart['2026-12-31']!.description).toMatch(/Servers: ex1\.contoso\.com, ex2\.contoso\.com/);

    const csv = fs.readFileSync(path.join(dir, 'renewals.csv'), 'utf8');
    expect(csv.startsWith('\uFEFForder,renewBy,state')).toBe(true);
    expect(csv).toMatch(/\r\n1,2026-12-02,due-soon,27,/);
  });

  it('exit 1 when a renewal is overdue; text names the state', async () => {
    const o = io();
    expect(await plan(['um.crt', '--env', 'env.json', '--at', '2026-12-10'], o)).toBe(1);
    expect(o.stdout).toMatch(/2026-12-02 {2}OVERDUE/);
    expect(o.stdout).toMatch(/certbench commands --role exchange-um/);
  });

  it('an unusable snapshot is one stderr line and exit 2', async () => {
    const o = io();
    expect(await plan(['not-a-snapshot.json'], o)).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stderr).toMatch(/not-a-snapshot\.json is not a CertBench snapshot/);
  });
});

describe('certbench plan (estate snapshot)', () => {
  it('orders the Auth staging first, then the OAuthTokenIssuer roll, then the Edge A/V roll', async () => {
    const o = io();
    expect(await plan(['estate.json', '--at', '2027-03-01', '--json'], o)).toBe(0);
    const result = JSON.parse(o.stdout) as RenewalPlan;
    const staged = result.entries.filter((e) => ['exchange-auth', 'sfb-oauth', 'edge-external'].includes(e.role));
    expect(staged.map((e) => [e.role, e.renewBy])).toEqual([
      ['exchange-auth', '2027-04-02'],
      ['sfb-oauth', '2027-05-29'],
      ['edge-external', '2027-05-29'],
    ]);
    const order = (role: string) => result.entries.find((e) => e.role === role)!.order;
    expect(order('exchange-auth')).toBeLessThan(order('exchange-um'));
    expect(order('exchange-um')).toBeLessThan(order('sfb-oauth'));
    expect(order('sfb-oauth')).toBeLessThan(order('edge-external'));
    const auth = staged[0]!;
    expect(auth.staging!.effectiveDate.slice(0, 10)).toBe('2027-05-02');
    expect(auth.servers).toEqual(['ex1.contoso.com', 'ex2.contoso.com']);
    const oauth = staged[1]!;
    expect(oauth.servers).toEqual(['fe1.contoso.com', 'fe2.contoso.com']);
    expect(oauth.staging!.effectiveDate).toBe('2027-05-31T00:00:00.000Z');
    expect(staged[2]!.staging!.effectiveDate).toBe('2027-05-31T16:00:00.000Z');
    // The mail certificate bound on both servers is one renewal, not two.
    expect(result.entries.filter((e) => e.subject.includes('mail.contoso.com'))).toHaveLength(1);
    expect(oauth.why).not.toMatch(/already staged/);
  });

  it('an OAuthTokenIssuer successor already rolled (a future EffectiveDate in Get-CsCertificate) is said to be staged', async () => {
    const snapshot = JSON.parse(fs.readFileSync(path.join(dir, 'estate.json'), 'utf8')) as Snapshot;
    const current = snapshot.skype!.certificates.find((c) => c.use === 'OAuthTokenIssuer')!;
    snapshot.skype!.certificates.push({ ...current, computer: 'fe1.contoso.com', thumbprint: 'B'.repeat(40), effectiveDate: '2027-05-20T00:00:00Z' });
    fs.writeFileSync(path.join(dir, 'estate-rolled.json'), JSON.stringify(snapshot));
    const o = io();
    await plan(['estate-rolled.json', '--at', '2027-03-01', '--json'], o);
    const result = JSON.parse(o.stdout) as RenewalPlan;
    const oauth = result.entries.find((e) => e.role === 'sfb-oauth' && e.thumbprint === current.thumbprint)!;
    expect(oauth.why).toMatch(new RegExp(`A successor \\(${'B'.repeat(40)}\\) is already staged, effective 2027-05-20`));
  });
});

describe('buildPlan (core)', () => {
  const base: PlanCertificate = {
    source: 'web.cer', thumbprint: 'A'.repeat(40), subject: 'CN=mail.contoso.com', issuer: 'CN=Public CA', notBefore: '2026-05-01T00:00:00Z', notAfter: '2027-05-01T00:00:00Z',
    publicCa: true, role: 'general', servers: [],
  };
  it('a public certificate is told the shrinking lifetime of its successor', () => {
    const e = buildPlan([base], { at: new Date('2027-01-01T00:00:00Z'), environment: {} }).entries[0]!;
    expect(e.renewBy).toBe('2027-04-01');
    expect(e.nextLifetime).toMatchObject({ days: 100 });
    expect(e.nextLifetime!.why).toMatch(/at most 100 days/);
    const later = buildPlan([{ ...base, notAfter: '2029-06-01T00:00:00Z', notBefore: '2029-04-01T00:00:00Z' }], { at: new Date('2029-04-02T00:00:00Z'), environment: {} }).entries[0]!;
    expect(later.nextLifetime!.days).toBe(47);
    expect(buildPlan([{ ...base, publicCa: false }], { at: new Date('2027-01-01T00:00:00Z'), environment: {} }).entries[0]!.nextLifetime).toBeUndefined();
  });
  it('a short-lived certificate is renewed in its last third, not 30 days before', () => {
    const e = buildPlan([{ ...base, notBefore: '2029-04-01T00:00:00Z', notAfter: '2029-05-18T00:00:00Z' }], { at: new Date('2029-04-01T00:00:00Z'), environment: {} }).entries[0]!;
    expect(e.renewBy).toBe('2029-05-02');
  });
});
