// pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 appendix C): the one PKCS#12 cipher every Windows
// since XP imports and OpenSSL 3 reads without `-legacy` (PFX-02, PFX-05). Key and IV come from
// the PKCS#12 KDF with SHA-1; the cipher itself is the node-forge adapter in x509/pkcs12.
import * as asn1js from 'asn1js';
import { KDF_ID, bmpPassword, pkcs12Kdf } from '../crypto/pkcs12Kdf.js';
import { randomBytes } from '../crypto/webcrypto.js';
import { legacyEncrypt3des } from '../x509/pkcs12/legacyCiphers.js';

export const OID_PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

export interface PbeResult {
  algorithm: asn1js.Sequence;
  ciphertext: Uint8Array;
}

export async function pbe3desEncrypt(plaintext: Uint8Array, password: string, iterations: number): Promise<PbeResult> {
  const salt = randomBytes(8);
  const pw = bmpPassword(password);
  const key = pkcs12Kdf('SHA-1', pw, salt, KDF_ID.key, iterations, 24);
  const iv = pkcs12Kdf('SHA-1', pw, salt, KDF_ID.iv, iterations, 8);
  const ciphertext = await legacyEncrypt3des(key, iv, plaintext);
  const algorithm = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID_PBE_SHA1_3DES }),
      new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: salt }), new asn1js.Integer({ value: iterations })] }),
    ],
  });
  return { algorithm, ciphertext };
}
