// Distinguished names: decoded once, shown two ways — the Windows / Exchange form
// (`CN=ex1.contoso.com, O=Contoso, C=US`, most specific first) and RFC 4514 (OpenSSL's
// `-nameopt RFC2253`), so admins can compare with either tool.
import { Asn1Error, TAG, children, content, type Tlv } from '../asn1/der.js';
import { isStringTag, readOid, readString } from '../asn1/values.js';
import { toHex } from '../encoding/hex.js';
import type { DistinguishedName, NameAttribute } from '../model/certificate.js';
import { NAME_ATTRIBUTES } from './oidNames.js';

export function readName(tlv: Tlv): DistinguishedName {
  if (tlv.tagNumber !== TAG.SEQUENCE) throw new Asn1Error('malformed', 'a distinguished name is not a SEQUENCE');
  const rdns: NameAttribute[][] = [];
  const rfcParts: string[][] = [];
  for (const set of children(tlv)) {
    if (set.tagNumber !== TAG.SET) throw new Asn1Error('malformed', 'a name component is not a SET');
    const rdn: NameAttribute[] = [];
    const rfc: string[] = [];
    // An empty RDN breaks RFC 5280 but OpenSSL reads it, so we do too (zlint has many).
    for (const atv of children(set)) {
      const [typeTlv, valueTlv] = children(atv);
      if (!typeTlv || !valueTlv) throw new Asn1Error('malformed', 'a name attribute is incomplete');
      const oid = readOid(typeTlv);
      const names = NAME_ATTRIBUTES[oid];
      const stringy = isStringTag(valueTlv.tagNumber) && !valueTlv.constructed;
      const value = stringy ? readString(valueTlv) : '#' + toHex(content(valueTlv));
      rdn.push({ type: names ? names[0] : `OID.${oid}`, oid, value });
      rfc.push(`${names ? names[1] : oid}=${stringy ? escapeRfc4514(value) : '#' + toHex(valueTlv.buf.subarray(valueTlv.headerStart, valueTlv.totalEnd))}`);
    }
    rdns.push(rdn);
    rfcParts.push(rfc);
  }
  return {
    text: rdns
      .slice()
      .reverse()
      .map((rdn) => rdn.map((a) => `${a.type}=${quoteWindows(a.value)}`).join(' + '))
      .join(', '),
    rfc4514: rfcParts
      .slice()
      .reverse()
      .map((rdn) => rdn.join('+'))
      .join(','),
    rdns,
  };
}

/** The most specific value of an attribute (the last one in DER order), or null. */
export function lastValue(name: DistinguishedName, oid: string): string | null {
  const all = allValues(name, oid);
  return all.length ? all[all.length - 1]! : null;
}

export function allValues(name: DistinguishedName, oid: string): string[] {
  const out: string[] = [];
  for (const rdn of name.rdns) for (const a of rdn) if (a.oid === oid) out.push(a.value);
  return out;
}

/** Windows CertNameToStr quotes a value that holds separators or leading/trailing blanks. */
function quoteWindows(value: string): string {
  if (value === '' || /[,+=";\n<>#]/.test(value) || /^\s|\s$/.test(value)) {
    return '"' + value.replace(/"/g, '""') + '"';
  }
  return value;
}

function escapeRfc4514(value: string): string {
  let out = value.replace(/[\\,+"<>;=]/g, (c) => '\\' + c);
  out = out.replace(/^[ #]/, (c) => '\\' + c).replace(/ $/, '\\ ');
  return out.replace(/[\u0000-\u001f\u007f]/g, (c) => '\\' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
