// The signed parts of a certificate, read from the DER CertificateModel already holds: the
// bytes its issuer signed (tbsCertificate), the signature, the algorithm, and its own public
// key (to check what it signed). A walk over the top of the DER only — no second parser.
import { children, encoding, readRoot, type Tlv } from '../asn1/der.js';
import { readBitStringBytes, readOid, readSmallInteger } from '../asn1/values.js';
import { fromBase64 } from '../encoding/base64.js';
import { readSignatureAlgorithm } from '../x509/algorithms.js';

export interface SignedParts {
  tbs: Uint8Array;
  signature: Uint8Array;
  algorithmOid: string;
  hash: string | null;
  /** RSASSA-PSS salt length (only for PSS signatures). */
  saltLength?: number;
  /** The certificate's own SubjectPublicKeyInfo DER: verifies what this certificate signed. */
  spki: Uint8Array;
}

const RSA_PSS = '1.2.840.113549.1.1.10';

/** Null when the DER cannot be read this far (the chain then treats it as "not checkable"). */
export function signedParts(derBase64: string): SignedParts | null {
  const der = fromBase64(derBase64);
  if (!der) return null;
  try {
    const [tbs, sigAlg, sigValue] = children(readRoot(der));
    const fields = children(tbs!);
    // version [0] is optional: serial, signature, issuer, validity, subject, then the key.
    const spki = fields[fields[0]!.tagClass === 2 ? 6 : 5]!;
    const algorithm = readSignatureAlgorithm(sigAlg!);
    const parts: SignedParts = {
      tbs: encoding(tbs!),
      signature: readBitStringBytes(sigValue!),
      algorithmOid: algorithm.oid,
      hash: algorithm.hash,
      spki: encoding(spki),
    };
    if (algorithm.oid === RSA_PSS) parts.saltLength = pssSaltLength(sigAlg!);
    return parts;
  } catch {
    return null;
  }
}

/** RSASSA-PSS-params (RFC 4055): [2] saltLength INTEGER DEFAULT 20. */
function pssSaltLength(sigAlg: Tlv): number {
  const [oid, params] = children(sigAlg);
  if (!oid || readOid(oid) !== RSA_PSS || !params || !params.constructed) return 20;
  for (const p of children(params)) {
    if (p.tagClass === 2 && p.tagNumber === 2) {
      const value = children(p)[0];
      if (value) return readSmallInteger(value);
    }
  }
  return 20;
}
