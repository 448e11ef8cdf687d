// X.509v3 extensions: each decoded into the fields the rules read and the lines the
// inspector shows. An extension we cannot decode is still listed (as hex), never fatal.
import { TAG, TagClass, children, content, readRoot, type Tlv } from '../asn1/der.js';
import { isStringTag, readBitStringBytes, readBoolean, readOid, readSmallInteger, readString } from '../asn1/values.js';
import { toColonHex, toHex } from '../encoding/hex.js';
import type { CertificateTemplate, Extension, SubjectAltNames } from '../model/certificate.js';
import { addGeneralName, emptyAltNames, readGeneralNames } from './generalNames.js';
import { EKU_NAMES, EXTENSION_NAMES } from './oidNames.js';

const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export interface DecodedExtensions {
  subjectAltNames: SubjectAltNames;
  basicConstraints: { critical: boolean; ca: boolean; pathLength: number | null } | null;
  keyUsage: { critical: boolean; usages: string[] } | null;
  extendedKeyUsage: { critical: boolean; oids: string[]; names: string[] } | null;
  crlDistributionPoints: string[];
  authorityInfoAccess: { ocsp: string[]; caIssuers: string[] };
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  template: CertificateTemplate | null;
  extensions: Extension[];
}

export function emptyExtensions(): DecodedExtensions {
  return {
    subjectAltNames: emptyAltNames(),
    basicConstraints: null,
    keyUsage: null,
    extendedKeyUsage: null,
    crlDistributionPoints: [],
    authorityInfoAccess: { ocsp: [], caIssuers: [] },
    subjectKeyIdentifier: null,
    authorityKeyIdentifier: null,
    template: null,
    extensions: [],
  };
}

/** The extensions a listing of files needs: names, CA or not, and the key ids that link a chain. */
export const LISTED_EXTENSIONS: ReadonlySet<string> = new Set(['2.5.29.17', '2.5.29.19', '2.5.29.14', '2.5.29.35']);

/**
 * Decode a SEQUENCE OF Extension. With `only`, just those extensions are decoded and none is
 * listed in `extensions` (the structure is still walked the same way, so a file fails or
 * opens exactly as it does without `only`: undecodable values are never fatal).
 */
export function readExtensions(seq: Tlv, only?: ReadonlySet<string>): DecodedExtensions {
  const out = emptyExtensions();
  for (const ext of children(seq)) {
    const parts = children(ext);
    const oid = readOid(parts[0]!);
    let critical = false;
    let valueTlv = parts[1];
    if (valueTlv && valueTlv.tagNumber === TAG.BOOLEAN) {
      critical = readBoolean(valueTlv);
      valueTlv = parts[2];
    }
    if (only && !only.has(oid)) continue;
    const value = valueTlv ? content(valueTlv) : new Uint8Array();
    let lines: string[];
    try {
      lines = decodeOne(oid, critical, value, out);
    } catch {
      lines = [`(could not decode) ${toHex(value)}`];
    }
    if (!only) out.extensions.push({ oid, name: EXTENSION_NAMES[oid] ?? oid, critical, lines });
  }
  return out;
}

