// The PFX integrity MAC: HMAC over the AuthenticatedSafe with a key from the PKCS#12 KDF.
// It is how a wrong password is told apart from a damaged file, before any decryption.
import { children, content, type Tlv } from '../../asn1/der.js';
import { readOid, readSmallInteger } from '../../asn1/values.js';
import { KDF_ID, pkcs12Kdf } from '../../crypto/pkcs12Kdf.js';
import { buf, subtle, type HashName } from '../../crypto/webcrypto.js';
import { bytesEqual } from '../../encoding/hex.js';
import { HASH_ALGORITHMS } from '../oidNames.js';
import { checkedIterations, UnsupportedAlgorithm } from './passwordBasedEncryption.js';

export interface MacData {
  hash: HashName;
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

/**
 * The iteration cap is a time budget: 2,500,000 rounds of the JavaScript SHA-1/256 loop take
 * about a second. A SHA-384/512 round costs 3.4 times as much (2.4 M rounds: 3.8 s against
 * 1.1 s for SHA-256, measured on the project machine), so the same budget allows 750,000 of
 * them; above that a crafted MAC would block the thread for seconds. Windows writes 2,000 and
 * OpenSSL 2,048.
 */
export const MAX_WIDE_MAC_ITERATIONS = 750_000;

export function readMacData(tlv: Tlv): MacData {
  const [digestInfo, saltTlv, iterTlv] = children(tlv);
  const [algId, digestTlv] = children(digestInfo!);
  const oid = readOid(children(algId!)[0]!);
  const hash = HASH_ALGORITHMS[oid];
  if (hash !== 'SHA-1' && hash !== 'SHA-256' && hash !== 'SHA-384' && hash !== 'SHA-512') {
    throw new UnsupportedAlgorithm(`a ${hash ?? oid} integrity MAC`);
  }
  const iterations = iterTlv ? checkedIterations(readSmallInteger(iterTlv), 'MAC') : 1;
  if ((hash === 'SHA-384' || hash === 'SHA-512') && iterations > MAX_WIDE_MAC_ITERATIONS) {
    throw new UnsupportedAlgorithm(
      `${iterations.toLocaleString('en-US')} ${hash} MAC iterations (CertBench stops at ${MAX_WIDE_MAC_ITERATIONS.toLocaleString('en-US')} for SHA-384/512 so that a damaged or hostile file cannot freeze it)`,
    );
  }
  return { hash, digest: content(digestTlv!), salt: content(saltTlv!), iterations };
}

export async function macMatches(mac: MacData, passwordBmp: Uint8Array, data: Uint8Array): Promise<boolean> {
  const length = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[mac.hash];
  const keyBytes = pkcs12Kdf(mac.hash, passwordBmp, mac.salt, KDF_ID.mac, mac.iterations, length);
  const key = await subtle().importKey('raw', buf(keyBytes), { name: 'HMAC', hash: mac.hash }, false, ['sign']);
  keyBytes.fill(0);
  const sig = new Uint8Array(await subtle().sign('HMAC', key, buf(data)));
  return bytesEqual(sig, mac.digest);
}
