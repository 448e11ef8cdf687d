// A PFX's key-derivation work is bounded per file, not per part, and the password is known
// before anything is decrypted (issue 18 item 1). Generated structures — many parts, many key
// bags, huge iteration counts, SHA-512 MACs, no MAC — each end with a clean answer, and the
// KDF rounds actually run are counted by instrumenting the two derivations (the JavaScript
// PKCS#12 KDF and WebCrypto's PBKDF2), never by timing: a wrong or missing password costs one
// KDF, a file over the cap costs none.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError } from '../../shared/x509/inputError.js';
import { MAX_PFX_ROUNDS } from '../../shared/x509/pkcs12/workBudget.js';
import { makeWorkDir, openssl, removeWorkDir } from '../support/openssl.js';
import { buildHostilePfx, certBag, fake3des, fakeAes, safeContents, seal3des, sealAes, shroudedKeyBag, type Part } from './pkcs12Generator.js';

const meter = vi.hoisted(() => ({ js: 0, native: 0, nativeCalls: 0 }));

vi.mock('../../shared/crypto/pkcs12Kdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/crypto/pkcs12Kdf.js')>();
  const out: Record<string, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
  return {
    ...real,
    pkcs12Kdf: (...args: Parameters<typeof real.pkcs12Kdf>) => {
      const [hash, , , , iterations, length] = args;
      meter.js += iterations * Math.ceil(length / out[hash]!);
      return real.pkcs12Kdf(...args);
    },
  };
});

beforeEach(() => {
  meter.js = 0;
  meter.native = 0;
  meter.nativeCalls = 0;
  const subtle = globalThis.crypto.subtle;
  const real = subtle.deriveBits.bind(subtle);
  vi.spyOn(subtle, 'deriveBits').mockImplementation(async (algorithm, key, length) => {
    const a = algorithm as Pbkdf2Params;
    const hashBits = { 'SHA-1': 160, 'SHA-256': 256, 'SHA-384': 384, 'SHA-512': 512 }[String(a.hash)] ?? 256;
    meter.native += a.iterations * Math.ceil((length ?? 0) / hashBits);
    meter.nativeCalls++;
    return real(algorithm, key, length);
  });
});
afterEach(() => vi.restoreAllMocks());

const PASSWORD = 'Budget-1';
let dir: string;
let certDer: Uint8Array;
let keyDer: Uint8Array;

