// Hostile structures the bit-flip fuzzer cannot reach by mutating real files: generated shapes
// inside every documented limit (32 MiB, 2,500,000 iterations) that once hung the tool —
// pathological PEM (quadratic regular expressions), a PFX whose SHA-512 MAC ran one awaited
// WebCrypto digest per round, deep nesting, huge element counts. Each one must end with a clean
// answer — a result, or one InputError sentence naming the file — within 2 s. The 2 s is only an
// upper bound that a hang cannot meet (the old code took 10 s to minutes on these); speed
// itself is measured by `npm run bench`, never here.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemBlocks } from '../../shared/csr/pem.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { pemCertificates } from '../../shared/trust/index.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError } from '../../shared/x509/inputError.js';
import { makeWorkDir, openssl, opensslBoth, removeWorkDir } from '../support/openssl.js';

const BOUND_MS = 2000;
const MIB = 1024 * 1024;
const BEGIN = '-----BEGIN CERTIFICATE-----\n';
const END = '-----END CERTIFICATE-----\n';

interface Answer {
  ms: number;
  cpuMs: number;
  doc?: DecodedDocument;
  error?: InputError;
}

/** Decode and time it; anything but a result or an InputError fails the test. */
async function answer(bytes: Uint8Array, fileName: string, password?: string): Promise<Answer> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const doc = await decodeDocument(bytes, { fileName, ...(password !== undefined ? { password } : {}) });
    return { ms: performance.now() - started, cpuMs: cpuSince(cpu), doc };
  } catch (error) {
    const ms = performance.now() - started;
    const cpuMs = cpuSince(cpu);
    if (!(error instanceof InputError)) throw new Error(`${fileName}: expected a result or an InputError, got ${String(error)}`);
    return { ms, cpuMs, error };
  }
}

/** One sentence on one line that names the file. */
function expectCleanRefusal(a: Answer, fileName: string): InputError {
  expect(a.error, `${fileName} was read, a refusal was expected`).toBeInstanceOf(InputError);
  expect(a.error!.message).toContain(fileName);
  expect(a.error!.message).not.toMatch(/[\r\n]/);
  return a.error!;
}

const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/**
 * Both clocks: this process's CPU time (all its threads, WebCrypto's pool included) must stay
 * under the bound; wall time too, stretched only by how overloaded the shared machine is
 * (load average per core) — a hang exceeds both by minutes.
 */
function expectBounded(a: Answer, fileName: string): void {
  expect(a.cpuMs, `${fileName} used ${Math.round(a.cpuMs)} ms of CPU`).toBeLessThan(BOUND_MS);
  const overload = Math.max(1, os.loadavg()[0]! / os.availableParallelism());
  expect(a.ms, `${fileName} took ${Math.round(a.ms)} ms (machine load ${overload.toFixed(1)}× its cores)`).toBeLessThan(BOUND_MS * overload);
}

const ascii = (text: string) => new TextEncoder().encode(text);

/** `unit` repeated until the text is at least `bytes` long. */
const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));

