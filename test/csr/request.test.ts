// Requests for every role: built with pkijs + WebCrypto, judged by OpenSSL.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFor, withKey, type RequestDraft } from '../../shared/csr/draft.js';
import { decryptPkcs8, exportEncryptedKeyPem, readPrivateKeyPem } from '../../shared/csr/encryptedKey.js';
import { generateKeyPair } from '../../shared/csr/keys.js';
import { buildPkcs10 } from '../../shared/csr/pkcs10.js';
import { REQUEST_ROLES, type KeyChoice } from '../../shared/csr/roles.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';
import { CONTOSO } from './environment.js';
import { ossl, osslTry, removeDir, workDir } from './opensslHelpers.js';

let dir: string;
beforeAll(() => {
  dir = workDir('csr');
});
afterAll(() => removeDir(dir));

async function writeRequest(draft: RequestDraft, name: string): Promise<{ file: string; keys: CryptoKeyPair }> {
  const keys = await generateKeyPair(draft.key);
  const built = await buildPkcs10(draft, keys);
  const file = join(dir, `${name}.csr`);
  writeFileSync(file, built.pem);
  return { file, keys };
}

const EXPECTED: Record<string, { cn: string; san: string[]; client: boolean }> = {
  'exchange-um': { cn: 'ex1.contoso.com', san: ['ex1.contoso.com'], client: true },
  'owa-im': { cn: 'owa.contoso.com', san: ['owa.contoso.com'], client: true },
  'edge-external': {
    cn: 'sip.contoso.com',
    san: ['sip.contoso.com', 'webconf.contoso.com', 'sip.fabrikam.com'],
    client: false,
  },
  'edge-internal': { cn: 'edge-int.contoso.com', san: ['edge-int.contoso.com'], client: false },
  'exchange-auth': { cn: 'Microsoft Exchange Server Auth Certificate', san: [], client: false },
  'sfb-oauth': { cn: 'contoso.com', san: ['contoso.com'], client: false },
};

describe('draftFor', () => {
  it('fills the Edge external SAN with Access Edge, Web Conferencing Edge and sip.<domain> per SIP domain (EDGE-03)', () => {
    const d = draftFor('edge-external', CONTOSO);
    expect(d.commonName).toBe('sip.contoso.com');
    // sip.contoso.com is both the Access Edge and sip.<contoso.com>: listed once.
    expect(d.dnsNames).toEqual(['sip.contoso.com', 'webconf.contoso.com', 'sip.fabrikam.com']);
    expect(d.exportable).toBe(true);
  });

  it('uses the server FQDN as CN for UM and refuses a wildcard server (UM-01, GEN-L6)', () => {
    expect(draftFor('exchange-um', {}, 'EX9.Contoso.com').commonName).toBe('ex9.contoso.com');
    expect(() => draftFor('exchange-um', {}, '*.contoso.com')).toThrow(/wildcard/);
  });

  it('says what is missing when the environment lacks the name', () => {
    expect(() => draftFor('owa-im', {})).toThrow(/trusted application pool FQDN/);
    expect(() => draftFor('edge-external', {})).toThrow(/Access Edge FQDN/);
  });

  it('marks Edge and OAuth keys exportable, UM and OWA IM not', () => {
    const exportable = Object.fromEntries(REQUEST_ROLES.map((r) => [r, draftFor(r, CONTOSO).exportable]));
    expect(exportable).toEqual({
      'exchange-um': false,
      'owa-im': false,
      'edge-external': true,
      'edge-internal': true,
      'exchange-auth': true,
      'sfb-oauth': true,
    });
  });

  it('refuses ECDSA and 3072-bit keys for roles that need a legacy CSP (WIN-01, GEN-L4)', () => {
    for (const role of REQUEST_ROLES) {
      for (const key of ['p256', 'p384', 'rsa3072'] as KeyChoice[]) {
        let error: unknown;
        try {
          withKey(draftFor(role, CONTOSO), key);
        } catch (e) {
          error = e;
        }
        expect(isUnsafeValueError(error), `${role} ${key}`).toBe(true);
      }
    }
    expect(withKey(draftFor('edge-internal', CONTOSO), 'rsa4096').key).toBe('rsa4096');
  });

  it('refuses hostile names in the environment', () => {
    expect(() => draftFor('edge-external', { ...CONTOSO, sipDomains: ["contoso.com'; Remove-Item C:\\ -Recurse"] })).toThrow(/sipDomains\[0\]/);
    expect(() => draftFor('exchange-um', {}, 'ex1.contoso.com\nStop-Computer')).toThrow(/control character U\+000A/);
    expect(() => draftFor('exchange-um', {}, 'ex1.contoso\u2019.com')).toThrow(/U\+2019/);
  });
});

