// Open a PFX / P12 (RFC 7292): check the MAC, decrypt the encrypted parts, collect the
// certificate bags and key bags with their friendly names, local key ids and Windows CSP.
//
// Speed: the MAC's PKCS#12 KDF runs in JavaScript while the PBKDF2 derivations for the
// encrypted parts run natively on WebCrypto's thread pool, so they are started first and
// overlap — a 600,000-iteration PFX opens about as fast as OpenSSL opens it.
import { Asn1Error, TAG, TagClass, children, content, encoding, octets, readRoot, type Tlv } from '../../asn1/der.js';
import { readOid, readString } from '../../asn1/values.js';
import { toHex } from '../../encoding/hex.js';
import { bmpPassword, encodeUtf8 } from '../../encoding/text.js';
import type { Pkcs12Info, Pkcs12Protection } from '../../model/document.js';
import { OID } from '../oidNames.js';
import { macMatches, readMacData } from './mac.js';
import { decrypt, describeAlgorithm, UnsupportedAlgorithm, type Decrypted, type PasswordForms } from './passwordBasedEncryption.js';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  crl: '1.2.840.113549.1.12.10.1.4',
  secret: '1.2.840.113549.1.12.10.1.5',
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

export class Pkcs12PasswordError extends Error {
  override readonly name = 'Pkcs12PasswordError';
  constructor(readonly reason: 'wrong' | 'required') {
    super(reason === 'wrong' ? 'wrong password' : 'password required');
  }
}

interface PendingPart {
  algId: Tlv;
  data: Uint8Array;
}

export async function openPfx(der: Uint8Array, password: string | undefined): Promise<Pkcs12Contents> {
  const pw = password ?? '';
  const primary: PasswordForms = { bmp: bmpPassword(pw), utf8: encodeUtf8(pw) };
  // Some Windows exports treat "no password" as a zero-length password without the terminator.
  const alternate: PasswordForms | null = pw === '' ? { bmp: new Uint8Array(), utf8: new Uint8Array() } : null;
  try {
    return await openWith(der, password, primary, alternate);
  } finally {
    // The password's byte forms are ours to zero (the JS string is not).
    primary.bmp.fill(0);
    primary.utf8.fill(0);
  }
}

