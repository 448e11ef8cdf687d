// The .NET corpus: Windows-made PFX (RC2-40 + 3DES, 3DES only, empty password), P7B / P7C chains
// and CER files. Each must open as `openssl pkcs12 -legacy` / `openssl pkcs7` / `openssl x509`
// read it: the same certificates (by thumbprint), the same keys, the same protection profile.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError } from '../../shared/x509/inputError.js';
import { corpusDir, corpusFiles, mapPool, opensslAsync, parseFingerprint } from '../support/corpus.js';
import { expectInputError } from '../support/decodeFile.js';
import { parsePfxInfo } from '../support/opensslFacts.js';
import { expectContainerMatches } from '../support/pfxExpectations.js';

let dir: string;
let files: string[];

beforeAll(() => {
  dir = corpusDir('dotnet');
  files = corpusFiles('dotnet');
});

/** Passwords as the corpus README lists them; null = unknown (the wrong-password case). */
function passwordFor(file: string): string | null {
  if (file.startsWith('System.Net.TestData__TestData__')) return 'testcertificate';
  if (file.startsWith('System.Net.TestData__TestDataCertificates__')) return 'PLACEHOLDER';
  if (/__TestData__test[^_]*\.pfx$/.test(file)) return 'test';
  if (file.includes('__TestData__DummyTcpServer')) return '';
  if (file.includes('__TestData__My')) return null;
  throw new Error(`the corpus README lists no password for ${file}`);
}

const PASSWORD_VAR = 'CERTBENCH_CORPUS_PASSWORD';

function read(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(dir, file)));
}

/** SHA-1 thumbprints of PEM certificate blocks, each through `openssl x509 -fingerprint`. */
async function opensslThumbprints(pem: string): Promise<string[]> {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return mapPool(blocks, async (block) => {
    const r = await opensslAsync(['x509', '-noout', '-fingerprint', '-sha1'], { input: new TextEncoder().encode(block + '\n') });
    const fp = parseFingerprint(r.stdout);
    if (r.code !== 0 || !fp) throw new Error(`openssl x509 could not read a certificate it printed: ${r.stderr}`);
    return fp;
  });
}

interface PfxReference {
  thumbprints: string[];
  keyCount: number;
  info: ReturnType<typeof parsePfxInfo>;
}

async function opensslPfx(file: string, password: string): Promise<PfxReference> {
  const env = { [PASSWORD_VAR]: password };
  const base = ['pkcs12', '-legacy', '-in', path.join(dir, file), '-passin', `env:${PASSWORD_VAR}`];
  const [certs, keys, info] = await Promise.all([
    opensslAsync([...base, '-nokeys'], { env }),
    opensslAsync([...base, '-nocerts', '-nodes'], { env }),
    opensslAsync([...base, '-info', '-noout'], { env }),
  ]);
  if (certs.code !== 0) throw new Error(`openssl pkcs12 refused ${file}: ${certs.stderr}`);
  return {
    thumbprints: await opensslThumbprints(certs.stdout),
    keyCount: (keys.stdout.match(/-----BEGIN PRIVATE KEY-----/g) ?? []).length,
    info: parsePfxInfo(info.stderr + '\n' + info.stdout),
  };
}

/** `openssl pkcs7 -print_certs`, trying DER then PEM (the P7C files are PEM). */
async function opensslPkcs7(file: string): Promise<string[] | null> {
  for (const inform of ['DER', 'PEM']) {
    const r = await opensslAsync(['pkcs7', '-inform', inform, '-in', path.join(dir, file), '-print_certs']);
    if (r.code === 0) return opensslThumbprints(r.stdout);
  }
  return null;
}

const sorted = (list: string[]) => [...list].sort();

