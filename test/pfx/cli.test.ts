// The whole path through the CLI runners: request → OpenSSL CA signs → pfx → OpenSSL opens it.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pfx } from '../../cli/commands/pfx.js';
import { request } from '../../cli/commands/request.js';
import { CONTOSO } from '../csr/environment.js';
import { makeCa, ossl, osslTry, removeDir, signCsr, workDir, type TestCa } from '../csr/opensslHelpers.js';
import { fakeIo } from '../commands/fakeIo.js';

let dir: string;
let ca: TestCa;
const ENV = { KEY_PASS: 'key passphrase', PFX_PASS: 'Pfx-Pass 1' };

async function runner(fn: typeof request, argv: string[]) {
  const io = fakeIo(dir, ENV);
  let code: number;
  try {
    code = await fn(argv, io);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    code = (e as Error).name === 'ArgError' ? 2 : 99;
  }
  return { code, stdout: io.stdout, stderr: io.stderr };
}

interface RequestJson {
  files: { csr: string; key: string; inf: string; script: string };
  request: { subject: string; commonName: string; dnsNames: string[]; keyAlgorithm: string; keySize: number };
}

let um: RequestJson;

beforeAll(async () => {
  dir = workDir('cli-pfx');
  ca = makeCa(dir);
  writeFileSync(join(dir, 'env.json'), JSON.stringify(CONTOSO));
  const r = await runner(request, ['--role', 'exchange-um', '--env', 'env.json', '--out', 'out', '--passphrase-env', 'KEY_PASS', '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  um = JSON.parse(r.stdout) as RequestJson;
});
afterAll(() => removeDir(dir));

describe('certbench request', () => {
  it('writes CSR, encrypted key, INF and script, and reports them with the decoded request', () => {
    expect(um.files.csr).toBe(join(dir, 'out', 'exchange-um-ex1.contoso.com.csr'));
    expect(um.request.commonName).toBe('ex1.contoso.com');
    expect(um.request.dnsNames).toEqual(['ex1.contoso.com']);
    expect(um.request.keyAlgorithm).toBe('RSA');
    expect(um.request.keySize).toBe(2048);
    expect(osslTry(['req', '-in', um.files.csr, '-verify', '-noout']).ok).toBe(true);
    const key = readFileSync(um.files.key, 'utf8');
    expect(key).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(statSync(um.files.key).mode & 0o077).toBe(0);
    expect(ossl(['pkey', '-in', um.files.key, '-passin', 'pass:key passphrase', '-pubout'])).toBe(ossl(['req', '-in', um.files.csr, '-noout', '-pubkey']));
  });

  it('writes the certreq INF of WIN-02 with the legacy CSP', () => {
    const inf = readFileSync(um.files.inf, 'utf8');
    for (const line of [
      'Subject = "CN=ex1.contoso.com"',
      'KeyLength = 2048',
      'KeySpec = 1',
      'Exportable = FALSE',
      'MachineKeySet = TRUE',
      'ProviderName = "Microsoft RSA SChannel Cryptographic Provider"',
      'ProviderType = 12',
      'RequestType = PKCS10',
      'HashAlgorithm = sha256',
      '[EnhancedKeyUsageExtension]',
      'OID = 1.3.6.1.5.5.7.3.1',
      '2.5.29.17 = "{text}"',
      '_continue_ = "dns=ex1.contoso.com&"',
      ';   certreq -new -machine exchange-um-ex1.contoso.com.inf exchange-um-ex1.contoso.com.csr',
      ';   certreq -accept -machine exchange-um-ex1.contoso.com.cer',
    ]) {
      expect(inf).toContain(line);
    }
    const script = readFileSync(um.files.script, 'utf8');
    expect(script).toContain("New-ExchangeCertificate -GenerateRequest -Server 'ex1.contoso.com' -RequestFile $requestFile -FriendlyName 'ex1.contoso.com exchange-um' -SubjectName 'CN=ex1.contoso.com' -DomainName 'ex1.contoso.com' -KeySize 2048");
  });

  it('writes Request-CsCertificate for Edge with the SAN list and an exportable key', async () => {
    const r = await runner(request, ['--role', 'edge-external', '--env', 'env.json', '--key', 'rsa4096', '--out', 'edge', '--passphrase-env', 'KEY_PASS', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as RequestJson;
    expect(j.request.keySize).toBe(4096);
    expect(j.request.dnsNames).toEqual(['sip.contoso.com', 'webconf.contoso.com', 'sip.fabrikam.com']);
    const script = readFileSync(j.files.script, 'utf8');
    expect(script).toContain(
      "Request-CsCertificate -New -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Output $requestFile -FriendlyName 'sip.contoso.com edge-external' -KeySize 4096 -PrivateKeyExportable $true -DomainName 'sip.contoso.com,webconf.contoso.com,sip.fabrikam.com'",
    );
    expect(readFileSync(j.files.inf, 'utf8')).toContain('Exportable = TRUE');
  });

  it.each([
    [['--role', 'exchange-um', '--server', "ex1.contoso.com'", '--out', 'x1', '--passphrase-env', 'KEY_PASS'], /not a valid FQDN/],
    [['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--key', 'p256', '--out', 'x2', '--passphrase-env', 'KEY_PASS'], /legacy CSP/],
    [['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--out', 'x3'], /passphrase/],
    [['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--out', 'x4', '--passphrase-env', 'UNSET'], /UNSET/],
    [['--role', 'exchange-um', '--env', 'env.json', '--out', 'out', '--passphrase-env', 'KEY_PASS'], /already exists/],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const r = await runner(request, argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('certbench pfx', () => {
  let issued: string;
  beforeAll(() => {
    issued = signCsr(ca, um.files.csr, join(dir, 'ex1.cer'));
    writeFileSync(join(dir, 'chain.pem'), readFileSync(ca.interCert, 'utf8') + readFileSync(ca.rootCert, 'utf8'));
  });

  for (const profile of ['modern', 'legacy'] as const) {
    it(`${profile}: packs a PFX that openssl pkcs12 opens (legacy without -legacy)`, async () => {
      const out = `ex1-${profile}.pfx`;
      const r = await runner(pfx, ['--cert', issued, '--key', um.files.key, '--chain', 'chain.pem', '--profile', profile, '--out', out, '--passphrase-env', 'KEY_PASS', '--password-env', 'PFX_PASS']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`profile ${profile}`);
      expect(r.stdout).toContain('2 chain certificate(s)');
      const info = osslTry(['pkcs12', '-in', join(dir, out), '-info', '-noout', '-passin', 'pass:Pfx-Pass 1']);
      expect(info.ok, info.out).toBe(true);
      expect(info.out).toContain(profile === 'modern' ? 'MAC: sha256' : 'MAC: sha1');
      const all = ossl(['pkcs12', '-in', join(dir, out), '-nodes', '-passin', 'pass:Pfx-Pass 1']);
      expect(all.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
      expect(all).toContain('friendlyName: ex1.contoso.com');
    });
  }

  it('refuses a key that does not match the certificate (exit 2)', async () => {
    const other = join(dir, 'other.key');
    ossl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', other]);
    const r = await runner(pfx, ['--cert', issued, '--key', other, '--profile', 'legacy', '--out', 'bad.pfx', '--password-env', 'PFX_PASS']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not belong to the certificate/);
    expect(osslTry(['pkcs12', '-in', join(dir, 'bad.pfx'), '-noout', '-passin', 'pass:x']).ok).toBe(false);
  });

  it('refuses a wrong key passphrase, a missing PFX password and an unknown profile (exit 2)', async () => {
    const base = ['--cert', issued, '--key', um.files.key, '--out', 'y.pfx'];
    const wrong = await runner(pfx, [...base, '--profile', 'modern', '--passphrase-env', 'PFX_PASS', '--password-env', 'PFX_PASS']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/passphrase is wrong/);
    const noPassword = await runner(pfx, [...base, '--profile', 'modern', '--passphrase-env', 'KEY_PASS']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/PFX password/);
    const badProfile = await runner(pfx, [...base, '--profile', 'aes', '--passphrase-env', 'KEY_PASS', '--password-env', 'PFX_PASS']);
    expect(badProfile.code).toBe(2);
    expect(badProfile.stderr).toMatch(/--profile must be one of modern, legacy/);
  });
});
