// PFX completion: OpenSSL as the CA signs our request, we pack the PFX, OpenSSL opens it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFor } from '../../shared/csr/draft.js';
import { exportEncryptedKeyPem, readPrivateKeyPem } from '../../shared/csr/encryptedKey.js';
import { generateKeyPair } from '../../shared/csr/keys.js';
import { pemBlocks } from '../../shared/csr/pem.js';
import { buildPfx } from '../../shared/pfx/buildPfx.js';
import { PfxError } from '../../shared/pfx/pfxError.js';
import { CONTOSO } from '../csr/environment.js';
import { makeCa, ossl, osslTry, removeDir, signCsr, workDir, type TestCa } from '../csr/opensslHelpers.js';
import { buildPkcs10 } from '../../shared/csr/pkcs10.js';

let dir: string;
let ca: TestCa;
let certDer: Uint8Array;
let certFile: string;
let keyPem: string;
let chain: Uint8Array[];

const der = (file: string) => pemBlocks(readFileSync(file, 'utf8'))[0].der;

beforeAll(async () => {
  dir = workDir('pfx');
  ca = makeCa(dir);
  const draft = draftFor('edge-external', CONTOSO);
  const keys = await generateKeyPair('rsa2048');
  const csr = await buildPkcs10(draft, keys);
  const csrFile = join(dir, 'edge.csr');
  writeFileSync(csrFile, csr.pem);
  certFile = signCsr(ca, csrFile, join(dir, 'edge.pem'));
  certDer = der(certFile);
  keyPem = await exportEncryptedKeyPem(keys.privateKey, 'key pass', 10_000);
  chain = [der(ca.interCert), der(ca.rootCert)];
});
afterAll(() => removeDir(dir));

async function pack(profile: 'modern' | 'legacy', name: string): Promise<string> {
  const pkcs8 = await readPrivateKeyPem(keyPem, 'key pass');
  const pfx = await buildPfx({ certificate: certDer, chain, pkcs8, password: 'Pfx-Pass 1', profile });
  const file = join(dir, name);
  writeFileSync(file, pfx.der);
  return file;
}

describe('buildPfx', () => {
  it('modern: OpenSSL 3 opens it; PBES2 AES-256-CBC / PBKDF2-HMAC-SHA256 for key and certificates, SHA-256 MAC', async () => {
    const file = await pack('modern', 'modern.pfx');
    const info = osslTry(['pkcs12', '-in', file, '-info', '-noout', '-passin', 'pass:Pfx-Pass 1']);
    expect(info.ok, info.out).toBe(true);
    expect(info.out).toContain('MAC: sha256');
    expect(info.out).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 300000, PRF hmacWithSHA256/);
    expect(info.out).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 300000, PRF hmacWithSHA256/);
    expect(info.out).toMatch(/MAC: sha256, Iteration 300000/);
    expect(info.out).not.toMatch(/3DES|RC2/);
  });

  it('legacy: OpenSSL 3 opens it WITHOUT -legacy; 3DES for key and certificates, SHA-1 MAC', async () => {
    const file = await pack('legacy', 'legacy.pfx');
    const info = osslTry(['pkcs12', '-in', file, '-info', '-noout', '-passin', 'pass:Pfx-Pass 1']);
    expect(info.ok, info.out).toBe(true);
    expect(info.out).toContain('MAC: sha1');
    expect(info.out).toMatch(/PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/);
    expect(info.out).toMatch(/Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/);
    expect(info.out).not.toMatch(/RC2|AES/);
  });

  for (const profile of ['modern', 'legacy'] as const) {
    it(`${profile}: holds the chain, the friendly name, a shared localKeyId and the matching key`, async () => {
      const file = await pack(profile, `${profile}-content.pfx`);
      const certs = ossl(['pkcs12', '-in', file, '-nokeys', '-passin', 'pass:Pfx-Pass 1']);
      expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
      expect(certs).toContain('friendlyName: sip.contoso.com');
      expect(certs).toContain('Contoso Issuing CA');
      expect(certs).toContain('Contoso Root CA');
      const keys = ossl(['pkcs12', '-in', file, '-nocerts', '-nodes', '-passin', 'pass:Pfx-Pass 1']);
      expect(keys).toContain('Microsoft CSP Name: Microsoft RSA SChannel Cryptographic Provider');
      const keyIds = [...`${certs}\n${keys}`.matchAll(/localKeyID: ([0-9A-F ]+)/g)].map((m) => m[1].trim());
      expect(keyIds).toHaveLength(2);
      expect(keyIds[0]).toBe(keyIds[1]);
      const keyOut = join(dir, `${profile}-key.pem`);
      writeFileSync(keyOut, keys);
      expect(ossl(['pkey', '-in', keyOut, '-pubout'])).toBe(ossl(['x509', '-in', certFile, '-noout', '-pubkey']));
      expect(osslTry(['pkcs12', '-in', file, '-info', '-noout', '-passin', 'pass:wrong']).ok).toBe(false);
    });
  }

  it('refuses a key that does not belong to the certificate', async () => {
    const other = await generateKeyPair('rsa2048');
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', other.privateKey));
    await expect(buildPfx({ certificate: certDer, pkcs8, password: 'x', profile: 'modern' })).rejects.toThrow(
      /does not belong to the certificate/,
    );
    const ec = await generateKeyPair('p256');
    const ecPkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', ec.privateKey));
    await expect(buildPfx({ certificate: certDer, pkcs8: ecPkcs8, password: 'x', profile: 'legacy' })).rejects.toBeInstanceOf(PfxError);
  });

  it('refuses an empty PFX password and a certificate that is not one', async () => {
    const pkcs8 = await readPrivateKeyPem(keyPem, 'key pass');
    await expect(buildPfx({ certificate: certDer, pkcs8, password: '', profile: 'modern' })).rejects.toThrow(/empty/);
    await expect(buildPfx({ certificate: new Uint8Array([0x30, 0x03, 1, 2, 3]), pkcs8, password: 'x', profile: 'modern' })).rejects.toThrow(
      /not a readable X.509 certificate/,
    );
  });

  it('packs an OpenSSL-made EC certificate and key (P-256)', async () => {
    const ecKey = join(dir, 'ec.key');
    const ecCert = join(dir, 'ec.pem');
    ossl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', ecKey, '-out', ecCert, '-days', '5', '-subj', '/CN=ec.contoso.com']);
    const pkcs8 = await readPrivateKeyPem(readFileSync(ecKey, 'utf8'));
    const pfx = await buildPfx({ certificate: der(ecCert), pkcs8, password: 'ec', profile: 'legacy', friendlyName: 'EC test' });
    const file = join(dir, 'ec.pfx');
    writeFileSync(file, pfx.der);
    const out = ossl(['pkcs12', '-in', file, '-nodes', '-passin', 'pass:ec']);
    expect(out).toContain('friendlyName: EC test');
    expect(out).toContain('BEGIN PRIVATE KEY');
    expect(out).not.toContain('Microsoft CSP Name');
  });
});