beforeAll(() => {
  dir = makeWorkDir('pkcs12-budget');
  const key = path.join(dir, 'k.pem');
  const cert = path.join(dir, 'c.pem');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=ex1.contoso.com', '-days', '30']);
  certDer = new Uint8Array(openssl(['x509', '-in', cert, '-outform', 'DER']));
  keyDer = new Uint8Array(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', key, '-outform', 'DER']));
}, 60_000);
afterAll(() => removeWorkDir(dir));

async function answer(bytes: Uint8Array, fileName: string, password?: string) {
  try {
    return { doc: await decodeDocument(bytes, { fileName, ...(password !== undefined ? { password } : {}) }) };
  } catch (error) {
    if (!(error instanceof InputError)) throw new Error(`${fileName}: expected a result or an InputError, got ${String(error)}`);
    expect(error.message).toContain(fileName);
    expect(error.message).not.toMatch(/[\r\n]/);
    return { error };
  }
}

const kdfRounds = () => meter.js + meter.native;
const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('the work of a whole file is capped before any derivation runs', () => {
  it('20 AES parts at 2,500,000 iterations: refused in one sentence, no KDF run', async () => {
    const bytes = buildHostilePfx({ parts: repeat(20, () => ({ sealed: fakeAes(2_500_000) })), mac: { hash: 'sha256', iterations: 2048, password: PASSWORD } });
    const a = await answer(bytes, 'twenty.pfx', PASSWORD);
    expect(a.error?.code).toBe('unsupported');
    expect(a.error?.message).toContain('at least 5,002,048 key-derivation iterations (its MAC and 2 encrypted parts and keys;');
    expect(a.error?.message).toContain(`stops at ${MAX_PFX_ROUNDS.toLocaleString('en-US')} per file`);
    expect(kdfRounds()).toBe(0);
  });

  it('5,000 parts at 2,048 iterations (the 805 KB file): refused, no KDF run', async () => {
    const bytes = buildHostilePfx({ parts: repeat(5000, () => ({ sealed: fakeAes(2048, 16) })), mac: { hash: 'sha1', iterations: 2048, password: PASSWORD } });
    const a = await answer(bytes, 'five-thousand.pfx', PASSWORD);
    expect(a.error?.code).toBe('unsupported');
    expect(a.error?.message).toContain('at least 4,001,792 key-derivation iterations (its MAC and 1,953 encrypted parts and keys;');
    expect(kdfRounds()).toBe(0);
  });

  it('ten 3DES key bags at 2,500,000 iterations in a plain part, with or without a password: refused, no KDF run', async () => {
    const bags = repeat(10, () => shroudedKeyBag(fake3des(2_500_000)));
    const bytes = buildHostilePfx({ parts: [{ plain: safeContents(bags) }], mac: { hash: 'sha1', iterations: 2048, password: PASSWORD } });
    for (const password of [PASSWORD, undefined]) {
      const a = await answer(bytes, 'ten-bags.pfx', password);
      expect(a.error?.code).toBe('unsupported');
      expect(a.error?.message).toContain('at least 75,002,048 key-derivation iterations');
    }
    expect(kdfRounds()).toBe(0);
  });

  it('key bags hidden inside an encrypted part count against the same budget: refused before they are derived', async () => {
    const inner = safeContents([certBag(certDer), ...repeat(10, () => shroudedKeyBag(fake3des(500_000)))]);
    const bytes = buildHostilePfx({ parts: [{ sealed: sealAes(inner, PASSWORD, 2048) }], mac: { hash: 'sha256', iterations: 2048, password: PASSWORD } });
    const a = await answer(bytes, 'hidden-bags.pfx', PASSWORD);
    expect(a.error?.code).toBe('unsupported');
    expect(a.error?.message).toContain('at least 15,004,096 key-derivation iterations (its MAC and 11 encrypted parts and keys;');
    // The MAC and the one part were derived; none of the 15,000,000 rounds of the bags.
    expect(kdfRounds()).toBe(2048 + 2048);
  });
});

describe('the password is known after one KDF', () => {
  const withMac = (macIterations: number, hash: 'sha1' | 'sha256' | 'sha512' = 'sha256') =>
    buildHostilePfx({
      parts: [{ sealed: sealAes(safeContents([certBag(certDer)]), PASSWORD, 200_000) }, { plain: safeContents(repeat(4, () => shroudedKeyBag(fake3des(200_000)))) }],
      mac: { hash, iterations: macIterations, password: PASSWORD },
    });

  it('a wrong password: answered after the MAC alone, no 3DES bag derived', async () => {
    const a = await answer(withMac(300_000), 'wrong.pfx', 'not-it');
    expect(a.error?.code).toBe('wrong-password');
    expect(meter.js).toBe(300_000); // the MAC; 4 × 600,000 rounds of 3DES never ran
    // The AES part's native PBKDF2 may overlap the MAC (a password was given); never more.
    expect(meter.native).toBeLessThanOrEqual(200_000);
  });

  it('no password given: "password required" after the MAC alone, nothing decrypted', async () => {
    const a = await answer(withMac(600_000), 'locked.pfx');
    expect(a.error?.code).toBe('password-required');
    expect(kdfRounds()).toBe(600_000);
  });

  it('an HMAC-SHA-512 MAC and no password: one KDF, not two', async () => {
    const a = await answer(withMac(700_000, 'sha512'), 'sha512.pfx');
    expect(a.error?.code).toBe('password-required');
    expect(kdfRounds()).toBe(700_000);
  });

  it('no MAC and ten 3DES key bags, wrong password: the first bag alone tells', async () => {
    const bags = repeat(10, () => shroudedKeyBag(seal3des(keyDer, PASSWORD, 100_000)));
    const bytes = buildHostilePfx({ parts: [{ sealed: sealAes(safeContents([certBag(certDer)]), PASSWORD, 2048) }, { plain: safeContents(bags) }] });
    const wrong = await answer(bytes, 'no-mac.pfx', 'not-it');
    expect(wrong.error?.code).toBe('wrong-password');
    expect(kdfRounds()).toBe(2048); // the AES part (first), whose padding failed
    const locked = buildHostilePfx({ parts: [{ plain: safeContents(bags) }] });
    meter.js = 0;
    meter.native = 0;
    const noPassword = await answer(locked, 'no-mac-locked.pfx');
    expect(noPassword.error?.code).toBe('password-required');
    expect(kdfRounds()).toBe(3 * 100_000); // one bag: key (two SHA-1 blocks) and IV
  });
});

describe('files inside the cap open', () => {
  it('ten 3DES key bags and a certificate part with the right password: all read, each derived once', async () => {
    const parts: Part[] = [{ sealed: sealAes(safeContents([certBag(certDer)]), PASSWORD, 50_000) }, { plain: safeContents(repeat(10, () => shroudedKeyBag(seal3des(keyDer, PASSWORD, 20_000)))) }];
    const bytes = buildHostilePfx({ parts, mac: { hash: 'sha512', iterations: 50_000, password: PASSWORD } });
    fs.writeFileSync(path.join(dir, 'ten-keys.pfx'), bytes);
    // OpenSSL reads the generated file with the same password: the MAC and every bag are sound.
    const keys = openssl(['pkcs12', '-in', path.join(dir, 'ten-keys.pfx'), '-passin', `pass:${PASSWORD}`, '-nocerts', '-nodes']).toString();
    expect(keys.match(/BEGIN PRIVATE KEY/g)).toHaveLength(10);
    const a = await answer(bytes, 'ten-keys.pfx', PASSWORD);
    expect(a.error?.message).toBeUndefined();
    expect(a.doc!.container).toMatchObject({ mac: 'HMAC-SHA512', macIterations: 50_000 });
    expect(a.doc!.hasPrivateKey).toBe(true);
    expect(kdfRounds()).toBe(50_000 + 50_000 + 10 * 3 * 20_000);
  });

  it("OpenSSL's 600,000-iteration AES PFX (1,800,000 rounds) and CertBench's modern profile (900,000) are inside the cap", () => {
    expect(MAX_PFX_ROUNDS).toBeGreaterThanOrEqual(3 * 600_000);
  });

  it('a Windows-style PFX whose "no password" MAC uses zero bytes (no terminator), 2,000 iterations: opens without a password', async () => {
    const parts: Part[] = [{ plain: safeContents([certBag(certDer)]) }];
    const bytes = buildHostilePfx({ parts, mac: { hash: 'sha1', iterations: 2000, password: '', bmpForm: 'empty' } });
    const a = await answer(bytes, 'windows-nopass.pfx');
    expect(a.error?.message).toBeUndefined();
    expect(a.doc!.certificates).toHaveLength(1);
    expect(kdfRounds()).toBe(4000); // both forms of "no password": cheap at this count
  });
});
