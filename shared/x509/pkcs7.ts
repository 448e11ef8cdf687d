// PKCS#7 / CMS SignedData "certs-only" (.p7b / .p7c): the chain the Windows export wizard writes.
import { Asn1Error, TAG, TagClass, children, encoding, readRoot } from '../asn1/der.js';
import { readOid } from '../asn1/values.js';
import { OID } from './oidNames.js';

/** The DER of every certificate in a SignedData, in file order. */
export function pkcs7Certificates(der: Uint8Array): Uint8Array[] {
  const root = readRoot(der);
  const [typeTlv, wrapped] = children(root);
  if (!typeTlv || readOid(typeTlv) !== OID.signedData) throw new Asn1Error('malformed', 'the PKCS#7 content is not SignedData');
  if (!wrapped || wrapped.tagClass !== TagClass.Context || wrapped.tagNumber !== 0) return [];
  const signedData = children(wrapped)[0];
  if (!signedData || signedData.tagNumber !== TAG.SEQUENCE) throw new Asn1Error('malformed', 'the PKCS#7 SignedData is damaged');
  const out: Uint8Array[] = [];
  for (const field of children(signedData)) {
    // certificates [0] IMPLICIT CertificateSet; other choices (attribute certs) are skipped.
    if (field.tagClass === TagClass.Context && field.tagNumber === 0) {
      for (const cert of children(field)) {
        if (cert.tagClass === TagClass.Universal && cert.tagNumber === TAG.SEQUENCE) out.push(encoding(cert));
      }
    }
  }
  return out;
}
