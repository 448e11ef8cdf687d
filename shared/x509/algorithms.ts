// AlgorithmIdentifier → the OpenSSL-style name and the hash it uses.
import { TAG, children, type Tlv } from '../asn1/der.js';
import { readOid } from '../asn1/values.js';
import { HASH_ALGORITHMS, SIGNATURE_ALGORITHMS } from './oidNames.js';

export interface SignatureAlgorithm {
  oid: string;
  name: string;
  hash: string | null;
}

export function readSignatureAlgorithm(algId: Tlv): SignatureAlgorithm {
  const [oidTlv, params] = children(algId);
  const oid = readOid(oidTlv!);
  const known = SIGNATURE_ALGORITHMS[oid];
  if (!known) return { oid, name: oid, hash: null };
  let hash = known[1];
  if (oid === '1.2.840.113549.1.1.10') hash = pssHash(params);
  return { oid, name: known[0], hash };
}

/** RSASSA-PSS-params: [0] hashAlgorithm DEFAULT sha1. */
function pssHash(params: Tlv | undefined): string {
  if (!params || params.tagNumber !== TAG.SEQUENCE) return 'SHA-1';
  for (const p of children(params)) {
    if (p.tagClass === 2 && p.tagNumber === 0) {
      const alg = children(p)[0];
      if (alg) return HASH_ALGORITHMS[readOid(children(alg)[0]!)] ?? 'unknown';
    }
  }
  return 'SHA-1';
}