describe('PKCS#10 requests', () => {
  for (const role of REQUEST_ROLES) {
    it(`${role}: verifies with openssl req -verify and carries the expected subject, SAN and EKU`, async () => {
      const { file } = await writeRequest(draftFor(role, CONTOSO), role);
      const verify = osslTry(['req', '-in', file, '-verify', '-noout']);
      expect(verify.ok, verify.out).toBe(true);
      expect(verify.out).toMatch(/verify OK/i);
      const text = ossl(['req', '-in', file, '-noout', '-text']);
      const want = EXPECTED[role];
      expect(text).toContain(`Subject: CN = ${want.cn}`);
      expect(text).toContain('Public-Key: (2048 bit)');
      expect(text).toContain('sha256WithRSAEncryption');
      expect(text).toContain('TLS Web Server Authentication');
      expect(text.includes('TLS Web Client Authentication')).toBe(want.client);
      expect(text).toContain('Digital Signature, Key Encipherment');
      if (want.san.length === 0) {
        expect(text).not.toContain('Subject Alternative Name');
      } else {
        expect(text).toContain(want.san.map((n) => `DNS:${n}`).join(', '));
      }
    });
  }

  for (const key of ['rsa4096', 'p256', 'p384'] as KeyChoice[]) {
    it(`builds a valid ${key} request (the draft is user-editable)`, async () => {
      const draft: RequestDraft = { ...draftFor('edge-internal', CONTOSO), key, allowedKeys: [key] };
      const { file } = await writeRequest(draft, `custom-${key}`);
      expect(osslTry(['req', '-in', file, '-verify', '-noout']).ok).toBe(true);
      const text = ossl(['req', '-in', file, '-noout', '-text']);
      if (key === 'p256') expect(text).toMatch(/NIST CURVE: P-256[\s\S]*ecdsa-with-SHA256/);
      if (key === 'p384') expect(text).toMatch(/NIST CURVE: P-384[\s\S]*ecdsa-with-SHA384/);
      if (key === 'rsa4096') expect(text).toContain('Public-Key: (4096 bit)');
    });
  }

  it('re-validates an edited draft: a hostile SAN entry is refused before signing', async () => {
    const keys = await generateKeyPair('rsa2048');
    const draft = { ...draftFor('exchange-um', CONTOSO), dnsNames: ['ex1.contoso.com', 'bad name;rm'] };
    await expect(buildPkcs10(draft, keys)).rejects.toThrow(/SAN entry 2/);
  });
});

describe('encrypted private key', () => {
  it('opens with openssl pkey and the passphrase, is PBES2/AES-256/HMAC-SHA256, and matches the request', async () => {
    const { file, keys } = await writeRequest(draftFor('exchange-um', CONTOSO), 'keycheck');
    const pem = await exportEncryptedKeyPem(keys.privateKey, 'correct horse');
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(pem).not.toContain('BEGIN PRIVATE KEY');
    const keyFile = join(dir, 'keycheck.key.pem');
    writeFileSync(keyFile, pem);

    const params = ossl(['asn1parse', '-in', keyFile]);
    expect(params).toContain('PBES2');
    expect(params).toContain('PBKDF2');
    expect(params).toContain('hmacWithSHA256');
    expect(params).toContain('aes-256-cbc');
    expect(params).toMatch(/INTEGER\s+:0927C0/); // 600,000 iterations

    const pub = ossl(['pkey', '-in', keyFile, '-passin', 'pass:correct horse', '-pubout']);
    const reqPub = ossl(['req', '-in', file, '-noout', '-pubkey']);
    expect(pub).toBe(reqPub);
    expect(osslTry(['pkey', '-in', keyFile, '-passin', 'pass:wrong', '-noout']).ok).toBe(false);
  });

  it('reads back its own key and an OpenSSL-encrypted key; refuses a wrong passphrase', async () => {
    const keys = await generateKeyPair('rsa2048');
    const pem = await exportEncryptedKeyPem(keys.privateKey, 'pässwörd', 1000);
    const plain = await readPrivateKeyPem(pem, 'pässwörd');
    expect(plain).toEqual(new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey)));
    await expect(readPrivateKeyPem(pem, 'nope')).rejects.toThrow(/passphrase is wrong/);
    await expect(readPrivateKeyPem(pem)).rejects.toThrow(/give its passphrase/);

    const osslKey = join(dir, 'openssl-enc.pem');
    ossl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes-128-cbc', '-pass', 'pass:s3cret', '-out', osslKey]);
    const der = await readPrivateKeyPem(readFileSync(osslKey, 'utf8'), 's3cret');
    expect(der[0]).toBe(0x30);
    await expect(decryptPkcs8(new Uint8Array([1, 2, 3]), 'x')).rejects.toThrow();
  });

  it('refuses an empty passphrase', async () => {
    const keys = await generateKeyPair('rsa2048');
    await expect(exportEncryptedKeyPem(keys.privateKey, '')).rejects.toThrow(/empty/);
  });
});
