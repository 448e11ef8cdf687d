// `certbench inspect` through the built CLI: the JSON contract of design.md, exit codes 0 / 2,
// folders, one bad file among good ones, the three password options and the wrong password.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialModuloLeadingZeros } from '../support/certExpectations.js';
import { requireBuiltCli, runCli, stderrLines, type CliResult } from '../support/cli.js';
import { corpusDir } from '../support/corpus.js';
import {
  concatFiles,
  createCa,
  csr,
  issue,
  makeWorkDir,
  opensslFacts,
  opensslRequestFacts,
  p7b,
  pfx,
  removeWorkDir,
  type Ca,
  type IssuedCert,
} from '../support/openssl.js';

/** The `Cert` of the contract: at least these fields. */
interface ContractCert {
  subject: string;
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  thumbprint: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  dnsNames: string[];
  keyAlgorithm: string;
  keySize: number;
  signatureAlgorithm: string;
  selfSigned: boolean;
  isCA: boolean;
}

interface ContractDocument {
  file: string;
  kind: string;
  certificates: ContractCert[];
  request?: { subject: string; commonName: string | null; dnsNames: string[]; keyAlgorithm: string; keySize: number };
  hasPrivateKey: boolean;
}

const PASSWORD = 'Ex-2019 pass;word';
const DATES = { startDate: '2024-02-01T00:00:00Z', endDate: '2026-02-01T00:00:00Z' } as const;

let dir: string;
let root: Ca;
let leaf: IssuedCert;
let ecLeaf: IssuedCert;

