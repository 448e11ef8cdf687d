// GeneralNames (RFC 5280 4.2.1.6): the SAN, CDP and AIA locations, sorted by type.
import { TagClass, TAG, children, content, type Tlv } from '../asn1/der.js';
import { isStringTag, readOid, readString } from '../asn1/values.js';
import { decodeLatin1 } from '../encoding/text.js';
import { toHex } from '../encoding/hex.js';
import type { SubjectAltNames } from '../model/certificate.js';
import { readName } from './name.js';
import { OID } from './oidNames.js';

export function emptyAltNames(): SubjectAltNames {
  return { dns: [], ip: [], email: [], uri: [], upn: [], directoryNames: [], other: [] };
}

/** Add every GeneralName in a SEQUENCE to `into`. */
export function readGeneralNames(seq: Tlv, into: SubjectAltNames): SubjectAltNames {
  for (const gn of children(seq)) addGeneralName(gn, into);
  return into;
}

export function addGeneralName(gn: Tlv, into: SubjectAltNames): void {
  if (gn.tagClass !== TagClass.Context) {
    into.other.push(`unknown:${toHex(content(gn))}`);
    return;
  }
  switch (gn.tagNumber) {
    case 0: {
      // otherName: type-id OID, [0] EXPLICIT value. The one that matters here is the Windows UPN.
      const [typeId, wrapped] = children(gn);
      const oid = readOid(typeId!);
      const inner = wrapped ? children(wrapped)[0] : undefined;
      const value = inner && isStringTag(inner.tagNumber) ? readString(inner) : inner ? toHex(content(inner)) : '';
      if (oid === OID.upn) into.upn.push(value);
      else into.other.push(`otherName:${oid};${value}`);
      return;
    }
    case 1:
      into.email.push(decodeLatin1(content(gn)));
      return;
    case 2:
      into.dns.push(decodeLatin1(content(gn)));
      return;
    case 4: {
      const name = gn.constructed ? children(gn)[0] : undefined;
      into.directoryNames.push(name ? readName(name).text : '');
      return;
    }
    case 6:
      into.uri.push(decodeLatin1(content(gn)));
      return;
    case 7:
      into.ip.push(formatIp(content(gn)));
      return;
    case 8:
      into.other.push(`registeredID:${readOid({ ...gn, tagClass: TagClass.Universal, tagNumber: TAG.OID })}`);
      return;
    default:
      into.other.push(`[${gn.tagNumber}]:${toHex(content(gn))}`);
  }
}

/** IPv4 dotted, IPv6 in RFC 5952 short form; address/mask pairs (name constraints) as a/m. */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) return formatIpv6(bytes);
  if (bytes.length === 8) return `${formatIp(bytes.subarray(0, 4))}/${formatIp(bytes.subarray(4))}`;
  if (bytes.length === 32) return `${formatIpv6(bytes.subarray(0, 16))}/${formatIpv6(bytes.subarray(16))}`;
  return `invalid:${toHex(bytes)}`;
}

function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // Longest run of zero groups (length ≥ 2) becomes '::'.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