describe('dotnet corpus: PFX', () => {
  it('opens every PFX whose password the README gives, as openssl pkcs12 -legacy reads it', async () => {
    const pfxFiles = files.filter((f) => f.endsWith('.pfx') && passwordFor(f) !== null);
    expect(pfxFiles.length).toBeGreaterThanOrEqual(19);
    const summary: string[] = [];
    for (const file of pfxFiles) {
      const password = passwordFor(file)!;
      const reference = await opensslPfx(file, password);
      const doc = await decodeDocument(read(file), { fileName: file, password });
      expect(doc.kind, file).toBe('pkcs12');
      expect(sorted(doc.certificates.map((c) => c.thumbprint)), `${file}: certificates`).toEqual(sorted(reference.thumbprints));
      expect(doc.keys.length, `${file}: keys`).toBe(reference.keyCount);
      expect(doc.hasPrivateKey, `${file}: hasPrivateKey`).toBe(reference.keyCount > 0);
      const withKey = doc.certificates.filter((c) => c.hasPrivateKey).length;
      expect(withKey, `${file}: certificates marked with a key`).toBeGreaterThanOrEqual(1);
      expect(withKey, `${file}: certificates marked with a key`).toBeLessThanOrEqual(reference.keyCount);
      expectContainerMatches(doc.container, reference.info);
      summary.push(`${file.replace(/^.*TestData(Certificates)?__/, '')}: ${doc.container!.profile}, ${doc.certificates.length} cert(s), ${doc.keys.length} key(s)`);
    }
    console.info(`dotnet PFX:\n  ${summary.join('\n  ')}`);
  });

  it('opens the empty-password PFX files with no password given', async () => {
    for (const file of files.filter((f) => f.includes('DummyTcpServer') && f.endsWith('.pfx'))) {
      const doc = await decodeDocument(read(file), { fileName: file });
      expect(doc.certificates.length, file).toBeGreaterThan(0);
      expect(doc.hasPrivateKey, file).toBe(true);
    }
  });

  it('says the password of My*.pfx is wrong, naming the file and never "MAC"', async () => {
    const mine = files.filter((f) => /__My[^_]*\.pfx$/.test(f));
    expect(mine.length).toBe(2);
    for (const file of mine) {
      // OpenSSL agrees that these passwords are wrong.
      const r = await opensslAsync(['pkcs12', '-legacy', '-in', path.join(dir, file), '-nokeys', '-passin', 'pass:testcertificate']);
      expect(r.code, `${file}: openssl accepted a guessed password`).not.toBe(0);
      for (const guess of ['testcertificate', 'test', 'PLACEHOLDER']) {
        const error = await expectInputError(decodeDocument(read(file), { fileName: file, password: guess }), file, 'wrong-password');
        expect(error.message).not.toMatch(/\bMAC\b/i);
      }
      await expectInputError(decodeDocument(read(file), { fileName: file }), file, ['password-required', 'wrong-password']);
    }
  });
});

describe('dotnet corpus: P7B / P7C', () => {
  it('yields the certificate set openssl pkcs7 -print_certs prints', async () => {
    const p7 = files.filter((f) => /\.p7[bc]$/.test(f) && !/__empty\.p7[bc]$/.test(f));
    expect(p7.length).toBeGreaterThanOrEqual(10);
    for (const file of p7) {
      const reference = await opensslPkcs7(file);
      expect(reference, `openssl pkcs7 reads ${file}`).not.toBeNull();
      const doc = await decodeDocument(read(file), { fileName: file });
      expect(doc.kind, file).toBe('pkcs7');
      expect(sorted(doc.certificates.map((c) => c.thumbprint)), file).toEqual(sorted(reference!));
      expect(doc.hasPrivateKey).toBe(false);
    }
  });

  it('gives zero certificates or a clear InputError for the empty P7B / P7C', async () => {
    for (const file of files.filter((f) => /__empty\.p7[bc]$/.test(f))) {
      const reference = await opensslPkcs7(file);
      expect(reference ?? [], `openssl sees no certificates in ${file}`).toEqual([]);
      try {
        const doc = await decodeDocument(read(file), { fileName: file });
        expect(doc.certificates, file).toEqual([]);
        expect(doc.kind, file).toBe('pkcs7');
      } catch (error) {
        expect(error, `${file}: ${(error as Error).message}`).toBeInstanceOf(InputError);
        await expectInputError(Promise.reject(error), file);
      }
    }
  });
});

describe('dotnet corpus: CER', () => {
  it('reads every CER (PEM or DER) with the thumbprint openssl x509 prints', async () => {
    const cer = files.filter((f) => f.endsWith('.cer'));
    expect(cer.length).toBeGreaterThanOrEqual(10);
    const expected = await mapPool(cer, async (file) => {
      const r = await opensslAsync(['x509', '-noout', '-fingerprint', '-sha1', '-in', path.join(dir, file)]);
      return r.code === 0 ? parseFingerprint(r.stdout) : null;
    });
    for (const [i, file] of cer.entries()) {
      expect(expected[i], `openssl reads ${file}`).not.toBeNull();
      const doc = await decodeDocument(read(file), { fileName: file });
      expect(doc.certificates.map((c) => c.thumbprint), file).toEqual([expected[i]]);
    }
  });
});