describe('pathological PEM', () => {
  it('BEGIN lines without any END (2.2 MB): cut off, at once', async () => {
    const text = repeatTo(BEGIN, 2.2 * MIB);
    const a = await answer(ascii(text), 'begins.pem');
    expectBounded(a, 'begins.pem');
    expect(expectCleanRefusal(a, 'begins.pem').code).toBe('truncated');
  });

  it('BEGIN lines with distinct labels and no END (2 MB): cut off, at once', async () => {
    let text = '';
    for (let i = 0; text.length < 2 * MIB; i++) text += `-----BEGIN CERTIFICATE ${i}-----\n`;
    const a = await answer(ascii(text), 'labels.pem');
    expectBounded(a, 'labels.pem');
    expect(expectCleanRefusal(a, 'labels.pem').code).toBe('truncated');
  });

  it('many BEGIN lines and one END at the end (2.2 MB): one damaged block, refused', async () => {
    const text = repeatTo(BEGIN, 2.2 * MIB) + END;
    const a = await answer(ascii(text), 'one-end.pem');
    expectBounded(a, 'one-end.pem');
    expectCleanRefusal(a, 'one-end.pem');
  });

  it('one Base64 line of 16 MiB inside a CERTIFICATE block: refused as not a certificate', async () => {
    const text = BEGIN + 'A'.repeat(16 * MIB) + '\n' + END;
    const a = await answer(ascii(text), 'huge-line.pem');
    expectBounded(a, 'huge-line.pem');
    expectCleanRefusal(a, 'huge-line.pem');
  });

  it('a body of 4 MiB of blank lines: refused', async () => {
    const text = BEGIN + '\n'.repeat(4 * MIB) + END;
    const a = await answer(ascii(text), 'blank.pem');
    expectBounded(a, 'blank.pem');
    expectCleanRefusal(a, 'blank.pem');
  });

  it('a body of 4 MiB of "=" followed by one letter: damaged Base64, refused', async () => {
    const text = BEGIN + '='.repeat(4 * MIB) + 'A\n' + END;
    const a = await answer(ascii(text), 'padding.pem');
    expectBounded(a, 'padding.pem');
    expect(expectCleanRefusal(a, 'padding.pem').code).toBe('bad-base64');
  });

  it('50,000 nested labels (BEGIN A0 … BEGIN A49999, then the ENDs in reverse): refused', async () => {
    const n = 50_000;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`-----BEGIN A${i}-----\n`);
    for (let i = n - 1; i >= 0; i--) parts.push(`-----END A${i}-----\n`);
    const a = await answer(ascii(parts.join('')), 'nested.pem');
    expectBounded(a, 'nested.pem');
    expectCleanRefusal(a, 'nested.pem');
  });

  it('a BEGIN line whose label runs for 4 MiB without closing dashes: not PEM, refused', async () => {
    const text = '-----BEGIN ' + 'A'.repeat(4 * MIB) + '\n';
    const a = await answer(ascii(text), 'long-label.pem');
    expectBounded(a, 'long-label.pem');
    expectCleanRefusal(a, 'long-label.pem');
  });

  it('100,000 empty CERTIFICATE blocks: refused on the first', async () => {
    const text = (BEGIN + END).repeat(100_000);
    const a = await answer(ascii(text), 'empties.pem');
    expectBounded(a, 'empties.pem');
    expectCleanRefusal(a, 'empties.pem');
  });

  it('the trust roots and the request designer read the same text just as fast', () => {
    const text = repeatTo(BEGIN, 2.2 * MIB);
    const started = performance.now();
    const cpu = process.cpuUsage();
    expect(pemCertificates(text)).toEqual([]);
    expect(pemBlocks(text)).toEqual([]);
    expectBounded({ ms: performance.now() - started, cpuMs: cpuSince(cpu) }, 'trusted roots');
  });
});

describe('deep nesting and huge counts', () => {
  it('SEQUENCEs nested 100,000 deep (indefinite length): refused as too deep', async () => {
    const depth = 100_000;
    const bytes = new Uint8Array(depth * 4);
    for (let i = 0; i < depth; i++) bytes.set([0x30, 0x80], i * 2);
    // end-of-contents octets for every level
    const a = await answer(bytes, 'deep.der');
    expectBounded(a, 'deep.der');
    expectCleanRefusal(a, 'deep.der');
  });

  it('SEQUENCEs nested 1,000 deep (definite lengths): refused', async () => {
    // Build inside out: each level wraps the previous in a SEQUENCE with a 4-byte length.
    let inner = new Uint8Array([0x05, 0x00]);
    for (let i = 0; i < 1000; i++) {
      const next = new Uint8Array(inner.length + 6);
      next.set([0x30, 0x84, (inner.length >>> 24) & 0xff, (inner.length >>> 16) & 0xff, (inner.length >>> 8) & 0xff, inner.length & 0xff]);
      next.set(inner, 6);
      inner = next;
    }
    const a = await answer(inner, 'deep-definite.der');
    expectBounded(a, 'deep-definite.der');
    expectCleanRefusal(a, 'deep-definite.der');
  });

  it('one SEQUENCE holding 8 million NULLs (16 MiB): refused as too many elements', async () => {
    const count = 8 * MIB;
    const bytes = new Uint8Array(6 + count * 2);
    bytes.set([0x30, 0x84, ((count * 2) >>> 24) & 0xff, ((count * 2) >>> 16) & 0xff, ((count * 2) >>> 8) & 0xff, (count * 2) & 0xff]);
    for (let i = 0; i < count; i++) bytes[6 + i * 2] = 0x05;
    const a = await answer(bytes, 'many.der');
    expectBounded(a, 'many.der');
    expectCleanRefusal(a, 'many.der');
  });
});

// PFX files whose integrity MAC is HMAC-SHA-512 with a high iteration count. OpenSSL 3.0 sets
// the MAC and the PBKDF2 counts with one `-iter`, so OpenSSL makes the PFX with 2,048 and the
// test gives its MacData the count wanted: the new MAC key comes from OpenSSL's own PKCS12KDF
// (`openssl kdf`), the HMAC from node:crypto, and `openssl pkcs12` confirms the file is valid.
// The PKCS#12 KDF once awaited one WebCrypto digest per round: 2.4 M rounds took 123 s, and
// twice that without a password.
const PASSWORD = 'Hostile-1';

/** BMPString of the password with its two-byte terminator, as the PKCS#12 KDF takes it. */
function bmpHex(password: string): string {
  return Buffer.from([...password].flatMap((c) => [0, c.charCodeAt(0)]).concat([0, 0])).toString('hex');
}

