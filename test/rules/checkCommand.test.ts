// `certbench check` and `certbench rules` driven in-process through their CommandRunner, with
// the public contract: JSON shape, exit codes 0/1/2, one stderr line per unusable file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../cli/commands/check.js';
import { rules } from '../../cli/commands/rules.js';
import { ArgError } from '../../cli/args.js';
import type { CliIo } from '../../cli/io.js';
import { ALL_RULES } from '../../shared/rules/catalogue.js';
import { createCa, issue, makeWorkDir, pfx, removeWorkDir, selfSigned, type Ca } from '../support/openssl.js';

let dir: string;
let root: Ca;
let good: string;
let wildcard: string;

function io(env: Record<string, string> = {}): CliIo & { stdout: string; stderr: string } {
  const box = {
    stdout: '',
    stderr: '',
    out(t: string) { box.stdout += t; },
    err(t: string) { box.stderr += t; },
    env,
    cwd: dir,
  };
  return box;
}

beforeAll(() => {
  dir = makeWorkDir('check-cli');
  root = createCa({ dir, cn: 'Contoso Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  const mk = (cn: string, name: string) => {
    const c = issue(root, { subject: `/O=Contoso/CN=${cn}`, san: [`DNS:${cn}`], eku: ['serverAuth'], cdp: ['http://pki.contoso.com/root.crl'], startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' });
    return path.basename(pfx({ out: path.join(dir, name), cert: c.certPem, key: c.keyPem, chain: [root.certPem], password: 'pw', profile: '3des-sha1mac' }));
  };
  good = mk('ex1.contoso.com', 'um-good.pfx');
  wildcard = mk('*.contoso.com', 'wildcard.pfx');
  fs.writeFileSync(path.join(dir, 'env.json'), JSON.stringify({ exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' }], trustedRoots: [fs.readFileSync(root.certPem, 'utf8')] }));
  fs.writeFileSync(path.join(dir, 'bad-env.json'), JSON.stringify({ exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2017' }] }));
  fs.writeFileSync(path.join(dir, 'garbage.cer'), 'this is not a certificate');
});
afterAll(() => removeWorkDir(dir));

const base = ['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--env', 'env.json', '--at', '2025-06-01', '--password-env', 'PFX_PW'];

describe('certbench check', () => {
  it('a good UM certificate: exit 0, JSON per the contract', async () => {
    const o = io({ PFX_PW: 'pw' });
    expect(await check([good, ...base, '--json'], o)).toBe(0);
    const json = JSON.parse(o.stdout) as { results: Record<string, unknown>[] };
    expect(json.results).toHaveLength(1);
    const r = json.results[0]!;
    expect(r).toMatchObject({ file: good, role: 'exchange-um', verdict: 'pass' });
    expect(r.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    for (const f of r.findings as Record<string, unknown>[]) {
      for (const key of ['ruleId', 'status', 'title', 'detail', 'fix', 'citation']) expect(f).toHaveProperty(key);
    }
    expect(o.stderr).toBe('');
  });

  it('the wildcard certificate: exit 1, human output lists errors first with fix and source', async () => {
    const o = io({ PFX_PW: 'pw' });
    expect(await check([wildcard, ...base], o)).toBe(1);
    expect(o.stdout).toMatch(/^FAIL {2}wildcard\.pfx — CN=\*\.contoso\.com/);
    const lines = o.stdout.split('\n');
    const firstError = lines.findIndex((l) => l.includes('✖ Error'));
    const firstPass = lines.findIndex((l) => l.includes('✔ Pass'));
    expect(firstError).toBeGreaterThan(0);
    expect(firstError).toBeLessThan(firstPass);
    expect(o.stdout).toMatch(/What breaks: .*1344/);
    expect(o.stdout).toMatch(/Fix: Issue a certificate whose CN is the server's own FQDN \(CN=ex1\.contoso\.com\)/);
    expect(o.stdout).toMatch(/Source: Microsoft: Wildcard certificate support/);
  });

  it('an unusable file gets one stderr line, the others are still checked, exit 2', async () => {
    const o = io({ PFX_PW: 'pw' });
    expect(await check(['garbage.cer', good, 'missing.pfx', ...base, '--json'], o)).toBe(2);
    const errLines = o.stderr.trim().split('\n');
    expect(errLines).toHaveLength(2);
    expect(errLines[0]).toContain('garbage.cer');
    expect(errLines[1]).toContain('missing.pfx');
    expect(JSON.parse(o.stdout).results).toHaveLength(1);
  });

  it('a wrong PFX password is an input error naming the file', async () => {
    const o = io({ PFX_PW: 'wrong' });
    expect(await check([good, ...base], o)).toBe(2);
    expect(o.stderr).toContain(good);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a bad environment file: one line naming the field, exit 2', async () => {
    const o = io({ PFX_PW: 'pw' });
    expect(await check([good, '--role', 'exchange-um', '--env', 'bad-env.json', '--password-env', 'PFX_PW'], o)).toBe(2);
    expect(o.stderr).toBe('bad-env.json: exchangeServers[0].version must be one of 2010, 2010SP1, 2013, 2016, 2019, SE (got "2017").\n');
  });

  it('bad arguments are ArgErrors (the dispatcher prints them, exit 2)', async () => {
    await expect(check([good], io())).rejects.toThrow(ArgError);
    await expect(check([good, '--role', 'mailbox'], io())).rejects.toThrow(/unknown role "mailbox"/);
    await expect(check([good, '--role', 'general', '--at', 'tomorrow'], io())).rejects.toThrow(/--at must be an ISO-8601/);
    await expect(check(['--role', 'general'], io())).rejects.toThrow(/name at least one file/);
  });

  it('--at decides: the same certificate fails once expired', async () => {
    const o = io({ PFX_PW: 'pw' });
    expect(await check([good, ...base.slice(0, 6), '--at', '2026-02-01T00:00:00Z', '--password-env', 'PFX_PW', '--json'], o)).toBe(1);
    const r = JSON.parse(o.stdout).results[0];
    const expired = r.findings.find((f: { ruleId: string }) => f.ruleId === 'general.expired');
    expect(expired.status).toBe('error');
    // The JSON carries each finding's declared outcome code and the title of what was found.
    expect(`${expired.ruleId}/${expired.outcome}`).toBe('general.expired/expired');
    expect(expired.title).toMatch(/^Certificate expired \d+ days? ago$/);
    for (const f of r.findings as { outcome?: string }[]) expect(f.outcome).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('--trust makes a self-signed root an anchor', async () => {
    const s = selfSigned({ dir, subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], startDate: '2025-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' });
    const rel = path.basename(s.certPem);
    const o = io();
    await check([rel, '--role', 'general', '--trust', rel, '--at', '2025-06-01', '--json'], o);
    const r = JSON.parse(o.stdout).results[0];
    expect(r.findings.find((f: { ruleId: string }) => f.ruleId === 'general.chain-trust').status).toBe('pass');
  });
});

describe('certbench rules', () => {
  it('prints the catalogue as Markdown and JSON', async () => {
    const md = io();
    expect(await rules([], md)).toBe(0);
    expect(md.stdout).toMatch(/^# CertBench rule catalogue/);
    for (const r of ALL_RULES) expect(md.stdout).toContain(`\`${r.id}\``);
    const js = io();
    expect(await rules(['--json'], js)).toBe(0);
    const parsed = JSON.parse(js.stdout) as { rules: { id: string; citation: string; maxStatus: string }[] };
    // The certificate rules first, in catalogue order (the estate rules follow them).
    expect(parsed.rules.map((r) => r.id).slice(0, ALL_RULES.length)).toEqual(ALL_RULES.map((r) => r.id));
    expect(parsed.rules.every((r) => r.citation.length > 0)).toBe(true);
  });

  it('searches the catalogue by event id, error code or message text (issue 14)', async () => {
    const byEvent = io();
    expect(await rules(['1344'], byEvent)).toBe(0);
    expect(byEvent.stdout).toContain('`exchange-um.cn-is-server-fqdn`');
    expect(byEvent.stdout).toContain('`lync.cn-not-wildcard`');
    expect(byEvent.stdout).not.toContain('`general.expired`');
    expect(byEvent.stdout).toMatch(/## What an admin sees[\s\S]*MWI event 1344/);
    const byCode = io();
    expect(await rules(['0x800B010F', '--json'], byCode)).toBe(0);
    expect((JSON.parse(byCode.stdout) as { rules: { id: string }[] }).rules.map((r) => r.id)).toContain('exchange-um.cn-is-server-fqdn');
    const byText = io();
    expect(await rules(['Certificate subject name is not valid'], byText)).toBe(0);
    expect(byText.stdout).toContain('`exchange-um.cn-is-server-fqdn`');
    const none = io();
    expect(await rules(['no-such-symptom-xyz'], none)).toBe(0);
    expect(none.stdout).toMatch(/No rule mentions "no-such-symptom-xyz"/);
  });
});
