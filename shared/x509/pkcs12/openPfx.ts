// Open a PFX / P12 (RFC 7292): check the MAC, decrypt the encrypted parts, collect the
// certificate bags and key bags with their friendly names, local key ids and Windows CSP.
//
// Bounded work, in this order: the whole file's key derivations are added up from its structure
// and refused above the per-file cap before any runs (workBudget.ts); the MAC is checked next,
// so a wrong or missing password is answered after one KDF; only then is anything decrypted
// with it. A file without a MAC has its first part decrypted alone: a padding failure there is
// the wrong password, again after one KDF.
//
// Speed: when a password is given, the native PBKDF2 decryptions (WebCrypto's thread pool) are
// started while the MAC's PKCS#12 KDF runs in JavaScript, and their results are used only if
// the MAC matches — bounded by the same per-file cap, so a wrong password wastes at most that.
import { Asn1Error, TAG, children, octets, readRoot } from '../../asn1/der.js';
import { readOid } from '../../asn1/values.js';
import { bmpPassword, encodeUtf8 } from '../../encoding/text.js';
import { OID } from '../oidNames.js';
import { macMatches, readMacData, type MacData } from './mac.js';
import { decrypt, derivationRounds, derivedNatively, describeAlgorithm, UnsupportedAlgorithm, type Decrypted, type PasswordForms } from './passwordBasedEncryption.js';
import { profileOf, readSafeContents, type Encrypted, type Pkcs12Contents, type ShroudedKey } from './safeContents.js';
import { WorkBudget } from './workBudget.js';

export type { BagAttributes, Pkcs12Contents } from './safeContents.js';

import { Pkcs12PasswordError } from './errors.js';
export { Pkcs12PasswordError } from './errors.js';

/**
 * "No password" has two byte forms: the empty BMPString with its terminator (OpenSSL 3, current
 * Windows) and zero bytes (some older Windows exports). The second costs another KDF, so it is
 * tried only where that KDF is cheap — the ~2,000 iterations those exports use.
 */
const SECOND_FORM_MAX_ITERATIONS = 10_000;

type Outcome = { value: Decrypted } | { error: unknown };

export async function openPfx(der: Uint8Array, password: string | undefined): Promise<Pkcs12Contents> {
  const pw = password ?? '';
  const primary: PasswordForms = { bmp: bmpPassword(pw), utf8: encodeUtf8(pw) };
  const alternate: PasswordForms | null = pw === '' ? { bmp: new Uint8Array(), utf8: new Uint8Array() } : null;
  try {
    return await openWith(der, password, primary, alternate);
  } finally {
    // The password's byte forms are ours to zero (the JS string is not).
    primary.bmp.fill(0);
    primary.utf8.fill(0);
  }
}

interface Structure {
  result: Pkcs12Contents;
  parts: Encrypted[];
  plainKeys: ShroudedKey[];
  mac: MacData | null;
  authSafeBytes: Uint8Array;
}

/**
 * Everything that can be known without the password: plain parts read, encrypted ones listed,
 * each one's derivation work added to the budget as it is found.
 */
function readStructure(der: Uint8Array, budget: WorkBudget): Structure {
  const root = readRoot(der);
  const [versionTlv, authSafe, macTlv] = children(root);
  if (!versionTlv || !authSafe || versionTlv.tagNumber !== TAG.INTEGER) throw new Asn1Error('malformed', 'the PFX header is damaged');
  const [typeTlv, wrapped] = children(authSafe);
  const type = readOid(typeTlv!);
  if (type === OID.signedData) throw new UnsupportedAlgorithm('public-key integrity mode (a signed PFX)');
  if (type !== OID.data || !wrapped) throw new Asn1Error('malformed', 'the PFX content is not data');
  const authSafeBytes = octets(children(wrapped)[0]!);
  const mac = macTlv ? readMacData(macTlv) : null;
  if (mac) budget.addMac(mac.iterations);

  const result: Pkcs12Contents = { certificates: [], keys: [], info: { mac: 'none', macIterations: 0, protections: [], profile: 'none' } };
  const parts: Encrypted[] = [];
  const plainKeys: ShroudedKey[] = [];
  for (const ci of children(readRoot(authSafeBytes))) {
    const [ciType, ciWrapped] = children(ci);
    const ciOid = readOid(ciType!);
    if (ciOid === OID.data) {
      const before = plainKeys.length;
      readSafeContents(octets(children(ciWrapped!)[0]!), result, plainKeys);
      for (const key of plainKeys.slice(before)) budget.addEncrypted(derivationRounds(key.algId));
    } else if (ciOid === OID.encryptedData) {
      const eci = children(children(ciWrapped!)[0]!)[1]!;
      const [, algId, encContent] = children(eci);
      if (!algId || !encContent) continue;
      budget.addEncrypted(derivationRounds(algId)); // also refuses an unsupported cipher or count
      parts.push({ algId, data: octets(encContent) });
    } else if (ciOid === OID.envelopedData) {
      throw new UnsupportedAlgorithm('public-key privacy mode (an enveloped PFX)');
    }
    budget.check();
  }
  if (mac) {
    result.info.mac = `HMAC-${mac.hash.replace('-', '')}`;
    result.info.macIterations = mac.iterations;
  }
  return { result, parts, plainKeys, mac, authSafeBytes };
}

