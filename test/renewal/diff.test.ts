// `certbench diff OLD NEW`: each classic renewal mistake, made with OpenSSL, is caught; an
// identical-names renewal with a longer key is a drop-in replacement. Driven in-process.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diff } from '../../cli/commands/diff.js';
import type { CliIo } from '../../cli/io.js';
import { createCa, issue, makeWorkDir, openssl, removeWorkDir, type Ca, type IssueOptions, type KeySpec } from '../support/openssl.js';

let dir: string;
let root: Ca;
let issuing: Ca;
let otherIssuing: Ca;
const PW = 'renew-pw';
const LEGACY_CSP = 'Microsoft RSA SChannel Cryptographic Provider';
const CNG_KSP = 'Microsoft Software Key Storage Provider';

function io(): CliIo & { stdout: string; stderr: string } {
  const box = { stdout: '', stderr: '', out(t: string) { box.stdout += t; }, err(t: string) { box.stderr += t; }, env: { PW }, cwd: dir };
  return box;
}

interface Variant {
  cn?: string;
  san?: string[];
  eku?: string[];
  key?: KeySpec;
  ca?: Ca;
  csp?: string;
  aes?: boolean;
}

/** A UM certificate for ex1 as a PFX (3DES + SHA-1 MAC, legacy CSP unless told otherwise). */
function umPfx(name: string, v: Variant = {}): string {
  const cn = v.cn ?? 'ex1.contoso.com';
  const options: IssueOptions = {
    subject: `/C=US/O=Contoso/CN=${cn}`,
    name,
    san: (v.san ?? ['ex1.contoso.com', 'mail.contoso.com']).map((n) => `DNS:${n}`),
    eku: v.eku ?? ['serverAuth', 'clientAuth'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    cdp: ['http://pki.contoso.com/issuing.crl'],
    key: v.key ?? 'rsa2048',
    startDate: '2025-01-01T00:00:00Z',
    endDate: '2027-01-01T00:00:00Z',
  };
  const cert = issue(v.ca ?? issuing, options);
  const ca = v.ca ?? issuing;
  const out = path.join(dir, `${name}.pfx`);
  const args = ['pkcs12', '-export', '-in', cert.certPem, '-inkey', cert.keyPem, '-certfile', ca.certPem, '-out', out, '-passout', 'env:PW', '-CSP', v.csp ?? LEGACY_CSP];
  if (!v.aes) args.push('-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
  openssl(args, { env: { PW } });
  return path.basename(out);
}

let old: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = makeWorkDir('renewal-diff');
  const dates = { startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' };
  root = createCa({ dir, cn: 'Contoso Root CA', ...dates });
  issuing = createCa({ dir, cn: 'Contoso Issuing CA 1', parent: root, ...dates });
  otherIssuing = createCa({ dir, cn: 'Contoso Issuing CA 2', parent: root, ...dates });
  old = umPfx('old');
  files.longerKey = umPfx('longer-key', { key: 'rsa4096' });
  files.sanRemoved = umPfx('san-removed', { san: ['ex1.contoso.com'] });
  files.cnChanged = umPfx('cn-changed', { cn: 'mail.contoso.com' });
  files.ekuLost = umPfx('eku-lost', { eku: ['clientAuth'] });
  files.ec = umPfx('ec', { key: 'ec-p256' });
  files.cng = umPfx('cng', { csp: CNG_KSP });
  files.newCa = umPfx('new-ca', { ca: otherIssuing });
  files.aes = umPfx('aes', { aes: true });
  fs.writeFileSync(
    path.join(dir, 'env.json'),
    JSON.stringify({
      exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', os: '2016', roles: ['Mailbox', 'UM', 'UMCallRouter'] }],
      trustedRoots: [fs.readFileSync(root.certPem, 'utf8')],
    }),
  );
  fs.writeFileSync(path.join(dir, 'garbage.cer'), 'not a certificate');
});
afterAll(() => removeWorkDir(dir));

const opts = ['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--env', 'env.json', '--at', '2026-06-01', '--password-env', 'PW'];

interface Json {
  replacement: boolean;
  because: string;
  differences: { field: string; old: string; new: string; impact: string; why: string; ruleId?: string }[];
  old: { verdict: string; findings: unknown[] };
  new: { verdict: string; findings: unknown[] };
}

async function run(newFile: string): Promise<{ code: number; json: Json; stderr: string }> {
  const o = io();
  const code = await diff([old, newFile, ...opts, '--json'], o);
  return { code, json: JSON.parse(o.stdout) as Json, stderr: o.stderr };
}

const breaking = (j: Json) => j.differences.filter((d) => d.impact === 'breaks');

describe('certbench diff', () => {
  it('an identical-names renewal with a longer key is a drop-in replacement (exit 0)', async () => {
    const { code, json, stderr } = await run(files.longerKey!);
    expect(stderr).toBe('');
    expect(json.replacement).toBe(true);
    expect(code).toBe(0);
    expect(breaking(json)).toEqual([]);
    expect(json.differences.find((d) => d.field === 'key.size')).toMatchObject({ old: 'RSA 2048', new: 'RSA 4096', impact: 'none' });
    expect(json.old.verdict).toBe('pass');
    expect(json.new.verdict).toBe('pass');
  });

  it('a SAN removed breaks it (exit 1) and names the name', async () => {
    const { code, json } = await run(files.sanRemoved!);
    expect(code).toBe(1);
    expect(json.replacement).toBe(false);
    expect(breaking(json)).toContainEqual(expect.objectContaining({ field: 'san.dns', old: 'mail.contoso.com', new: '(removed)' }));
  });

  it('a CN changed breaks a UM certificate, and the CN rule flips from pass to error', async () => {
    const { code, json } = await run(files.cnChanged!);
    expect(code).toBe(1);
    expect(breaking(json)).toContainEqual(expect.objectContaining({ field: 'subject.CN', old: 'ex1.contoso.com', new: 'mail.contoso.com' }));
    expect(breaking(json)).toContainEqual(expect.objectContaining({ field: 'rule:exchange-um.cn-is-server-fqdn', old: 'pass', new: 'error' }));
  });

  it('Server Authentication lost breaks it', async () => {
    const { json } = await run(files.ekuLost!);
    expect(json.replacement).toBe(false);
    expect(breaking(json)).toContainEqual(expect.objectContaining({ field: 'eku', ruleId: 'lync.server-auth-eku' }));
  });

  it('RSA → EC breaks it (no legacy CSP holds an EC key)', async () => {
    const { json } = await run(files.ec!);
    expect(json.replacement).toBe(false);
    expect(breaking(json)).toContainEqual(expect.objectContaining({ field: 'key.algorithm', old: 'RSA 2048', new: expect.stringMatching(/^EC 256/) }));
  });

  it('legacy CSP → CNG KSP breaks it', async () => {
    const { json } = await run(files.cng!);
    expect(json.replacement).toBe(false);
    expect(breaking(json)).toContainEqual(expect.objectContaining({ field: 'key.provider', old: LEGACY_CSP, new: CNG_KSP }));
  });

  it('a new issuing CA is flagged for review (install the intermediate), not hidden', async () => {
    const { code, json } = await run(files.newCa!);
    const issuer = json.differences.find((d) => d.field === 'issuer');
    expect(issuer).toMatchObject({ impact: 'review' });
    expect(issuer!.new).toMatch(/Contoso Issuing CA 2/);
    expect(issuer!.why).toMatch(/Intermediate Certification Authorities/);
    // Same root, trusted: a replacement once the intermediate is installed.
    expect(json.replacement).toBe(true);
    expect(code).toBe(0);
    expect(json.because).toMatch(/^Yes, once you have checked/);
  });

  it('an AES-only PFX breaks it for a Windows Server 2016 Exchange server', async () => {
    const { json } = await run(files.aes!);
    expect(json.replacement).toBe(false);
    expect(breaking(json)).toContainEqual(expect.objectContaining({ field: 'pfx.encryption', old: '3des', new: 'aes' }));
  });

  it('text output leads with the verdict and marks what breaks', async () => {
    const o = io();
    expect(await diff([old, files.sanRemoved!, ...opts], o)).toBe(1);
    expect(o.stdout).toMatch(/Drop-in replacement for this role: No: SAN \(DNS\)/);
    expect(o.stdout).toMatch(/✖ breaks {2}SAN \(DNS\)/);
  });

  it('an unusable file is one stderr line and exit 2', async () => {
    const o = io();
    expect(await diff([old, 'garbage.cer', ...opts], o)).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stderr).toMatch(/garbage\.cer/);
    expect(o.stdout).toBe('');
  });

  it("judges the renewal as if it stood in the old one's place: a configured thumbprint is a step, not a break", async () => {
    const first = await run(files.longerKey!);
    const oldThumbprint = (first.json.old as unknown as { thumbprint: string }).thumbprint;
    fs.writeFileSync(
      path.join(dir, 'owa-env.json'),
      JSON.stringify({
        exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016', os: '2019', roles: ['Mailbox'] }],
        owaIm: { trustedApplicationPoolFqdn: 'ex1.contoso.com', imServerName: 'pool01.contoso.com', certificateThumbprint: oldThumbprint },
        trustedRoots: [fs.readFileSync(root.certPem, 'utf8')],
      }),
    );
    const o = io();
    const code = await diff([old, files.longerKey!, '--role', 'owa-im', '--env', 'owa-env.json', '--at', '2026-06-01', '--password-env', 'PW', '--json'], o);
    const json = JSON.parse(o.stdout) as Json;
    const thumbprintRule = (side: Json['old']) => (side.findings as { ruleId: string; status: string }[]).find((f) => f.ruleId === 'owa-im.thumbprint-matches')!.status;
    expect(thumbprintRule(json.old)).toBe('pass');
    expect(thumbprintRule(json.new)).toBe('pass');
    expect(json.differences.filter((d) => d.field === 'rule:owa-im.thumbprint-matches')).toEqual([]);
    expect(json.replacement).toBe(true);
    expect(code).toBe(0);
  });
});
