// The report model on hand-built documents: expiry windows at their edges, per-role verdicts
// that never contradict the certificate's verdict, an environment summary without configured
// thumbprints or root PEM, and results that must belong to the inputs they came with.
import { describe, expect, it } from 'vitest';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { Environment } from '../../shared/environment/types.js';
import { buildReport, type ReportOptions } from '../../shared/report/buildReport.js';
import type { ReportModel } from '../../shared/report/model.js';
import { expiryBucket } from '../../shared/report/summary.js';
import type { CheckInput, CheckResult } from '../../shared/rules/checkDocuments.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import { evaluate } from '../../shared/rules/index.js';
import { makeCertificate } from '../support/models.js';

const AT = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function certDoc(cn: string, daysLeft: number, thumbChar: string): DecodedDocument {
  const cert = makeCertificate({
    cn,
    san: [cn],
    thumbprint: thumbChar.repeat(40),
    notBefore: '2025-06-01T00:00:00.000Z',
    // Half a day past the whole day, so the floor is exactly `daysLeft`.
    notAfter: new Date(AT.getTime() + daysLeft * DAY + DAY / 2).toISOString(),
    hasPrivateKey: false,
  });
  return { kind: 'certificate', encoding: 'pem', certificates: [cert], keys: [], hasPrivateKey: false, notes: [] };
}

// Hand-built models carry no DER, so no chain is built: evaluate each certificate directly
// (checkDocuments' own job, minus buildTrust) and hand the results to buildReport.
function resultsFor(inputs: CheckInput[], role: RoleChoice, environment: Environment, server?: string): CheckResult[] {
  return inputs.flatMap(({ file, document }) =>
    document.certificates.map((certificate) => ({
      file,
      kind: 'certificate' as const,
      thumbprint: certificate.thumbprint,
      subject: certificate.subject,
      ...evaluate({ kind: 'certificate', certificate }, role, environment, AT, server ? { server } : {}),
    })),
  );
}

function reportFor(inputs: CheckInput[], o: { role: RoleChoice; environment: Environment; server?: string }, meta: ReportOptions = {}): ReportModel {
  return buildReport({ ...meta, inputs, results: resultsFor(inputs, o.role, o.environment, o.server), environment: o.environment, at: AT, role: o.role, ...(o.server ? { server: o.server } : {}) });
}

const ENV: Environment = {
  exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox', 'UM'] }],
  owaIm: { trustedApplicationPoolFqdn: 'owa.contoso.com', certificateThumbprint: '9'.repeat(40) },
  authConfig: { currentCertificateThumbprint: '8'.repeat(40) },
  oauthTokenIssuerThumbprints: { 'fe1.contoso.com': '7'.repeat(40) },
  trustedRoots: ['-----BEGIN CERTIFICATE-----\nMIIBROOTPEMTEXT\n-----END CERTIFICATE-----\n'],
};

describe('report model', () => {
  it('expiry windows: 30 / 60 / 120 days at their edges, cumulative counts, expired apart', async () => {
    expect([-1, 0, 30, 31, 60, 61, 120, 121].map(expiryBucket)).toEqual(['expired', '30', '30', '60', '60', '120', '120', 'ok']);
    const days = [-3, 0, 30, 31, 60, 61, 120, 121, 400];
    const inputs: CheckInput[] = days.map((d, i) => ({ file: `c${i}.cer`, document: certDoc(`h${i}.contoso.com`, d, 'ABCDEF0123'[i]!) }));
    const report = reportFor(inputs, { role: 'general', environment: {} });
    expect(report.items.map((i) => i.identity.daysLeft)).toEqual(days);
    expect(report.summary.expiry).toMatchObject({ expired: 1, within30: 2, within60: 4, within120: 6 });
    expect(report.summary.expiry.entries.map((e) => e.daysLeft)).toEqual([-3, 0, 30, 31, 60, 61, 120]);
    expect(report.timeline.rows).toHaveLength(days.length);
    // The window reaches back past the expiry and forward at most 400 days.
    expect(Date.parse(report.timeline.start)).toBeLessThan(AT.getTime() - 30 * DAY);
    expect(Date.parse(report.timeline.end)).toBeLessThanOrEqual(AT.getTime() + 400 * DAY);
  });

  it('per-role verdicts: the worst is always the certificate verdict; general findings count for every role', async () => {
    const inputs: CheckInput[] = [
      { file: 'um.cer', document: certDoc('*.contoso.com', 200, 'A') },
      { file: 'ok.cer', document: certDoc('ex1.contoso.com', 200, 'B') },
      { file: 'old.cer', document: certDoc('ex1.contoso.com', -10, 'C') },
    ];
    const rank = { pass: 0, warn: 1, fail: 2 } as const;
    for (const role of ['exchange-um', 'owa-im', 'general', 'auto'] as const) {
      const report = reportFor(inputs, { role, environment: ENV, server: 'ex1.contoso.com' });
      for (const item of report.items) {
        const worst = item.roleVerdicts.reduce((w, r) => (rank[r.verdict] > rank[w] ? r.verdict : w), 'pass' as 'pass' | 'warn' | 'fail');
        expect(worst, `${role} ${item.result.file}`).toBe(item.result.verdict);
      }
      // The expired certificate fails a general rule, so it fails every role listed.
      const old = report.items.find((i) => i.result.file === 'old.cer')!;
      for (const rv of old.roleVerdicts) expect(rv.verdict).toBe('fail');
    }
  });

  it('the environment summary names servers and pools, never configured thumbprints or root PEM', async () => {
    const report = reportFor([{ file: 'a.cer', document: certDoc('ex1.contoso.com', 90, 'A') }], { role: 'auto', environment: ENV });
    const text = JSON.stringify(report.environment);
    expect(report.environment.exchangeServers[0]!.fqdn).toBe('ex1.contoso.com');
    expect(report.environment.owaIm).toEqual({ trustedApplicationPoolFqdn: 'owa.contoso.com' });
    expect(report.environment.trustedRootCount).toBe(1);
    for (const secretish of ['9'.repeat(40), '8'.repeat(40), '7'.repeat(40), 'MIIBROOTPEMTEXT']) expect(text).not.toContain(secretish);
    expect(report.environment.empty).toBe(false);
    const bare = reportFor([], { role: 'auto', environment: {} });
    expect(bare.environment.empty).toBe(true);
    expect(bare.summary.items).toBe(0);
  });

  it('results that do not belong to the inputs are refused, not silently mislabelled', async () => {
    const a: CheckInput = { file: 'a.cer', document: certDoc('a.contoso.com', 90, 'A') };
    const b: CheckInput = { file: 'b.cer', document: certDoc('b.contoso.com', 90, 'B') };
    const results = resultsFor([a, b], 'general', {});
    const base = { environment: {}, at: AT, role: 'general' as const };
    expect(() => buildReport({ ...base, inputs: [b, a], results })).toThrow(/does not match/);
    expect(() => buildReport({ ...base, inputs: [a], results })).toThrow(/2 check results for 1/);
    expect(buildReport({ ...base, inputs: [a, b], results }).items.map((i) => i.id)).toEqual(['item-1', 'item-2']);
  });

  it('title, customer and author: trimmed, a default title, no empty fields', async () => {
    const report = reportFor([], { role: 'auto', environment: {} }, { title: '  ', customer: ' Contoso ', author: '' });
    expect(report.meta).toEqual({ title: 'Certificate compliance report', customer: 'Contoso', at: AT.toISOString(), role: 'auto', generator: 'CertBench' });
  });
});
