// The one place node-forge is used: the two legacy PKCS#12 ciphers WebCrypto does not offer.
// Windows' classic PFX export (RC2-40 for certificates, 3DES for the key) and OpenSSL's
// `-legacy` need them. Returns null when the padding is wrong (a wrong password, in practice).
import type forgeType from 'node-forge';

type Forge = typeof forgeType;
let loaded: Forge | null = null;

/** node-forge is large; load it only when a legacy PFX is actually opened or written. */
async function forgeModule(): Promise<Forge> {
  if (!loaded) {
    const mod = (await import('node-forge')) as unknown as { default?: Forge } & Forge;
    loaded = mod.default ?? mod;
  }
  return loaded;
}

export type LegacyCipher = { name: '3DES' } | { name: 'RC2'; effectiveBits: number };

export async function legacyDecrypt(cipher: LegacyCipher, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array | null> {
  const forge = await forgeModule();
  const keyBuf = forge.util.createBuffer(binary(key));
  const ivBuf = forge.util.createBuffer(binary(iv));
  // The two forge APIs differ: the generic cipher takes { iv }, the RC2 module the IV itself.
  let decipher: { update(b: forgeType.util.ByteStringBuffer): void; finish(): boolean; output: forgeType.util.ByteStringBuffer };
  if (cipher.name === '3DES') {
    const d = forge.cipher.createDecipher('3DES-CBC', keyBuf);
    d.start({ iv: ivBuf });
    decipher = d;
  } else {
    const d = forge.rc2.createDecryptionCipher(keyBuf, cipher.effectiveBits);
    d.start(ivBuf);
    decipher = d as unknown as typeof decipher;
  }
  decipher.update(forge.util.createBuffer(binary(data)));
  if (!decipher.finish()) return null;
  const out = decipher.output.getBytes();
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
  return bytes;
}

export async function legacyEncrypt3des(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const forge = await forgeModule();
  const c = forge.cipher.createCipher('3DES-CBC', forge.util.createBuffer(binary(key)));
  c.start({ iv: forge.util.createBuffer(binary(iv)) });
  c.update(forge.util.createBuffer(binary(data)));
  c.finish();
  const out = c.output.getBytes();
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
  return bytes;
}

/** forge works on "binary strings", one char per byte. */
function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
