// A comparable key for a distinguished name: attribute OIDs and values in DER order, values
// trimmed, blanks collapsed and lower-cased (RFC 5280 §7.1 caseIgnoreMatch, simplified).
// scripts/gen-public-roots.js imports this module to key the public roots the same way (it
// reads Node's root store with pkijs; the chain builder itself reads only CertificateModels).
import type { RelativeDistinguishedNames } from 'pkijs';
import type { DistinguishedName } from '../model/certificate.js';

export function normalizeNameValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function nameKey(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const block = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock;
      const text = typeof block?.value === 'string' ? block.value : hexOf(tv.value.valueBeforeDecodeView);
      return `${tv.type}=${normalizeNameValue(text)}`;
    })
    .join(',');
}

/** The Windows form, most specific first: `CN=…, O=…, C=…`. */
export function nameText(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const block = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock;
      const text = typeof block?.value === 'string' ? block.value : '#' + hexOf(tv.value.valueBeforeDecodeView);
      return `${SHORT[tv.type] ?? tv.type}=${text}`;
    })
    .reverse()
    .join(', ');
}

const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'SERIALNUMBER',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};

function hexOf(view: Uint8Array | undefined): string {
  if (!view) return '';
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * The same key from a decoded name (CertificateModel.subjectName / issuerName): what the
 * public root list is keyed by. A value that is not text keeps its `#hex` form.
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
