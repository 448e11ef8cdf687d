// A comparable key for a distinguished name: attribute OIDs and values in DER order, values
// trimmed, blanks collapsed and lower-cased (RFC 5280 §7.1 caseIgnoreMatch, simplified).
// scripts/gen-public-roots.js imports this module to key the public roots the same way.
import type { DistinguishedName } from '../model/certificate.js';

export function normalizeNameValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The key of a decoded name (CertificateModel.subjectName / issuerName): what the public root
 * list is keyed by. A value that is not text keeps its `#hex` form.
 */
export function modelNameKey(name: DistinguishedName): string {
  const parts: string[] = [];
  for (const rdn of name.rdns) for (const a of rdn) parts.push(`${a.oid}=${normalizeNameValue(a.value)}`);
  return parts.join(',');
}

/**
 * The key the chain index files certificates under: the RFC 4514 name (which both the full
 * model and the lean listing carry), blanks collapsed and lower-cased — equal names compare
 * equal, whatever case a CA used; the signature check then decides.
 */
export function chainKey(rfc4514: string): string {
  return normalizeNameValue(rfc4514);
}
