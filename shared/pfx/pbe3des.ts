// pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 appendix C): the one PKCS#12 cipher every Windows
// since XP imports and OpenSSL 3 reads without `-legacy` (PFX-02, PFX-05). Key and IV come from
// the PKCS#12 KDF with SHA-1; the cipher itself is the node-forge adapter in x509/pkcs12.
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier } from 'pkijs';
import { KDF_ID, bmpPassword, pkcs12Kdf } from '../crypto/pkcs12Kdf.js';
import { randomBytes } from '../crypto/webcrypto.js';
import type { Sealed } from '../csr/pbes2.js';
import { legacyEncrypt3des } from '../x509/pkcs12/legacyCiphers.js';

export const OID_PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

export async function pbe3desEncrypt(plaintext: Uint8Array, password: string, iterations: number): Promise<Sealed> {
  const salt = randomBytes(8);
  const pw = bmpPassword(password);
  const key = pkcs12Kdf('SHA-1', pw, salt, KDF_ID.key, iterations, 24);
  const iv = pkcs12Kdf('SHA-1', pw, salt, KDF_ID.iv, iterations, 8);
  try {
    const ciphertext = await legacyEncrypt3des(key, iv, plaintext);
    // PKCS12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER } (no pkijs class for it).
    const params = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: salt }), new asn1js.Integer({ value: iterations })] });
    return { algorithm: new AlgorithmIdentifier({ algorithmId: OID_PBE_SHA1_3DES, algorithmParams: params }), ciphertext };
  } finally {
    key.fill(0);
    iv.fill(0);
    pw.fill(0);
  }
}
