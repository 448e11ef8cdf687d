// Hostile input through the built CLI, the way an admin's script meets it: ~60 files in one
// folder — real files from the .NET corpus and OpenSSL-made ones, untouched and mutated (bit
// flips, truncations, damaged length bytes, splices), plus random bytes, deep nesting, huge
// declared lengths, a 40 MiB file, a folder named like a file, an empty file, PEMs with garbage —
// all named on ONE command line, once for `inspect --json` and once for `check --json`.
// Each run must exit 2 (there are unusable files), print valid JSON holding every good file,
// give exactly one stderr line per unusable file naming it, and never leak a stack trace, an
// internal error name or the PFX password.
// The mutations come from a seeded PRNG, so a failure names a file that the next run rebuilds.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli, stderrLines, type CliResult } from '../support/cli.js';
import { corpusDir } from '../support/corpus.js';
import { createCa, csr, issue, makeWorkDir, openssl, pfx, removeWorkDir } from '../support/openssl.js';

const PASSWORD = 'testcertificate'; // the .NET corpus PFX password; the OpenSSL PFX uses it too
const PASSWORD_VAR = 'CERTBENCH_FUZZ_PFX_PASSWORD';
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed7);

/** What a file must do: open (a good file), fail (one stderr line), or either (a mutation). */
type Expectation = 'good' | 'bad' | 'either';
interface HostileFile {
  name: string;
  expect: Expectation;
  /** Files named explicitly that hold nothing checkable are refused by `check`, not by `inspect`. */
  checkable?: boolean;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** DER length octets for n. */
function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** SEQUENCE { SEQUENCE { ... INTEGER 0 } } nested `depth` deep, all definite lengths. */
function deepDefinite(depth: number): Uint8Array {
  let inner = [0x02, 0x01, 0x00];
  for (let i = 0; i < depth; i++) inner = [0x30, ...derLength(inner.length), ...inner];
  return Uint8Array.from(inner);
}

/** `30 80` repeated, then the end-of-contents octets: BER indefinite nesting. */
function deepIndefinite(depth: number): Uint8Array {
  const out = new Uint8Array(depth * 4);
  for (let i = 0; i < depth; i++) out.set([0x30, 0x80], i * 2);
  return out; // the trailing half stays zero: depth × `00 00`
}

function pem(label: string, body: Uint8Array | string): string {
  const b64 = typeof body === 'string' ? body : Buffer.from(body).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END ${label}-----\n`;
}

let work: string;
let dir: string;
const files: HostileFile[] = [];
let inspect: CliResult;
let check: CliResult;

function add(name: string, bytes: Uint8Array | string, expectation: Expectation, checkable = true): void {
  const full = `f${String(files.length).padStart(2, '0')}-${name}`;
  fs.writeFileSync(path.join(dir, full), bytes);
  files.push({ name: full, expect: expectation, checkable });
}

function mutations(seedName: string, bytes: Uint8Array, rand: () => number): void {
  const at = () => Math.floor(rand() * bytes.length);
  for (let i = 0; i < 2; i++) {
    const out = bytes.slice();
    const p = at();
    out[p] = out[p]! ^ (1 << Math.floor(rand() * 8));
    add(`${seedName}.flip${i}-at${p}`, out, 'either');
  }
  for (let i = 0; i < 2; i++) {
    // One cut early (the outer header survives, the content does not), one anywhere.
    const p = i === 0 ? 1 + Math.floor(rand() * Math.min(64, bytes.length - 1)) : at();
    add(`${seedName}.trunc${i}-at${p}`, bytes.subarray(0, p), 'either');
  }
  {
    // A length octet that claims far more (or nothing): the first few headers are where they live.
    const out = bytes.slice();
    const p = Math.floor(rand() * Math.min(32, bytes.length));
    const value = [0x84, 0x85, 0xff, 0x00, 0x88][Math.floor(rand() * 5)]!;
    out[p] = value;
    add(`${seedName}.len-at${p}`, out, 'either');
  }
  {
    const p = at();
    const insert = Uint8Array.from({ length: 1 + Math.floor(rand() * 48) }, () => Math.floor(rand() * 256));
    const out = new Uint8Array(bytes.length + insert.length);
    out.set(bytes.subarray(0, p));
    out.set(insert, p);
    out.set(bytes.subarray(p), p + insert.length);
    add(`${seedName}.splice-at${p}`, out, 'either');
  }
}

const STACK_OR_INTERNALS = [
  /\bat .*:\d+:\d+/,
  /TypeError/,
  /undefined/,
  /\[object/,
  /RangeError|ReferenceError|SyntaxError|Asn1Error/,
  // Bytes from a file must never reach the terminal raw (ESC sequences, bells, NULs).
  /[\u0000-\u0008\u000b-\u001f\u007f]/,
];

/** Which of our file names a stderr line names (by the name exactly as given). */
function named(line: string): HostileFile[] {
  return files.filter((f) => line.includes(f.name));
}

beforeAll(async () => {
  requireBuiltCli();
  work = makeWorkDir('fuzz-cli-src');
  dir = makeWorkDir('fuzz-cli');
  const dotnet = corpusDir('dotnet');
  const corpus = (name: string) => new Uint8Array(fs.readFileSync(path.join(dotnet, name)));

  // OpenSSL-made seeds: a leaf from a small CA (PEM), a request (DER) and an AES PFX.
  const day = 86_400_000;
  const startDate = new Date(Date.now() - day);
  const ca = createCa({ dir: work, cn: 'Fuzz Root CA', startDate, endDate: new Date(Date.now() + 3650 * day) });
  const leaf = issue(ca, {
    subject: '/O=Contoso/CN=mail.contoso.com',
    san: ['DNS:mail.contoso.com', 'DNS:autodiscover.contoso.com'],
    startDate,
    endDate: new Date(Date.now() + 365 * day),
  });
  const request = csr({ out: path.join(work, 'sip.csr.pem'), subject: '/O=Contoso/CN=sip.contoso.com', san: ['DNS:sip.contoso.com'] });
  const requestDer = openssl(['req', '-in', request.csrPem, '-outform', 'DER']);
  const openSslPfx = pfx({ out: path.join(work, 'mail.pfx'), cert: leaf.certPem, key: leaf.keyPem, chain: [ca.certPem], password: PASSWORD, profile: 'aes' });

  const seeds: [string, Uint8Array][] = [
    ['contoso.cer', corpus('System.Net.TestData__TestData__contoso.com.cer')],
    ['certchain.p7b', corpus('System.Security.Cryptography.X509Certificates.TestData__TestData__certchain.p7b')],
    ['dotnet.pfx', corpus('System.Net.TestData__TestData__contoso.com.pfx')],
    ['openssl-leaf.pem', new Uint8Array(fs.readFileSync(leaf.certPem))],
    ['openssl-req.der', new Uint8Array(requestDer)],
    ['openssl-aes.pfx', new Uint8Array(fs.readFileSync(openSslPfx))],
  ];

  // The untouched files: each must open, in both commands.
  for (const [name, bytes] of seeds) add(`good-${name}`, bytes, 'good');

  const rand = mulberry32(SEED);
  for (const [name, bytes] of seeds) mutations(name, bytes, rand);

  const certDer = new Uint8Array(fs.readFileSync(leaf.certDer));
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  add('empty.cer', new Uint8Array(0), 'bad');
  add('one-byte.der', Uint8Array.of(0x30), 'bad');
  add('random-300.cer', randomBytes(300), 'bad');
  add('random-64k.pfx', randomBytes(65536), 'bad');
  add('zeros-4k.der', new Uint8Array(4096), 'bad');
  add('deep-definite-3000.der', deepDefinite(3000), 'bad');
  add('deep-indefinite-100k.der', deepIndefinite(100_000), 'bad');
  add('huge-length-4.der', Uint8Array.of(0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00), 'bad');
  add('huge-length-8.der', Uint8Array.of(0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00), 'bad');
  add('garbage.pem', '-----BEGIN CERTIFICATE-----\n!!!not*base64@@@ <script>alert(1)</script>\n-----END CERTIFICATE-----\n', 'bad');
  add('no-end-line.pem', pem('CERTIFICATE', certDer).replace(/-----END CERTIFICATE-----\n$/, ''), 'either');
  add('random-body.pem', pem('CERTIFICATE', randomBytes(700)), 'bad');
  add('garbage-key.pem', pem('PRIVATE KEY', randomBytes(300)), 'bad');
  add('nul-and-crlf.pem', pem('CERTIFICATE', certDer).replace(/\n/g, '\r\n').replace('MII', 'M\0II'), 'either');
  {
    // notBefore with a newline and an ESC in it: a message quoting the date must stay one clean line.
    const out = certDer.slice();
    const utc = out.findIndex((b, i) => b === 0x17 && out[i + 1] === 0x0d);
    out.set([0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d], utc + 2);
    add('control-chars-in-date.cer', out, 'bad');
  }
  add('png-named.cer', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52), 'bad');
  add('hello.txt', 'hello, this is not a certificate\n', 'bad');
  add('ünïcødé name ✓.cer', randomBytes(128), 'bad');
  add('bom-then-pem.pem', '\ufeff' + pem('CERTIFICATE', certDer), 'either');
  // 40 MiB, sparse: larger than the 32 MiB cap, refused without being read.
  const big = `f${String(files.length).padStart(2, '0')}-disk-image-40mib.cer`;
  const fd = fs.openSync(path.join(dir, big), 'w');
  fs.ftruncateSync(fd, 40 * 1024 * 1024);
  fs.closeSync(fd);
  files.push({ name: big, expect: 'bad' });
  // A folder named like a certificate, with nothing in it.
  const folder = `f${String(files.length).padStart(2, '0')}-folder.cer`;
  fs.mkdirSync(path.join(dir, folder));
  files.push({ name: folder, expect: 'bad' });
  // A file that is not there.
  files.push({ name: `f${String(files.length).padStart(2, '0')}-missing.pfx`, expect: 'bad' });

  const names = files.map((f) => f.name);
  const env = { [PASSWORD_VAR]: PASSWORD };
  const started = performance.now();
  inspect = await runCli(['inspect', ...names, '--json', '--password-env', PASSWORD_VAR], { cwd: dir, env });
  check = await runCli(['check', ...names, '--role', 'general', '--json', '--password-env', PASSWORD_VAR], { cwd: dir, env });
  console.log(`[fuzz/cli] ${files.length} hostile files (seed ${SEED}), inspect + check in ${Math.round(performance.now() - started)} ms`);
}, 180_000);

afterAll(() => {
  if (work) removeWorkDir(work);
  if (dir) removeWorkDir(dir);
});

/** The contract both commands share; returns the files that failed (by stderr) for more checks. */
function checkContract(result: CliResult, opened: Set<string>, command: string): Set<string> {
  expect(result.code, `${command} exit code; stderr:\n${result.stderr}`).toBe(2);
  const lines = stderrLines(result);
  for (const line of lines) {
    for (const pattern of STACK_OR_INTERNALS) expect(line, `${command} stderr`).not.toMatch(pattern);
    expect(line, `${command}: the password is never echoed`).not.toContain(PASSWORD);
  }
  expect(result.stdout).not.toContain(PASSWORD);
  const failed = new Set<string>();
  for (const line of lines) {
    const which = named(line);
    expect(which.map((f) => f.name), `${command}: one file named by "${line}"`).toHaveLength(1);
    const name = which[0]!.name;
    expect(failed.has(name), `${command}: a second line for ${name}`).toBe(false);
    failed.add(name);
  }
  for (const f of files) {
    // Every file is accounted for exactly once: in the JSON, or on one stderr line.
    expect(opened.has(f.name) !== failed.has(f.name), `${command}: ${f.name} opened=${opened.has(f.name)} failed=${failed.has(f.name)}`).toBe(true);
  }
  return failed;
}

describe('hostile files through the CLI', () => {
  it('built a bounded corpus of ~60 hostile files', () => {
    expect(files.length).toBeGreaterThanOrEqual(55);
    expect(files.length).toBeLessThanOrEqual(70);
    expect(files.filter((f) => f.expect === 'good')).toHaveLength(6);
  });

  it('inspect --json: exit 2, valid JSON with every good file, one clean stderr line per unusable file', () => {
    const parsed = JSON.parse(inspect.stdout) as { documents: { file: string; kind: string }[] };
    expect(Array.isArray(parsed.documents)).toBe(true);
    const opened = new Set(parsed.documents.map((d) => d.file));
    expect(opened.size, 'one document per file').toBe(parsed.documents.length);
    const failed = checkContract(inspect, opened, 'inspect');
    for (const f of files.filter((x) => x.expect === 'good')) expect(opened.has(f.name), `${f.name} opened`).toBe(true);
    for (const f of files.filter((x) => x.expect === 'bad')) expect(failed.has(f.name), `${f.name} refused`).toBe(true);
    // The output follows the command line's order.
    const order = files.map((f) => f.name).filter((n) => opened.has(n));
    expect(parsed.documents.map((d) => d.file)).toEqual(order);
    console.log(`[fuzz/cli] inspect: ${opened.size} opened, ${failed.size} refused`);
  });

  it('inspect: the refusals say what is wrong in words (too large, folder, missing)', () => {
    const lines = stderrLines(inspect);
    const lineFor = (suffix: string) => lines.find((l) => l.includes(suffix)) ?? '';
    expect(lineFor('disk-image-40mib.cer')).toMatch(/32 MiB/);
    expect(lineFor('folder.cer')).toMatch(/folder/);
    expect(lineFor('missing.pfx')).toMatch(/does not exist/);
  });

  it('check --role general --json: exit 2, valid JSON with every good file, one clean stderr line per unusable file', () => {
    const parsed = JSON.parse(check.stdout) as { results: { file: string; verdict: string }[] };
    expect(Array.isArray(parsed.results)).toBe(true);
    const opened = new Set(parsed.results.map((r) => r.file));
    const failed = checkContract(check, opened, 'check');
    for (const r of parsed.results) expect(['pass', 'warn', 'fail']).toContain(r.verdict);
    for (const f of files.filter((x) => x.expect === 'good')) expect(opened.has(f.name), `${f.name} checked`).toBe(true);
    for (const f of files.filter((x) => x.expect === 'bad')) expect(failed.has(f.name), `${f.name} refused`).toBe(true);
    console.log(`[fuzz/cli] check: ${opened.size} checked, ${failed.size} refused`);
  });
});
