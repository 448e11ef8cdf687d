// "Zero the buffers you can zero": opening a PFX leaves no decrypted part behind. Every buffer
// WebCrypto decrypts is watched; after opening, each is either all zeros or is the PKCS#8 key
// handed to the KeyStore (which zeroes it when the file is closed).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPfx } from '../../shared/x509/pkcs12/openPfx.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';
import { createCa, issue, makeWorkDir, pfx, removeWorkDir, type Ca, type IssuedCert } from '../support/openssl.js';

const PASSWORD = 'zero-me-please';
let dir: string;
let root: Ca;
let leaf: IssuedCert;

beforeAll(() => {
  dir = makeWorkDir('zeroing');
  root = createCa({ dir, cn: 'Zero Root', key: 'rsa2048', startDate: '2024-01-01T00:00:00Z', endDate: '2034-01-01T00:00:00Z' });
  leaf = issue(root, { subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
});
afterAll(() => removeWorkDir(dir));
afterEach(() => vi.restoreAllMocks());

/** Every plaintext WebCrypto's AES-CBC decrypt returns while `run` runs. */
async function watchDecrypts<T>(run: () => Promise<T>): Promise<{ result: T; plaintexts: Uint8Array[] }> {
  const subtle = globalThis.crypto.subtle;
  const real = subtle.decrypt.bind(subtle);
  const plaintexts: Uint8Array[] = [];
  vi.spyOn(subtle, 'decrypt').mockImplementation(async (...args: Parameters<SubtleCrypto['decrypt']>) => {
    const out = await real(...args);
    plaintexts.push(new Uint8Array(out));
    return out;
  });
  return { result: await run(), plaintexts };
}

const allZero = (bytes: Uint8Array) => bytes.every((b) => b === 0);

describe('decrypted PFX parts are zeroed', () => {
  it('an AES PFX: the certificate part is zeroed, only the key (owned by the KeyStore) is left', async () => {
    const file = pfx({ out: path.join(dir, 'aes.pfx'), cert: leaf.certPem, key: leaf.keyPem, chain: root.chain, password: PASSWORD, profile: 'aes' });
    const bytes = new Uint8Array(fs.readFileSync(file));
    const { result, plaintexts } = await watchDecrypts(() => openPfx(bytes, PASSWORD));
    expect(result.keys).toHaveLength(1);
    expect(result.certificates.length).toBeGreaterThanOrEqual(2);
    // Two decryptions: the certificates' part and the shrouded key.
    expect(plaintexts).toHaveLength(2);
    const [certPart, keyPart] = plaintexts.sort((a, b) => Number(allZero(b)) - Number(allZero(a)));
    expect(allZero(certPart!)).toBe(true);
    expect(Buffer.from(keyPart!).equals(Buffer.from(result.keys[0]!.pkcs8))).toBe(true);
    // The certificates were copied out before the part was zeroed: they still decode.
    expect(result.certificates.every((c) => c.der[0] === 0x30 && !allZero(c.der))).toBe(true);
  });

  it('through the decoder nothing decrypted is left but the KeyStore copy, which closing zeroes', async () => {
    const file = pfx({ out: path.join(dir, 'aes2.pfx'), cert: leaf.certPem, key: leaf.keyPem, password: PASSWORD, profile: 'aes' });
    const keyStore = new KeyStore();
    const { result: doc, plaintexts } = await watchDecrypts(() => decodeDocument(new Uint8Array(fs.readFileSync(file)), { fileName: 'aes2.pfx', password: PASSWORD, keyStore }));
    expect(doc.certificates[0]!.commonName).toBe('ex1.contoso.com');
    // The decoder copies the key into the KeyStore and zeroes what it decrypted.
    expect(plaintexts).toHaveLength(2);
    expect(plaintexts.every(allZero)).toBe(true);
    const stored = keyStore.get(doc.keys[0]!.id!)!.pkcs8;
    expect(allZero(stored)).toBe(false);
    for (const key of doc.keys) if (key.id) keyStore.delete(key.id);
    expect(allZero(stored)).toBe(true);
  });

  it('a legacy (RC2-40 + 3DES) PFX still opens with its certificates intact after the parts are zeroed', async () => {
    const file = pfx({ out: path.join(dir, 'legacy.pfx'), cert: leaf.certPem, key: leaf.keyPem, chain: root.chain, password: PASSWORD, profile: 'legacy' });
    const doc = await decodeDocument(new Uint8Array(fs.readFileSync(file)), { fileName: 'legacy.pfx', password: PASSWORD, keyStore: new KeyStore() });
    expect(doc.certificates.map((c) => c.commonName)).toEqual(expect.arrayContaining(['ex1.contoso.com', 'Zero Root']));
    expect(doc.hasPrivateKey).toBe(true);
  });
});