function decodeOne(oid: string, critical: boolean, value: Uint8Array, out: DecodedExtensions): string[] {
  const root = () => readRoot(value);
  switch (oid) {
    case '2.5.29.17': {
      readGeneralNames(root(), out.subjectAltNames);
      return altNameLines(out.subjectAltNames);
    }
    case '2.5.29.18': {
      return altNameLines(readGeneralNames(root(), emptyAltNames()));
    }
    case '2.5.29.19': {
      const items = children(root());
      let ca = false;
      let pathLength: number | null = null;
      for (const item of items) {
        if (item.tagNumber === TAG.BOOLEAN) ca = readBoolean(item);
        else if (item.tagNumber === TAG.INTEGER) pathLength = readSmallInteger(item);
      }
      out.basicConstraints = { critical, ca, pathLength };
      return [`Subject Type=${ca ? 'CA' : 'End Entity'}`, `Path Length Constraint=${pathLength === null ? 'None' : pathLength}`];
    }
    case '2.5.29.15': {
      const bits = readBitStringBytes(root());
      const usages: string[] = [];
      KEY_USAGES.forEach((name, i) => {
        const byte = bits[i >> 3];
        if (byte !== undefined && byte & (0x80 >> (i & 7))) usages.push(name);
      });
      out.keyUsage = { critical, usages };
      return [usages.join(', ') || '(none)'];
    }
    case '2.5.29.37': {
      const oids = children(root()).map(readOid);
      const names = oids.map((o) => EKU_NAMES[o] ?? o);
      out.extendedKeyUsage = { critical, oids, names };
      return oids.map((o, i) => (names[i] === o ? o : `${names[i]} (${o})`));
    }
    case '2.5.29.31':
    case '2.5.29.46': {
      const urls: string[] = [];
      for (const dp of children(root())) {
        for (const field of children(dp)) {
          // [0] distributionPoint → [0] fullName (GeneralNames, implicit)
          if (field.tagClass === TagClass.Context && field.tagNumber === 0) {
            for (const dpName of children(field)) {
              if (dpName.tagClass === TagClass.Context && dpName.tagNumber === 0) {
                const names = emptyAltNames();
                for (const gn of children(dpName)) addGeneralName(gn, names);
                urls.push(...names.uri, ...names.directoryNames.map((d) => `directory:${d}`));
              }
            }
          }
        }
      }
      if (oid === '2.5.29.31') out.crlDistributionPoints.push(...urls);
      return urls.length ? urls : ['(no full name)'];
    }
    case '1.3.6.1.5.5.7.1.1': {
      const lines: string[] = [];
      for (const ad of children(root())) {
        const [methodTlv, locTlv] = children(ad);
        const method = readOid(methodTlv!);
        const names = emptyAltNames();
        addGeneralName(locTlv!, names);
        const where = [...names.uri, ...names.dns, ...names.directoryNames];
        if (method === '1.3.6.1.5.5.7.48.1') {
          out.authorityInfoAccess.ocsp.push(...names.uri);
          lines.push(...where.map((u) => `OCSP: ${u}`));
        } else if (method === '1.3.6.1.5.5.7.48.2') {
          out.authorityInfoAccess.caIssuers.push(...names.uri);
          lines.push(...where.map((u) => `CA Issuers: ${u}`));
        } else {
          lines.push(...where.map((u) => `${method}: ${u}`));
        }
      }
      return lines;
    }
    case '2.5.29.14': {
      const id = toHex(content(root()));
      out.subjectKeyIdentifier = id;
      return [toColonHex(content(root()))];
    }
    case '2.5.29.35': {
      const lines: string[] = [];
      for (const item of children(root())) {
        if (item.tagClass === TagClass.Context && item.tagNumber === 0) {
          out.authorityKeyIdentifier = toHex(content(item));
          lines.push(`KeyID=${toColonHex(content(item))}`);
        } else if (item.tagClass === TagClass.Context && item.tagNumber === 2) {
          lines.push(`Certificate SerialNumber=${toHex(content(item))}`);
        }
      }
      return lines;
    }
    case '2.5.29.32': {
      return children(root()).map((pi) => `Policy: ${readOid(children(pi)[0]!)}`);
    }
    case '1.3.6.1.4.1.311.20.2': {
      const t = root();
      const name = isStringTag(t.tagNumber) ? readString(t) : toHex(content(t));
      out.template = { ...(out.template ?? {}), name };
      return [`Template=${name}`];
    }
    case '1.3.6.1.4.1.311.21.7': {
      const items = children(root());
      const template: CertificateTemplate = { ...(out.template ?? {}), oid: readOid(items[0]!) };
      if (items[1]) template.majorVersion = readSmallInteger(items[1]);
      if (items[2]) template.minorVersion = readSmallInteger(items[2]);
      out.template = template;
      return [`Template=${template.oid}`, `Major Version Number=${template.majorVersion ?? '?'}`, `Minor Version Number=${template.minorVersion ?? '?'}`];
    }
    case '1.3.6.1.4.1.311.21.10': {
      return children(root()).map((pi) => {
        const o = readOid(children(pi)[0]!);
        return `Application Certificate Policy: ${EKU_NAMES[o] ?? o}`;
      });
    }
    default:
      return [toHex(value)];
  }
}

// One loop per kind rather than spreads of mapped arrays: the spreads of empty and non-empty
// lists made the optimising compiler throw this away and recompile it again and again while a
// folder of certificates was read.
function altNameLines(n: SubjectAltNames): string[] {
  const lines: string[] = [];
  for (const v of n.dns) lines.push(`DNS Name=${v}`);
  for (const v of n.ip) lines.push(`IP Address=${v}`);
  for (const v of n.email) lines.push(`RFC822 Name=${v}`);
  for (const v of n.uri) lines.push(`URL=${v}`);
  for (const v of n.upn) lines.push(`Principal Name=${v}`);
  for (const v of n.directoryNames) lines.push(`Directory Address=${v}`);
  for (const v of n.other) lines.push(`Other Name=${v}`);
  return lines;
}
