// `certbench why` in-process: with certificate files, the causes the files actually show come
// first; without them the catalogue order decides; unusable input is one line and exit 2.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { why } from '../../cli/commands/why.js';
import type { CliIo } from '../../cli/io.js';
import type { WhyResult } from '../../shared/troubleshoot/why.js';
import { writeEstateSnapshot } from '../estate/estateFixture.js';
import { createCa, issue, makeWorkDir, removeWorkDir } from '../support/openssl.js';

let dir: string;

function io(): CliIo & { stdout: string; stderr: string } {
  const box = { stdout: '', stderr: '', out(t: string) { box.stdout += t; }, err(t: string) { box.stderr += t; }, env: {}, cwd: dir };
  return box;
}

beforeAll(() => {
  dir = makeWorkDir('why-cli');
  const root = createCa({ dir, cn: 'Contoso Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  const mk = (cn: string, san: string[], file: string) => {
    const c = issue(root, { subject: `/O=Contoso/CN=${cn}`, san: san.map((n) => `DNS:${n}`), eku: ['serverAuth'], cdp: ['http://pki.contoso.com/root.crl'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
    fs.copyFileSync(c.certPem, path.join(dir, file));
  };
  mk('*.contoso.com', ['*.contoso.com', 'ex1.contoso.com'], 'um-wildcard.crt');
  mk('mail.contoso.com', ['mail.contoso.com', 'ex1.contoso.com'], 'um-san-only.crt');
  mk('ex1.contoso.com', ['ex1.contoso.com'], 'um-good.crt');
  fs.writeFileSync(path.join(dir, 'env.json'), JSON.stringify({ exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', roles: ['Mailbox', 'UM'] }], trustedRoots: [fs.readFileSync(root.certPem, 'utf8')] }));
});
afterAll(() => removeWorkDir(dir));

const opts = ['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--env', 'env.json', '--at', '2026-01-01'];

async function run(args: string[]): Promise<{ code: number; json: WhyResult; stderr: string }> {
  const o = io();
  const code = await why([...args, '--json'], o);
  return { code, json: JSON.parse(o.stdout) as WhyResult, stderr: o.stderr };
}

describe('certbench why', () => {
  it('without files, event 1344 names the wildcard-CN rule and the CN rule', async () => {
    const { code, json } = await run(['Event 1344']);
    expect(code).toBe(0);
    expect(json.causes.map((c) => c.ruleId).slice(0, 2).sort()).toEqual(['exchange-um.cn-is-server-fqdn', 'lync.cn-not-wildcard']);
    expect(json.causes.every((c) => c.shownBy.length === 0)).toBe(true);
  });

  it('with a UM certificate whose FQDN is only in the SAN, the CN rule comes first and says where', async () => {
    const { json } = await run(['1344', '--files', 'um-san-only.crt', ...opts]);
    const first = json.causes[0]!;
    expect(first.ruleId).toBe('exchange-um.cn-is-server-fqdn');
    expect(first.shownBy).toContainEqual(expect.objectContaining({ source: 'um-san-only.crt', status: 'error' }));
    // The wildcard rule is still listed, but the file passes it.
    const wildcard = json.causes.find((c) => c.ruleId === 'lync.cn-not-wildcard')!;
    expect(wildcard.shownBy.every((s) => s.status === 'pass')).toBe(true);
  });

  it('with the wildcard certificate, the text output names the file and the symptom together', async () => {
    const o = io();
    expect(await why(['1344', '--files', 'um-wildcard.crt', ...opts], o)).toBe(0);
    expect(o.stdout).toMatch(/^1\. .*\[(lync\.cn-not-wildcard|exchange-um\.cn-is-server-fqdn)\]\n {3}Seen in um-wildcard\.crt: /m);
  });

  it('a good certificate shows nothing: causes keep their catalogue rank and say they were not seen', async () => {
    const o = io();
    expect(await why(['32263', '--files', 'um-good.crt', ...opts], o)).toBe(0);
    expect(o.stdout).toMatch(/Not seen in the open material \(um-good\.crt pass this rule\)/);
  });

  it('text no rule names: exit 1 and a hint', async () => {
    const o = io();
    expect(await why(['the coffee machine is broken'], o)).toBe(1);
    expect(o.stdout).toMatch(/No rule in CertBench's catalogue names/);
  });

  it('an unusable file: one stderr line, exit 2, the causes still printed', async () => {
    fs.writeFileSync(path.join(dir, 'garbage.cer'), 'nope');
    const o = io();
    expect(await why(['1344', '--files', 'garbage.cer', ...opts], o)).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stdout).toMatch(/Causes of "1344"/);
  });

  it('with an estate snapshot whose EX2 UM certificate is a wildcard, the cause names the estate and the server', async () => {
    const written = writeEstateSnapshot(path.join(dir, 'estate'), { faults: ['wildcard-um'] });
    const { code, json } = await run(['Event 1344', '--snapshot', written.file, '--trust', written.rootPem, '--at', '2026-12-01']);
    expect(code).toBe(0);
    const first = json.causes[0]!;
    expect(['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn']).toContain(first.ruleId);
    expect(first.shownBy.filter((s) => s.status === 'error').map((s) => s.source).join(' ')).toMatch(/ex2\.contoso\.com/);
  }, 120_000);
});
