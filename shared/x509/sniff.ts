// Tell what a DER blob is from its structure alone — never from the file name.
import { TAG, TagClass, children, readRoot } from '../asn1/der.js';
import { readOid } from '../asn1/values.js';
import { OID } from './oidNames.js';

export type DerKind = 'certificate' | 'request' | 'pkcs7' | 'pkcs12' | 'private-key' | 'encrypted-private-key' | 'unknown';

export function sniffDer(der: Uint8Array): DerKind {
  let root;
  try {
    root = readRoot(der);
  } catch {
    return der.length > 0 && der[0] === 0x30 ? 'certificate' : 'unknown'; // let the parser say what is wrong
  }
  if (root.tagClass !== TagClass.Universal || root.tagNumber !== TAG.SEQUENCE || !root.constructed) return 'unknown';
  const top = children(root);
  const [a, b, c] = top;
  if (!a) return 'unknown';
  // PFX: SEQUENCE { INTEGER 3, ContentInfo, MacData? }
  if (a.tagNumber === TAG.INTEGER && b?.tagNumber === TAG.SEQUENCE) {
    // PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER, AlgorithmIdentifier, OCTET STRING }
    if (c?.tagNumber === TAG.OCTET_STRING) return 'private-key';
    const inner = b.constructed ? children(b)[0] : undefined;
    if (inner?.tagNumber === TAG.OID) return 'pkcs12';
  }
  // ContentInfo: SEQUENCE { OID signedData, [0] ... }
  if (a.tagNumber === TAG.OID && a.tagClass === TagClass.Universal) {
    return readOid(a) === OID.signedData ? 'pkcs7' : 'unknown';
  }
  // EncryptedPrivateKeyInfo: SEQUENCE { AlgorithmIdentifier, OCTET STRING }
  if (a.tagNumber === TAG.SEQUENCE && b?.tagNumber === TAG.OCTET_STRING && top.length === 2) return 'encrypted-private-key';
  // Signed object: SEQUENCE { toBeSigned SEQUENCE, AlgorithmIdentifier, BIT STRING }
  if (a.tagNumber === TAG.SEQUENCE && a.constructed) {
    const tbs = children(a);
    const first = tbs[0];
    if (first?.tagClass === TagClass.Context && first.tagNumber === 0) return 'certificate';
    const second = tbs[1];
    if (first?.tagNumber === TAG.INTEGER && second?.tagNumber === TAG.SEQUENCE && second.constructed) {
      const head = children(second)[0];
      // certificate: AlgorithmIdentifier starts with an OID; request: Name starts with a SET (or is empty)
      if (!head || head.tagNumber === TAG.SET) return 'request';
      return 'certificate';
    }
    return 'certificate';
  }
  return 'unknown';
}