function withMacIterations(pfxDer: Uint8Array, iterations: number): Uint8Array {
  const pfx = asn1js.fromBER(pfxDer).result as asn1js.Sequence;
  const [version, authSafe, macData] = pfx.valueBlock.value as [asn1js.Integer, asn1js.Sequence, asn1js.Sequence];
  const content = (authSafe.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString;
  const [digestInfo, salt] = macData.valueBlock.value as [asn1js.Sequence, asn1js.OctetString];
  const [algId] = digestInfo.valueBlock.value as [asn1js.Sequence];
  const kdf = ['kdf', '-keylen', '64', '-binary', '-kdfopt', 'digest:SHA512', '-kdfopt', `hexpass:${bmpHex(PASSWORD)}`];
  kdf.push('-kdfopt', `hexsalt:${Buffer.from(salt.valueBlock.valueHexView).toString('hex')}`, '-kdfopt', `iter:${iterations}`, '-kdfopt', 'id:3', 'PKCS12KDF');
  const key = openssl(kdf);
  expect(key.length).toBe(64);
  const mac = createHmac('sha512', key).update(content.valueBlock.valueHexView).digest();
  const rebuilt = new asn1js.Sequence({
    value: [
      version,
      authSafe,
      new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [algId, new asn1js.OctetString({ valueHex: mac })] }), salt, new asn1js.Integer({ value: iterations })],
      }),
    ],
  });
  return new Uint8Array(rebuilt.toBER(false));
}

describe('PFX with an HMAC-SHA-512 MAC', () => {
  let dir: string;
  const files: Record<'at2400k' | 'at700k' | 'at300k', Uint8Array> = {} as never;

  beforeAll(() => {
    dir = makeWorkDir('hostile-structures');
    const key = path.join(dir, 'k.pem');
    const cert = path.join(dir, 'c.pem');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=ex1.contoso.com', '-days', '30']);
    const base = path.join(dir, 'sha512-2048.pfx');
    openssl(['pkcs12', '-export', '-in', cert, '-inkey', key, '-out', base, '-passout', 'env:HOSTILE_PFX_PW', '-macalg', 'sha512', '-iter', '2048'], {
      env: { HOSTILE_PFX_PW: PASSWORD },
    });
    const make = (iterations: number): Uint8Array => {
      const der = withMacIterations(new Uint8Array(fs.readFileSync(base)), iterations);
      const out = path.join(dir, `sha512-${iterations}.pfx`);
      fs.writeFileSync(out, der);
      // OpenSSL checks the MAC (throws when it does not verify) and reports the count.
      const info = opensslBoth(['pkcs12', '-in', out, '-info', '-noout', '-passin', 'env:HOSTILE_PFX_PW'], { env: { HOSTILE_PFX_PW: PASSWORD } });
      expect(info.stderr).toContain(`MAC: sha512, Iteration ${iterations}`);
      expect(info.stderr).not.toMatch(/verify error|invalid password/i);
      return der;
    };
    files.at2400k = make(2_400_000);
    files.at700k = make(700_000);
    files.at300k = make(300_000);
  }, 120_000);

  afterAll(() => removeWorkDir(dir));

  it('2,400,000 MAC iterations with the right password: refused in one sentence, at once', async () => {
    const a = await answer(files.at2400k, 'sha512-2400k.pfx', PASSWORD);
    expectBounded(a, 'sha512-2400k.pfx');
    const error = expectCleanRefusal(a, 'sha512-2400k.pfx');
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('2,400,000 SHA-512 MAC iterations');
  });

  it('2,400,000 MAC iterations without a password: the same sentence, at once', async () => {
    const a = await answer(files.at2400k, 'sha512-2400k.pfx');
    expectBounded(a, 'sha512-2400k.pfx');
    expect(expectCleanRefusal(a, 'sha512-2400k.pfx').code).toBe('unsupported');
  });

  it('300,000 MAC iterations with the right password: opened', async () => {
    const a = await answer(files.at300k, 'sha512-300k.pfx', PASSWORD);
    expectBounded(a, 'sha512-300k.pfx');
    expect(a.error?.message).toBeUndefined();
    expect(a.doc!.container).toMatchObject({ mac: 'HMAC-SHA512', macIterations: 300_000 });
    expect(a.doc!.certificates[0]!.subject).toContain('ex1.contoso.com');
    expect(a.doc!.hasPrivateKey).toBe(true);
  });

  it('700,000 MAC iterations and no password given: "password required", without running the KDF twice', async () => {
    const a = await answer(files.at700k, 'sha512-700k.pfx');
    expectBounded(a, 'sha512-700k.pfx');
    expect(expectCleanRefusal(a, 'sha512-700k.pfx').code).toBe('password-required');
  });

  it('300,000 MAC iterations and a wrong password: "wrong password"', async () => {
    const a = await answer(files.at300k, 'sha512-300k.pfx', 'not-the-password');
    expectBounded(a, 'sha512-300k.pfx');
    expect(expectCleanRefusal(a, 'sha512-300k.pfx').code).toBe('wrong-password');
  });
});