async function openWith(der: Uint8Array, password: string | undefined, primary: PasswordForms, alternate: PasswordForms | null): Promise<Pkcs12Contents> {
  const budget = new WorkBudget();
  const { result, parts, plainKeys, mac, authSafeBytes } = readStructure(der, budget);

  const passwordError = () => new Pkcs12PasswordError(password === undefined ? 'required' : 'wrong');
  // Decryptions already running or done, for the password form in `forms`.
  const started = new Map<Encrypted, Promise<Outcome>>();
  let forms = primary;
  if (mac) {
    if (!alternate) {
      for (const item of [...parts, ...plainKeys]) {
        if (derivedNatively(item.algId)) started.set(item, settled(decrypt(item.algId, item.data, primary)));
      }
      // Let the native derivations reach the thread pool before the MAC loop holds this thread.
      if (started.size > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    let matched: PasswordForms | null = null;
    if (await macMatches(mac, primary.bmp, authSafeBytes)) matched = primary;
    else if (alternate && mac.iterations <= SECOND_FORM_MAX_ITERATIONS && (await macMatches(mac, alternate.bmp, authSafeBytes))) matched = alternate;
    if (!matched) {
      discard(started.values());
      throw passwordError();
    }
    forms = matched;
  } else {
    const first = parts[0] ?? plainKeys[0];
    if (first) {
      let outcome = await settled(decrypt(first.algId, first.data, primary));
      // PBKDF2 takes the UTF-8 form, which is empty either way: only PBES1 has a second form.
      if (wrongKey(outcome) && alternate && !derivedNatively(first.algId) && describeAlgorithm(first.algId).iterations <= SECOND_FORM_MAX_ITERATIONS) {
        const second = await settled(decrypt(first.algId, first.data, alternate));
        if (!wrongKey(second)) {
          outcome = second;
          forms = alternate;
        }
      }
      if ('error' in outcome) throw outcome.error;
      if (wrongKey(outcome)) throw passwordError();
      started.set(first, Promise.resolve(outcome));
    }
  }
  const run = (item: Encrypted): Promise<Outcome> => {
    let p = started.get(item);
    if (!p) started.set(item, (p = settled(decrypt(item.algId, item.data, forms))));
    return p;
  };
  const wrongOrDamaged = () =>
    mac ? new Asn1Error('malformed', 'an encrypted part does not decrypt although the password is right (the file is damaged)') : passwordError();

  // Decrypted parts can hold a key bag in the clear (copied out) and still-encrypted key bags;
  // they are zeroed once read, whatever happens. Certificates are copied out of them. A decrypted
  // key is handed on: the KeyStore owns it and zeroes it on close.
  const plaintexts: Uint8Array[] = [];
  const handedOn = new Set<Uint8Array>();
  try {
    const shrouded: ShroudedKey[] = [];
    for (const outcome of await Promise.all(parts.map(run))) {
      const plaintext = plaintextOf(outcome, wrongOrDamaged);
      plaintexts.push(plaintext);
      const before = result.certificates.length;
      readSafeContents(plaintext, result, shrouded);
      result.info.protections.push({ part: result.certificates.length > before ? 'certificates' : 'key', ...(outcome as { value: Decrypted }).value.protection });
    }
    // Key bags that sat inside encrypted parts are known only now: the same per-file budget.
    for (const key of shrouded) budget.addEncrypted(derivationRounds(key.algId));
    budget.check();
    const keyItems = [...plainKeys, ...shrouded];
    const keyOutcomes = await Promise.all(keyItems.map(run));
    keyOutcomes.forEach((outcome, i) => {
      const pkcs8 = plaintextOf(outcome, wrongOrDamaged);
      handedOn.add(pkcs8);
      result.keys.push({ pkcs8, ...keyItems[i]!.attrs });
      result.info.protections.push({ part: 'key', ...(outcome as { value: Decrypted }).value.protection });
    });
    result.info.profile = profileOf(result.info.protections);
    return result;
  } catch (error) {
    for (const key of handedOn) key.fill(0);
    throw error;
  } finally {
    for (const plaintext of plaintexts) plaintext.fill(0);
    discard([...started.values()], handedOn);
  }
}

function plaintextOf(outcome: Outcome, wrongOrDamaged: () => Error): Uint8Array {
  if ('error' in outcome) throw outcome.error;
  if (!outcome.value.plaintext) throw wrongOrDamaged();
  return outcome.value.plaintext;
}

/** A decryption whose padding failed: the wrong key, so the wrong password. */
function wrongKey(outcome: Outcome): boolean {
  return 'value' in outcome && outcome.value.plaintext === null;
}

/** Zero what decryptions that are not used produce, whenever they finish. */
function discard(outcomes: Iterable<Promise<Outcome>>, keep: ReadonlySet<Uint8Array> = new Set()): void {
  for (const p of outcomes) {
    void p.then((o) => {
      if ('value' in o && o.value.plaintext && !keep.has(o.value.plaintext)) o.value.plaintext.fill(0);
    });
  }
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