beforeAll(() => {
  requireBuiltCli();
  dir = makeWorkDir('cli-inspect');
  root = createCa({ dir, cn: 'CLI Root', key: 'ec-p256', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
  leaf = issue(root, {
    name: 'um',
    subject: '/O=Contoso/CN=ex1.contoso.com',
    san: ['DNS:ex1.contoso.com', 'DNS:autodiscover.contoso.com'],
    eku: ['serverAuth'],
    ...DATES,
  });
  ecLeaf = issue(root, { name: 'sip', subject: '/CN=sip.contoso.com', san: ['DNS:sip.contoso.com'], key: 'ec-p384', ...DATES });
  pfx({ out: path.join(dir, 'um.pfx'), cert: leaf.certPem, key: leaf.keyPem, chain: [root.certPem], password: PASSWORD, profile: 'aes' });
  fs.writeFileSync(path.join(dir, 'pw.txt'), PASSWORD + '\r\n');
  // A folder an admin might point at: certificates, a chain, a request, and a note to skip.
  const folder = path.join(dir, 'certs');
  fs.mkdirSync(path.join(folder, 'chain'), { recursive: true });
  fs.copyFileSync(leaf.certDer, path.join(folder, 'ex1.cer'));
  fs.copyFileSync(ecLeaf.certPem, path.join(folder, 'sip.pem'));
  p7b([leaf.certPem, root.certPem], path.join(folder, 'chain', 'chain.p7b'));
  fs.rmSync(path.join(folder, 'chain', 'chain.p7b.der'));
  csr({ out: path.join(folder, 'ex2.req'), subject: '/O=Contoso/CN=ex2.contoso.com', san: ['DNS:ex2.contoso.com', 'DNS:mail.contoso.com'], key: 'ec-p256', windowsLabel: true });
  fs.rmSync(path.join(folder, 'ex2.req.cnf'));
  fs.renameSync(path.join(folder, 'ex2.req.key.pem'), path.join(dir, 'ex2.key'));
  fs.writeFileSync(path.join(folder, 'README.txt'), 'not a certificate, and not a certificate extension either\n');
});

afterAll(() => {
  if (dir) removeWorkDir(dir);
});

function json(result: CliResult): { documents: ContractDocument[] } {
  try {
    return JSON.parse(result.stdout) as { documents: ContractDocument[] };
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}): ${result.stdout.slice(0, 300)} / stderr: ${result.stderr}`);
  }
}

function inspect(args: string[], env?: Record<string, string>): Promise<CliResult> {
  return runCli(['inspect', ...args], { cwd: dir, env });
}

function expectContractCert(cert: ContractCert, file: string): void {
  const facts = opensslFacts(file);
  expect(cert.thumbprint).toBe(facts.sha1);
  expect(cert.thumbprint).toMatch(/^[0-9A-F]{40}$/);
  expect(cert.sha256).toBe(facts.sha256);
  expect(cert.serialNumber).toMatch(/^[0-9A-F]+$/);
  expect(serialModuloLeadingZeros(cert.serialNumber)).toBe(serialModuloLeadingZeros(facts.serial));
  expect(typeof cert.subject).toBe('string');
  expect(typeof cert.issuer).toBe('string');
  expect(cert.notBefore).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  expect(Date.parse(cert.notBefore)).toBe(Date.parse(facts.notBefore));
  expect(Date.parse(cert.notAfter)).toBe(Date.parse(facts.notAfter));
  expect(cert.dnsNames).toEqual(facts.dnsNames);
  expect(cert.keyAlgorithm).toBe(facts.publicKeyAlgorithm === 'id-ecPublicKey' ? 'EC' : 'RSA');
  expect(cert.keySize).toBe(facts.keyBits);
  expect(cert.signatureAlgorithm).toBe(facts.signatureAlgorithm);
  expect(cert.selfSigned).toBe(facts.subject === facts.issuer);
  expect(cert.isCA).toBe(facts.basicConstraints?.ca ?? false);
}

describe('certbench inspect --json', () => {
  it('prints one certificate as the contract describes, exit 0', async () => {
    const result = await inspect(['um.pem', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { documents } = json(result);
    expect(documents).toHaveLength(1);
    const doc = documents[0]!;
    expect(doc.file).toBe('um.pem');
    expect(doc.kind).toBe('certificate');
    expect(doc.hasPrivateKey).toBe(false);
    expect(doc.certificates).toHaveLength(1);
    const cert = doc.certificates[0]!;
    expectContractCert(cert, leaf.certPem);
    expect(cert.subject).toBe('CN=ex1.contoso.com, O=Contoso');
    expect(cert.commonName).toBe('ex1.contoso.com');
    expect(cert.issuer).toBe('CN=CLI Root, O=CertBench Tests');
    expect(cert.dnsNames).toEqual(['ex1.contoso.com', 'autodiscover.contoso.com']);
  });

  it('reads a PFX with --password-env, key on the leaf', async () => {
    const result = await inspect(['um.pfx', '--password-env', 'UM_PFX_PW', '--json'], { UM_PFX_PW: PASSWORD });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = json(result).documents[0]!;
    expect(doc.file).toBe('um.pfx');
    expect(doc.kind).toBe('pkcs12');
    expect(doc.hasPrivateKey).toBe(true);
    expect(doc.certificates.map((c) => c.thumbprint).sort()).toEqual([opensslFacts(leaf.certPem).sha1, opensslFacts(root.certPem).sha1].sort());
    const rootCert = doc.certificates.find((c) => c.thumbprint === opensslFacts(root.certPem).sha1)!;
    expect(rootCert.selfSigned).toBe(true);
    expect(rootCert.isCA).toBe(true);
    expect(result.stdout).not.toContain(PASSWORD);
  });

  it('reads the password from --password-file (first line, CRLF stripped) and --password', async () => {
    for (const args of [['--password-file', 'pw.txt'], ['--password', PASSWORD]]) {
      const result = await inspect(['um.pfx', ...args, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(json(result).documents[0]!.hasPrivateKey).toBe(true);
    }
  });

  it('--password works but warns on stderr that ps shows it, without echoing the password', async () => {
    const result = await inspect(['um.pfx', '--password', PASSWORD, '--json']);
    expect(result.code).toBe(0);
    const lines = stderrLines(result);
    expect(lines).toEqual(['certbench: --password shows the password to every user of this machine (ps, /proc, shell history); prefer --password-env VAR or --password-file FILE.']);
    expect(result.stderr).not.toContain(PASSWORD);
  });

  it('says the password is wrong: exit 2, one stderr line naming the file, never "MAC"', async () => {
    const result = await inspect(['um.pfx', '--password-env', 'WRONG_PW', '--json'], { WRONG_PW: 'nope' });
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('um.pfx');
    expect(lines[0]!.toLowerCase()).toContain('password');
    expect(lines[0]).not.toMatch(/\bMAC\b/i);
    expect(lines[0]).not.toContain('nope');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for a password when a PFX needs one', async () => {
    const result = await inspect(['um.pfx', '--json']);
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('um.pfx');
    expect(lines[0]).toMatch(/--password/);
  });

  it('fails clearly when the --password-env variable is not set', async () => {
    expect(process.env.CERTBENCH_UNSET_VAR).toBeUndefined();
    const result = await inspect(['um.pfx', '--password-env', 'CERTBENCH_UNSET_VAR', '--json']);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toHaveLength(1);
    expect(result.stderr).toContain('CERTBENCH_UNSET_VAR');
  });

  it('walks a folder for certificate files, skipping others', async () => {
    const result = await inspect(['certs', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { documents } = json(result);
    const byFile = new Map(documents.map((d) => [d.file.replace(/\\/g, '/'), d]));
    expect([...byFile.keys()].sort()).toEqual(['certs/chain/chain.p7b', 'certs/ex1.cer', 'certs/ex2.req', 'certs/sip.pem']);
    expect(byFile.get('certs/ex1.cer')!.kind).toBe('certificate');
    expectContractCert(byFile.get('certs/ex1.cer')!.certificates[0]!, leaf.certDer);
    expectContractCert(byFile.get('certs/sip.pem')!.certificates[0]!, ecLeaf.certPem);
    const chain = byFile.get('certs/chain/chain.p7b')!;
    expect(chain.kind).toBe('pkcs7');
    expect(chain.certificates).toHaveLength(2);
    const req = byFile.get('certs/ex2.req')!;
    expect(req.kind).toBe('request');
    const facts = opensslRequestFacts(path.join(dir, 'certs', 'ex2.req'));
    expect(req.request).toMatchObject({ commonName: 'ex2.contoso.com', dnsNames: facts.dnsNames, keyAlgorithm: 'EC', keySize: facts.keyBits });
    expect(req.request!.subject).toBe('CN=ex2.contoso.com, O=Contoso');
  });

  it('reports the good files and one stderr line for the bad one, exit 2', async () => {
    fs.writeFileSync(path.join(dir, 'garbage.cer'), Buffer.from('this is not a certificate \x00\x01\x02'));
    const result = await inspect(['um.pem', 'garbage.cer', 'sip.pem', '--json']);
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('garbage.cer');
    const { documents } = json(result);
    expect(documents.map((d) => d.file)).toEqual(['um.pem', 'sip.pem']);
  });

  it('refuses a missing file and a 33 MiB file with one line each', async () => {
    const big = path.join(dir, 'huge.pem');
    fs.writeFileSync(big, Buffer.alloc(33 * 1024 * 1024, 0x41));
    try {
      const result = await inspect(['does-not-exist.cer', 'huge.pem', 'um.pem', '--json']);
      expect(result.code).toBe(2);
      const lines = stderrLines(result);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain('does-not-exist.cer');
      expect(lines[1]).toContain('huge.pem');
      expect(json(result).documents.map((d) => d.file)).toEqual(['um.pem']);
    } finally {
      fs.rmSync(big, { force: true });
    }
  });

  it('exits 2 with a usage line when no file is named', async () => {
    const result = await inspect(['--json']);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toHaveLength(1);
  });

  it('prints a complete JSON document for the whole zlint corpus through a pipe', async () => {
    const zlint = corpusDir('zlint');
    const result = await runCli(['inspect', zlint, '--json']);
    // Some corpus files are not certificates: exit 2, one line each, the rest reported.
    expect(result.code).toBe(2);
    const { documents } = json(result);
    const errors = stderrLines(result);
    const candidates = fs.readdirSync(zlint).filter((f) => /\.(pem|der|cer|crt)$/i.test(f));
    expect(documents.length + errors.length).toBe(candidates.length);
    expect(documents.length).toBeGreaterThan(1000);
    expect(result.stdout.length).toBeGreaterThan(1024 * 1024);
    for (const line of errors) expect(candidates.some((f) => line.includes(f)), line).toBe(true);
  });
});

describe('certbench inspect (human output)', () => {
  it('prints a readable block with the thumbprint and names', async () => {
    const bundle = concatFiles(path.join(dir, 'bundle.pem'), [leaf.certPem, leaf.keyPem]);
    const result = await inspect([path.basename(bundle)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(opensslFacts(leaf.certPem).sha1);
    expect(result.stdout).toContain('ex1.contoso.com');
    expect(result.stdout).toContain('bundle.pem');
    expect(() => JSON.parse(result.stdout)).toThrow();
  });
});
