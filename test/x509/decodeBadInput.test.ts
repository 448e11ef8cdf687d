// Acceptance: every way a file can be unusable ends in one InputError — one line that names the
// file — never another error type, a stack trace or a hang.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../shared/x509/decode.js';
import { expectInputError } from '../support/decodeFile.js';
import { createCa, makeWorkDir, openssl, removeWorkDir, selfSigned, type IssuedCert } from '../support/openssl.js';

let dir: string;
let cert: IssuedCert;
let certDer: Buffer;

beforeAll(() => {
  dir = makeWorkDir('decode-bad');
  cert = selfSigned({ dir, subject: '/CN=good.contoso.com', san: ['DNS:good.contoso.com'], startDate: '2024-01-01T00:00:00Z', endDate: '2026-01-01T00:00:00Z' });
  certDer = fs.readFileSync(cert.certDer);
});

afterAll(() => removeWorkDir(dir));

function decode(bytes: Uint8Array, fileName: string, password?: string) {
  return decodeDocument(bytes, { fileName, password });
}

/** Deterministic pseudo-random bytes (xorshift32), so a failure reproduces. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** DER length octets for n. */
function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** `depth` SEQUENCEs, each holding the next: well-formed DER, absurdly deep. */
function nestedSequences(depth: number): Uint8Array {
  const inner = [0x05, 0x00];
  // Headers from the inside out; each level's length covers everything inside it.
  const chunks: number[][] = [];
  let size = inner.length;
  for (let i = 0; i < depth; i++) {
    const header = [0x30, ...derLength(size)];
    chunks.push(header);
    size += header.length;
  }
  const out = new Uint8Array(size);
  let pos = 0;
  for (let i = chunks.length - 1; i >= 0; i--) {
    out.set(chunks[i]!, pos);
    pos += chunks[i]!.length;
  }
  out.set(inner, pos);
  return out;
}

describe('unusable files', () => {
  it('refuses an empty file', async () => {
    await expectInputError(decode(new Uint8Array(0), 'empty.cer'), 'empty.cer', 'empty');
  });

  it('refuses a whitespace-only file', async () => {
    await expectInputError(decode(new TextEncoder().encode(' \r\n\r\n  '), 'blank.cer'), 'blank.cer');
  });

  it.each([0.25, 0.5, 0.9, 0.99])('refuses DER truncated to %s of its length', async (fraction) => {
    const name = `truncated-${fraction}.cer`;
    await expectInputError(decode(certDer.subarray(0, Math.floor(certDer.length * fraction)), name), name, ['truncated', 'malformed', 'not-a-certificate']);
  });

  it('refuses a DER certificate with a byte of garbage appended inside its length', async () => {
    const broken = Buffer.from(certDer);
    broken[1] = 0x83; // claim a 3-byte length the file does not have
    await expectInputError(decode(broken, 'badlength.cer'), 'badlength.cer');
  });

  it.each([1, 2, 3, 4, 5])('refuses random bytes (seed %i)', async (seed) => {
    const name = `random-${seed}.bin`;
    await expectInputError(decode(noise(4096, seed), name), name);
  });

  it('refuses random bytes that start like a DER SEQUENCE', async () => {
    const bytes = noise(2000, 99);
    bytes.set([0x30, 0x82, 0x07, 0xcc], 0);
    await expectInputError(decode(bytes, 'random-seq.cer'), 'random-seq.cer');
  });

  it('refuses bad Base64 inside a PEM block', async () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB!!not*base64@@\n%%%%\n-----END CERTIFICATE-----\n';
    await expectInputError(decode(new TextEncoder().encode(pem), 'badb64.pem'), 'badb64.pem', ['bad-base64', 'malformed']);
  });

  it('refuses a PEM block whose Base64 is valid but not a certificate', async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from('hello, this is not DER at all').toString('base64')}\n-----END CERTIFICATE-----\n`;
    await expectInputError(decode(new TextEncoder().encode(pem), 'notder.pem'), 'notder.pem');
  });

  it('refuses a PEM cut off before its END line', async () => {
    const pem = fs.readFileSync(cert.certPem, 'utf8');
    const cut = pem.slice(0, Math.floor(pem.length / 2));
    await expectInputError(decode(new TextEncoder().encode(cut), 'cut.pem'), 'cut.pem', ['truncated', 'malformed', 'bad-base64']);
  });

  it('refuses text that is neither PEM nor Base64', async () => {
    await expectInputError(decode(new TextEncoder().encode('Subject: CN=ex1.contoso.com\nThis is a note about a certificate.\n'), 'note.txt'), 'note.txt', 'not-a-certificate');
  });

  it('refuses a file larger than 32 MiB without reading it as a certificate', async () => {
    const big = new Uint8Array(33 * 1024 * 1024);
    big.set(certDer, 0);
    await expectInputError(decode(big, 'huge.cer'), 'huge.cer', 'too-large');
  });

  it('refuses deeply nested ASN.1 (DER and PEM) without a stack overflow', async () => {
    const deep = nestedSequences(100_000);
    await expectInputError(decode(deep, 'deep.der'), 'deep.der', ['too-deep', 'malformed', 'not-a-certificate']);
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(deep).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    await expectInputError(decode(new TextEncoder().encode(pem), 'deep.pem'), 'deep.pem', ['too-deep', 'malformed', 'not-a-certificate']);
  });

  it('refuses deep nesting hidden inside a certificate-shaped SEQUENCE', async () => {
    // SEQUENCE { SEQUENCE { <deep> } }: looks like Certificate → TBSCertificate at first glance.
    const deep = nestedSequences(20_000);
    const wrap = (inner: Uint8Array) => Uint8Array.from([0x30, ...derLength(inner.length), ...inner]);
    const name = 'deep-cert.cer';
    await expectInputError(decode(wrap(wrap(deep)), name), name, ['too-deep', 'malformed', 'not-a-certificate']);
  });

  it('refuses a CRL and names what it is not', async () => {
    const ca = createCa({ dir, cn: 'CRL CA', startDate: '2024-01-01T00:00:00Z', endDate: '2030-01-01T00:00:00Z' });
    const crl = path.join(dir, 'ca.crl');
    openssl(['ca', '-gencrl', '-config', ca.configFile, '-keyfile', ca.keyPem, '-cert', ca.certPem, '-out', crl, '-crldays', '30']);
    const bytes = fs.readFileSync(crl);
    await expectInputError(decode(bytes, 'ca.crl'), 'ca.crl');
  });

  it('refuses a corrupted PFX as a PFX problem, not a crash', async () => {
    const pfxFile = path.join(dir, 'corrupt.pfx');
    openssl(['pkcs12', '-export', '-in', cert.certPem, '-inkey', cert.keyPem, '-out', pfxFile, '-passout', 'pass:x']);
    const bytes = fs.readFileSync(pfxFile);
    const mid = Math.floor(bytes.length / 2);
    for (let i = mid; i < mid + 16; i++) bytes[i] = bytes[i]! ^ 0x5a;
    await expectInputError(decode(bytes, 'corrupt.pfx', 'x'), 'corrupt.pfx');
    await expectInputError(decode(bytes.subarray(0, mid), 'half.pfx', 'x'), 'half.pfx');
  });
});

describe('the good file still opens', () => {
  it('so the refusals above are about the damage, not the fixture', async () => {
    const doc = await decode(certDer, 'good.cer');
    expect(doc.certificates).toHaveLength(1);
    expect(doc.certificates[0]!.commonName).toBe('good.contoso.com');
  });
});
