// The inside of a PFX part (RFC 7292 §4.2): SafeContents, a list of bags. Certificate bags and
// plain key bags are copied out; shrouded (encrypted) key bags are queued for decryption.
import { Asn1Error, TagClass, children, content, encoding, octets, readRoot, type Tlv } from '../../asn1/der.js';
import { readOid, readString } from '../../asn1/values.js';
import { toHex } from '../../encoding/hex.js';
import type { Pkcs12Info, Pkcs12Protection } from '../../model/document.js';
import { OID } from '../oidNames.js';
import { describeAlgorithm } from './passwordBasedEncryption.js';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  safeContents: '1.2.840.113549.1.12.10.1.6',
};

export interface BagAttributes {
  friendlyName?: string;
  localKeyId?: string;
  provider?: string;
}

export interface Pkcs12Contents {
  certificates: ({ der: Uint8Array } & BagAttributes)[];
  keys: ({ pkcs8: Uint8Array } & BagAttributes)[];
  info: Pkcs12Info;
}

/** An encrypted item waiting for the password: a PFX part or a shrouded key bag. */
export interface Encrypted {
  algId: Tlv;
  data: Uint8Array;
}

export interface ShroudedKey extends Encrypted {
  attrs: BagAttributes;
}

export function readSafeContents(bytes: Uint8Array, into: Pkcs12Contents, shrouded: ShroudedKey[], depth = 0): void {
  if (depth > 4) throw new Asn1Error('too-deep', 'the PFX nests its contents too deeply');
  for (const bag of children(readRoot(bytes))) {
    const [idTlv, valueWrap, attrSet] = children(bag);
    const bagId = readOid(idTlv!);
    const value = valueWrap && valueWrap.tagClass === TagClass.Context ? children(valueWrap)[0] : undefined;
    if (!value) continue;
    const attrs = attrSet ? readAttributes(attrSet) : {};
    switch (bagId) {
      case BAG.cert: {
        const [certType, certWrap] = children(value);
        if (readOid(certType!) !== OID.x509Certificate || !certWrap) break;
        // A copy: the decrypted part it sits in is zeroed after reading.
        into.certificates.push({ der: octets(children(certWrap)[0]!).slice(), ...attrs });
        break;
      }
      case BAG.key:
        into.keys.push({ pkcs8: encoding(value).slice(), ...attrs });
        break;
      case BAG.shroudedKey: {
        const [algId, data] = children(value);
        describeAlgorithm(algId!); // fail early on an unsupported cipher or iteration count
        shrouded.push({ algId: algId!, data: content(data!), attrs });
        break;
      }
      case BAG.safeContents:
        readSafeContents(encoding(value), into, shrouded, depth + 1);
        break;
      default:
        break; // CRL and secret bags are not shown
    }
  }
}

function readAttributes(set: Tlv): BagAttributes {
  const out: BagAttributes = {};
  for (const attr of children(set)) {
    const [typeTlv, values] = children(attr);
    const type = readOid(typeTlv!);
    const first = values ? children(values)[0] : undefined;
    if (!first) continue;
    if (type === OID.friendlyName) out.friendlyName = readString(first);
    else if (type === OID.localKeyId) out.localKeyId = toHex(content(first));
    else if (type === OID.msCspName) out.provider = readString(first);
  }
  return out;
}

export function profileOf(protections: Pkcs12Protection[]): Pkcs12Info['profile'] {
  if (protections.length === 0) return 'none';
  const ciphers = new Set(protections.map((p) => p.cipher));
  const all = (pred: (c: string) => boolean) => [...ciphers].every(pred);
  if (all((c) => c.startsWith('AES'))) return 'aes';
  if (all((c) => c.includes('3DES'))) return '3des';
  if (all((c) => c.includes('3DES') || c.startsWith('RC2'))) return 'rc2-3des';
  return 'mixed';
}
