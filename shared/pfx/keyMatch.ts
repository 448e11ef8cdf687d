// Does a PKCS#8 private key belong to a certificate? Compare the public halves: the RSA modulus
// and exponent, or the EC point. WebCrypto derives them from the private key (JWK export), so
// a key without an embedded public part is handled too.
import { fromBase64 } from '../encoding/base64.js';
import { bytesEqual } from '../encoding/hex.js';
import { stripZeros, type ParsedPublicKey } from '../x509/publicKey.js';
import { bytes } from '../csr/pbes2.js';
import { PfxError } from './pfxError.js';

function b64url(value: string | undefined): Uint8Array {
  const out = value ? fromBase64(value.replace(/-/g, '+').replace(/_/g, '/')) : null;
  if (!out) throw new PfxError('unsupported-key', 'The private key could not be read.');
  return out;
}

/** True when `pkcs8` is the private half of `publicKey`; throws PfxError for an unusable key. */
export async function keyMatchesCertificate(pkcs8: Uint8Array, publicKey: ParsedPublicKey): Promise<boolean> {
  const subtle = globalThis.crypto.subtle;
  if (publicKey.algorithm === 'RSA') {
    let jwk: JsonWebKey;
    try {
      const key = await subtle.importKey('pkcs8', bytes(pkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
      jwk = await subtle.exportKey('jwk', key);
    } catch {
      return false; // not an RSA key (or not a key at all): it cannot match an RSA certificate
    }
    return bytesEqual(stripZeros(b64url(jwk.n)), publicKey.keyMaterial);
  }
  if (publicKey.algorithm === 'EC') {
    const curve = publicKey.curve;
    if (curve !== 'P-256' && curve !== 'P-384' && curve !== 'P-521') {
      throw new PfxError('unsupported-key', `The certificate's EC curve ${curve ?? '(unknown)'} is not supported; use P-256, P-384 or P-521.`);
    }
    let jwk: JsonWebKey;
    try {
      const key = await subtle.importKey('pkcs8', bytes(pkcs8), { name: 'ECDSA', namedCurve: curve }, true, ['sign']);
      jwk = await subtle.exportKey('jwk', key);
    } catch {
      return false;
    }
    const x = b64url(jwk.x);
    const y = b64url(jwk.y);
    const point = new Uint8Array(1 + x.length + y.length);
    point[0] = 4;
    point.set(x, 1);
    point.set(y, 1 + x.length);
    return bytesEqual(point, publicKey.keyMaterial);
  }
  throw new PfxError('unsupported-key', `A ${publicKey.algorithm} certificate is not supported; Exchange and Lync use RSA (or EC) keys.`);
}