async function openWith(der: Uint8Array, password: string | undefined, primary: PasswordForms, alternate: PasswordForms | null): Promise<Pkcs12Contents> {
  const root = readRoot(der);
  const [versionTlv, authSafe, macTlv] = children(root);
  if (!versionTlv || !authSafe || versionTlv.tagNumber !== TAG.INTEGER) throw new Asn1Error('malformed', 'the PFX header is damaged');
  const [typeTlv, wrapped] = children(authSafe);
  const type = readOid(typeTlv!);
  if (type === OID.signedData) throw new UnsupportedAlgorithm('public-key integrity mode (a signed PFX)');
  if (type !== OID.data || !wrapped) throw new Asn1Error('malformed', 'the PFX content is not data');
  const authSafeBytes = octets(children(wrapped)[0]!);
  const contentInfos = children(readRoot(authSafeBytes));

  // Plain parts are read directly; encrypted ones are queued for decryption.
  const result: Pkcs12Contents = { certificates: [], keys: [], info: { mac: 'none', macIterations: 0, protections: [], profile: 'none' } };
  const pending: PendingPart[] = [];
  const shrouded: { algId: Tlv; data: Uint8Array; attrs: BagAttributes }[] = [];
  for (const ci of contentInfos) {
    const [ciType, ciWrapped] = children(ci);
    const ciOid = readOid(ciType!);
    if (ciOid === OID.data) {
      readSafeContents(octets(children(ciWrapped!)[0]!), result, shrouded, 0);
    } else if (ciOid === OID.encryptedData) {
      const encData = children(ciWrapped!)[0]!;
      const eci = children(encData)[1]!;
      const [, algId, encContent] = children(eci);
      if (!algId || !encContent) continue;
      pending.push({ algId, data: octets(encContent) });
    } else if (ciOid === OID.envelopedData) {
      throw new UnsupportedAlgorithm('public-key privacy mode (an enveloped PFX)');
    }
  }

  // Read the MAC first: a refused iteration count costs nothing then.
  const mac = macTlv ? readMacData(macTlv) : null;

  // Start the native PBKDF2 work (encrypted parts, and key bags already in plain parts)
  // before the JavaScript MAC loop occupies this thread.
  const plainKeyBags = shrouded.splice(0);
  const start = (forms: PasswordForms) => ({
    parts: pending.map((p) => settled(decrypt(p.algId, p.data, forms))),
    keys: plainKeyBags.map((k) => settled(decrypt(k.algId, k.data, forms))),
  });
  let work = start(primary);
  await new Promise((resolve) => setTimeout(resolve, 0));

  let forms = primary;
  if (mac) {
    result.info.mac = `HMAC-${mac.hash.replace('-', '')}`;
    result.info.macIterations = mac.iterations;
    let matched: PasswordForms | null = null;
    if (!alternate) {
      if (await macMatches(mac, primary.bmp, authSafeBytes)) matched = primary;
    } else {
      // No password (or an empty one) has two byte forms, and each MAC check is a full KDF run.
      // A decryption that fails its padding proves a form wrong at the cost of a (native)
      // PBKDF2, so the MAC runs only for a form that is still possible: once, not twice, when
      // the file needs a password that was not given.
      for (const candidate of [primary, alternate]) {
        const candidateWork = candidate === primary ? work : start(candidate);
        if (await provedWrong(candidateWork)) continue;
        if (await macMatches(mac, candidate.bmp, authSafeBytes)) {
          matched = candidate;
          work = candidateWork;
          break;
        }
      }
    }
    // The decryptions already started are settled promises: dropping them is safe.
    if (!matched) throw new Pkcs12PasswordError(password === undefined ? 'required' : 'wrong');
    forms = matched;
  }
  const wrongOrDamaged = () =>
    mac
      ? new Asn1Error('malformed', 'an encrypted part does not decrypt although the password is right (the file is damaged)')
      : new Pkcs12PasswordError(password === undefined ? 'required' : 'wrong');

  // Decrypted parts can hold a key bag in the clear (copied out below) and the still-encrypted
  // key bags; they are zeroed once read, whatever happens. Certificates are copied out of them.
  const plaintexts: Uint8Array[] = [];
  try {
    for (const outcome of await Promise.all(work.parts)) {
      if ('error' in outcome) throw outcome.error;
      const d = outcome.value;
      if (!d.plaintext) throw wrongOrDamaged();
      plaintexts.push(d.plaintext);
      const before = result.certificates.length;
      readSafeContents(d.plaintext, result, shrouded, 0);
      result.info.protections.push({ part: result.certificates.length > before ? 'certificates' : 'key', ...d.protection });
    }

    // Key bags that sat inside encrypted parts are only known now.
    const keyOutcomes = [
      ...(await Promise.all(work.keys)).map((o, i) => ({ o, attrs: plainKeyBags[i]!.attrs })),
      ...(await Promise.all(shrouded.map((k) => settled(decrypt(k.algId, k.data, forms))))).map((o, i) => ({ o, attrs: shrouded[i]!.attrs })),
    ];
    for (const { o, attrs } of keyOutcomes) {
      if ('error' in o) throw o.error;
      if (!o.value.plaintext) throw wrongOrDamaged();
      // The decrypted PKCS#8 itself is handed on: the KeyStore owns it and zeroes it on close.
      result.keys.push({ pkcs8: o.value.plaintext, ...attrs });
      result.info.protections.push({ part: 'key', ...o.value.protection });
    }
    result.info.profile = profileOf(result.info.protections);
    return result;
  } finally {
    for (const plaintext of plaintexts) plaintext.fill(0);
  }
}

/** Did the first decryption of this password form fail its padding (a wrong password, for certain)? */
async function provedWrong(work: { parts: Promise<{ value: Decrypted } | { error: unknown }>[]; keys: Promise<{ value: Decrypted } | { error: unknown }>[] }): Promise<boolean> {
  const first = work.parts[0] ?? work.keys[0];
  if (!first) return false;
  const outcome = await first;
  return 'value' in outcome && outcome.value.plaintext === null;
}

/**
 * Observe a promise at once so that a rejection while other work runs is never reported as
 * "unhandled"; the caller rethrows it when it gets to the result.
 */
function settled<T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

function readSafeContents(
  bytes: Uint8Array,
  into: Pkcs12Contents,
  shrouded: { algId: Tlv; data: Uint8Array; attrs: BagAttributes }[],
  depth: number,
): void {
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
        describeAlgorithm(algId!); // fail early on an unsupported cipher
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

function profileOf(protections: Pkcs12Protection[]): Pkcs12Info['profile'] {
  if (protections.length === 0) return 'none';
  const ciphers = new Set(protections.map((p) => p.cipher));
  const all = (pred: (c: string) => boolean) => [...ciphers].every(pred);
  if (all((c) => c.startsWith('AES'))) return 'aes';
  if (all((c) => c.includes('3DES'))) return '3des';
  if (all((c) => c.includes('3DES') || c.startsWith('RC2'))) return 'rc2-3des';
  return 'mixed';
}
