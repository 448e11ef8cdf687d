// Which certificates of a file are "the" certificates to check: the end-entity ones. A PFX or
// P7B usually carries the chain too; the CA certificates are context, not subjects.
import type { CertificateModel } from '../model/certificate.js';
import type { DecodedDocument } from '../model/document.js';

/**
 * Non-CA certificates when the file has any; otherwise (a root alone, a self-signed
 * certificate OpenSSL marked CA:TRUE) the certificates that issued none of the others.
 * A certificate with its private key in the file is always a subject.
 */
export function endEntityIndexes(doc: DecodedDocument): number[] {
  const certs = doc.certificates;
  const withKey = new Set(doc.keys.map((k) => k.certificateIndex).filter((i): i is number => i !== null));
  const nonCa = certs.map((c, i) => (!c.isCA || withKey.has(i) ? i : -1)).filter((i) => i >= 0);
  if (nonCa.length > 0) return nonCa;
  // Issuer names of the certificates that are not self-signed, counted once: linear, not a
  // pass over the file per certificate (a P7B may hold thousands).
  const issuedBy = new Map<string, CertificateModel[]>();
  for (const c of certs) {
    if (c.selfSigned) continue;
    const list = issuedBy.get(c.issuerName.rfc4514);
    if (list) list.push(c);
    else issuedBy.set(c.issuerName.rfc4514, [c]);
  }
  return certs.map((c, i) => ((issuedBy.get(c.subjectName.rfc4514) ?? []).some((other) => other !== c) ? -1 : i)).filter((i) => i >= 0);
}
