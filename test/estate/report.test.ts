// The estate report model: the matrix has one column per distinct certificate and the binding
// letters per cell; the expiry timeline holds only what is actually bound; estate findings
// that say something come first; every text format renders the same facts.
import { describe, expect, it } from 'vitest';
import { auditEstate } from '../../shared/estate/audit.js';
import { bindingTags, servicesString } from '../../shared/estate/serviceLetters.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { buildEstateReport, renderEstateReport } from '../../shared/report/estate/index.js';

const T = (n: number): string => n.toString(16).toUpperCase().padStart(40, '0');
const row = (server: string, n: number, services: ('IIS' | 'SMTP' | 'UM' | 'IMAP' | 'POP')[], notAfter = '2027-06-01T00:00:00Z') => ({
  server,
  thumbprint: T(n),
  services,
  status: 'Valid',
  hasPrivateKey: true,
  subject: `CN=cert${n}.contoso.com`,
  issuer: 'CN=Contoso CA',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter,
  dnsNames: [`cert${n}.contoso.com`],
});

const snapshot: Snapshot = {
  format: 'certbench-snapshot',
  version: 1,
  collectedAt: '2026-12-01T00:00:00Z',
  organization: 'Contoso',
  exchange: {
    servers: [
      { name: 'EX1', fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox'] },
      { name: 'EX2', fqdn: 'ex2.contoso.com', version: '2016', roles: ['Mailbox'] },
    ],
    certificates: [row('ex1.contoso.com', 1, ['IMAP', 'POP', 'IIS', 'SMTP']), row('ex2.contoso.com', 1, ['IIS']), row('ex2.contoso.com', 2, ['SMTP'], '2026-11-01T00:00:00Z'), row('ex1.contoso.com', 3, [])],
  },
};

describe('estate report', () => {
  it('builds the matrix, the timeline of bound certificates and puts problems first', async () => {
    const audit = await auditEstate(snapshot, { at: new Date('2026-12-01T00:00:00Z') });
    const model = buildEstateReport(audit, { generator: 'CertBench test' });
    expect(model.columns.map((c) => c.label)).toEqual(['cert1.contoso.com', 'cert3.contoso.com', 'cert2.contoso.com']);
    expect(model.columns[0]!.servers).toEqual(['ex1.contoso.com', 'ex2.contoso.com']);
    expect(model.matrix[0]!.cells.map((c) => [c.tags.join(' '), c.bound])).toEqual([['IP.WS..', true], ['', false]]);
    // cert3 is in EX1's store but bound to nothing: listed, not on the timeline.
    expect(model.timeline.rows.map((r) => r.label)).toEqual(['cert2.contoso.com (1 server)', 'cert1.contoso.com (2 servers)']);
    expect(model.timeline.rows[0]!.bucket).toBe('expired');
    expect(model.summary).toMatchObject({ servers: { exchange: 2, skype: 0 }, certificates: 3, bindings: 3, expiredBound: 1 });
    expect(model.problems.map((f) => `${f.ruleId}:${f.outcome}`)).toEqual(['estate.expired-bound:expired']);
    const html = renderEstateReport(model, 'html');
    expect(html.indexOf('Expired certificate still bound to SMTP on EX2')).toBeLessThan(html.indexOf('id="matrix"'));
    expect(renderEstateReport(model, 'md')).toContain('| EX1 | IP.WS.. ✔ | · |');
    expect(JSON.parse(renderEstateReport(model, 'json')).verdict).toBe('fail');
    expect(renderEstateReport(model, 'csv').split('\r\n')[0]).toBe('record,server,fqdn,product,thumbprint,subject,not_after,bindings,roles,verdict_or_status,rule_or_findings,title,detail,fix');
  });

  it('writes bindings as Get-ExchangeCertificate does', () => {
    expect(servicesString([{ kind: 'service', name: 'IMAP' }, { kind: 'service', name: 'POP' }, { kind: 'service', name: 'IIS' }, { kind: 'service', name: 'SMTP' }])).toBe('IP.WS..');
    expect(servicesString([{ kind: 'service', name: 'UM' }, { kind: 'service', name: 'UMCallRouter' }])).toBe('..U...C');
    expect(bindingTags([{ kind: 'use', name: 'OAuthTokenIssuer' }, { kind: 'reference', name: 'AuthConfig current' }])).toEqual(['OAuth', 'Auth (current)']);
  });
});
