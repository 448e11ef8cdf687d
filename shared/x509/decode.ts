// The one entry point for opening a file: bytes (+ password) → DecodedDocument.
// The format is sniffed from the bytes, never the file name. Every failure is an InputError
// whose message names the file and says what to do.
import { Asn1Error } from '../asn1/der.js';
import { fromBase64 } from '../encoding/base64.js';
import { displayName } from '../encoding/displayName.js';
import { bytesEqual } from '../encoding/hex.js';
import { decodeLatin1 } from '../encoding/text.js';
import type { CertificateModel } from '../model/certificate.js';
import type { DecodedDocument, DocumentKind, Encoding, KeyInfo, Pkcs12Info } from '../model/document.js';
import { listingOf, type DocumentListing } from '../model/listing.js';
import type { RequestModel } from '../model/request.js';
import { listCertificate, parseCertificate, type ParsedCertificate } from './certificate.js';
import { InputError } from './inputError.js';
import { MAX_FILE_BYTES } from './limits.js';
import type { KeyStore } from './keyStore.js';
import { hasPemBlock, readPemBlocks } from './pem.js';
import { openPfx, Pkcs12PasswordError, type Pkcs12Contents } from './pkcs12/openPfx.js';
import { UnsupportedAlgorithm } from './pkcs12/passwordBasedEncryption.js';
import { pkcs7Certificates } from './pkcs7.js';
import { decryptPkcs8, parsePkcs8, pkcs1ToPkcs8, sec1ToPkcs8, type ParsedPrivateKey } from './privateKey.js';
import { parseRequest } from './request.js';
import { sniffDer } from './sniff.js';

export { MAX_FILE_BYTES };

export interface DecodeOptions {
  /** The name to use in messages (the path as the user gave it). */
  fileName: string;
  /** PFX / encrypted-key password. Undefined means "none given" (empty passwords are tried). */
  password?: string;
  /** Where private keys go; without a store they are discarded after matching. */
  keyStore?: KeyStore;
  /** How a PFX is opened: here by default; the app passes its pool of decryption workers. */
  openPfx?: (der: Uint8Array, password: string | undefined) => Promise<Pkcs12Contents>;
}

/** What a file holds before the certificates are parsed. */
interface Collected {
  kind: DocumentKind;
  encoding: Encoding;
  certificates: { der: Uint8Array; friendlyName?: string }[];
  requests: Uint8Array[];
  keys: (ParsedPrivateKey & { friendlyName?: string; provider?: string })[];
  lockedKeys: number;
  container?: Pkcs12Info;
  notes: string[];
}

export async function decodeDocument(bytes: Uint8Array, given: DecodeOptions): Promise<DecodedDocument> {
  const options = checkedOptions(bytes, given);
  try {
    const collected = await collect(bytes, options);
    return await build(collected, options);
  } catch (e) {
    throw toInputError(e, options.fileName);
  }
}

/**
 * What a list of open files shows of this one, for opening folders of thousands. A file that
 * holds only certificates is read by the lean listing parse; its full model is for
 * `decodeDocument` later (the same bytes give the same certificates). Any other file — a
 * PFX, a key, a request — is decoded in full, and that model is returned too, so a password
 * is never needed twice. Accepts and refuses exactly the files `decodeDocument` does.
 */
export async function listDocument(bytes: Uint8Array, given: DecodeOptions): Promise<{ listing: DocumentListing; document?: DecodedDocument }> {
  const options = checkedOptions(bytes, given);
  try {
    const collected = await collect(bytes, options);
    const certificatesOnly = collected.kind !== 'pkcs12' && collected.keys.length === 0 && collected.lockedKeys === 0 && collected.requests.length === 0;
    if (!certificatesOnly) {
      const document = await build(collected, options);
      return { listing: listingOf(document), document };
    }
    return {
      listing: { kind: collected.kind, certificates: collected.certificates.map((c) => listCertificate(c.der)), request: null, keyCount: 0, hasPrivateKey: false },
    };
  } catch (e) {
    throw toInputError(e, options.fileName);
  }
}

/** Size checks, and the file name made safe for messages (never raw control characters). */
function checkedOptions(bytes: Uint8Array, given: DecodeOptions): DecodeOptions {
  const options: DecodeOptions = { ...given, fileName: displayName(given.fileName) };
  const file = options.fileName;
  if (bytes.length === 0) throw new InputError('empty', `${file} is empty: export the certificate again.`);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError('too-large', `${file} is ${(bytes.length / 1048576).toFixed(1)} MiB, larger than any certificate file (the limit is 32 MiB): check that this is the right file.`);
  }
  return options;
}

async function collect(bytes: Uint8Array, options: DecodeOptions): Promise<Collected> {
  const file = options.fileName;
  // PEM wins wherever its marker appears: files often carry a text dump (with odd bytes) above it.
  if (indexOfAscii(bytes, '-----BEGIN ') >= 0) {
    const pem = decodeLatin1(bytes);
    if (hasPemBlock(pem)) return collectPem(pem, options);
  }
  const text = looksLikeText(bytes) ? decodeLatin1(bytes) : null;
  if (text !== null) {
    const der = fromBase64(text.replace(/^\uFEFF/, ''));
    if (!der || der.length === 0) {
      throw new InputError('not-a-certificate', `${file} is text but neither PEM nor Base64: it is not a certificate, request or PFX file.`);
    }
    const collected = await collectDer(der, options);
    collected.encoding = 'base64';
    return collected;
  }
  return collectDer(bytes, options);
}

async function collectPem(text: string, options: DecodeOptions): Promise<Collected> {
  const file = options.fileName;
  const blocks = readPemBlocks(text);
  if (blocks.length === 0) throw new InputError('truncated', `${file} has a PEM BEGIN line without its END line: the file is cut off; copy it again.`);
  const out: Collected = { kind: 'bundle', encoding: 'pem', certificates: [], requests: [], keys: [], lockedKeys: 0, notes: [] };
  let pkcs7Blocks = 0;
  for (const block of blocks) {
    if (!block.der) throw new InputError('bad-base64', `${file} has damaged Base64 inside its ${block.label} block: copy the text again, including every line.`);
    switch (block.label) {
      case 'CERTIFICATE':
      case 'X509 CERTIFICATE':
      case 'TRUSTED CERTIFICATE':
        out.certificates.push({ der: block.der });
        break;
      case 'NEW CERTIFICATE REQUEST':
      case 'CERTIFICATE REQUEST':
        out.requests.push(block.der);
        break;
      case 'PKCS7':
      case 'CMS': {
        const certs = pkcs7Certificates(block.der);
        if (certs.length === 0) out.notes.push('This PKCS#7 file holds no certificates.');
        for (const der of certs) out.certificates.push({ der });
        pkcs7Blocks++;
        break;
      }
      case 'PRIVATE KEY':
        out.keys.push(await parsePkcs8(block.der));
        break;
      case 'RSA PRIVATE KEY':
      case 'EC PRIVATE KEY':
        if (block.legacyEncrypted) {
          out.lockedKeys++;
          out.notes.push(`The ${block.label} uses OpenSSL's old PEM encryption, which CertBench does not open; convert it with "openssl pkcs8 -topk8" to match it to its certificate.`);
        } else {
          const pkcs8 = block.label === 'RSA PRIVATE KEY' ? pkcs1ToPkcs8(block.der) : sec1ToPkcs8(block.der);
          out.keys.push(await parsePkcs8(pkcs8));
        }
        break;
      case 'ENCRYPTED PRIVATE KEY': {
        if (options.password === undefined) {
          out.lockedKeys++;
          out.notes.push('The private key is encrypted: give its password to check that it belongs to the certificate.');
          break;
        }
        const pkcs8 = await decryptPkcs8(block.der, options.password);
        if (!pkcs8) throw new InputError('wrong-password', `The password for the private key in ${file} is wrong: try again.`);
        out.keys.push(await parsePkcs8(pkcs8));
        break;
      }
      default:
        out.notes.push(`A ${block.label} block was skipped: it is not a certificate, request or key.`);
    }
  }
  const only = out.certificates.length + out.requests.length + out.keys.length + out.lockedKeys + pkcs7Blocks;
  if (only === 0) throw new InputError('not-a-certificate', `${file} holds no certificate, request or key (only ${blocks.map((b) => b.label).join(', ')}).`);
  if (blocks.length === 1) {
    if (pkcs7Blocks === 1) out.kind = 'pkcs7';
    else if (out.certificates.length === 1) out.kind = 'certificate';
    else if (out.requests.length === 1) out.kind = 'request';
    else if (out.keys.length + out.lockedKeys === 1) out.kind = 'private-key';
  }
  return out;
}

async function collectDer(der: Uint8Array, options: DecodeOptions): Promise<Collected> {
  const file = options.fileName;
  const out: Collected = { kind: 'certificate', encoding: 'der', certificates: [], requests: [], keys: [], lockedKeys: 0, notes: [] };
  switch (sniffDer(der)) {
    case 'certificate':
      out.certificates.push({ der });
      return out;
    case 'request':
      out.kind = 'request';
      out.requests.push(der);
      return out;
    case 'pkcs7':
      out.kind = 'pkcs7';
      out.certificates.push(...pkcs7Certificates(der).map((d) => ({ der: d })));
      if (out.certificates.length === 0) out.notes.push('This PKCS#7 file holds no certificates.');
      return out;
    case 'pkcs12': {
      out.kind = 'pkcs12';
      const pfx = await (options.openPfx ?? openPfx)(der, options.password);
      out.container = pfx.info;
      for (const c of pfx.certificates) out.certificates.push({ der: c.der, ...(c.friendlyName ? { friendlyName: c.friendlyName } : {}) });
      for (const k of pfx.keys) {
        const parsed = await parsePkcs8(k.pkcs8);
        out.keys.push({ ...parsed, ...(k.friendlyName ? { friendlyName: k.friendlyName } : {}), ...(k.provider ? { provider: k.provider } : {}) });
      }
      return out;
    }
    case 'private-key':
      out.kind = 'private-key';
      out.keys.push(await parsePkcs8(der));
      return out;
    case 'encrypted-private-key': {
      out.kind = 'private-key';
      if (options.password === undefined) {
        out.lockedKeys++;
        out.notes.push('The private key is encrypted: give its password to open it.');
        return out;
      }
      const pkcs8 = await decryptPkcs8(der, options.password);
      if (!pkcs8) throw new InputError('wrong-password', `The password for the private key in ${file} is wrong: try again.`);
      out.keys.push(await parsePkcs8(pkcs8));
      return out;
    }
    default:
      throw new InputError('not-a-certificate', `${file} is not a certificate, certificate request, P7B or PFX file: check that you picked the right file.`);
  }
}

async function build(c: Collected, options: DecodeOptions): Promise<DecodedDocument> {
  const parsed: ParsedCertificate[] = await Promise.all(c.certificates.map((x) => parseCertificate(x.der)));
  const certificates: CertificateModel[] = parsed.map((p, i) => {
    const friendlyName = c.certificates[i]!.friendlyName;
    return friendlyName ? { ...p.model, friendlyName } : p.model;
  });
  const requests: RequestModel[] = [];
  for (const r of c.requests) requests.push((await parseRequest(r)).model);
  if (requests.length > 1) c.notes.push(`This file holds ${requests.length} requests; only the first is shown.`);

  const keys: KeyInfo[] = c.keys.map((k) => {
    const index = k.publicMaterial ? parsed.findIndex((p) => bytesEqual(p.publicKey.keyMaterial, k.publicMaterial!)) : -1;
    if (index >= 0) certificates[index] = { ...certificates[index]!, hasPrivateKey: true };
    const info: KeyInfo = {
      algorithm: k.algorithm,
      size: k.size,
      ...(k.curve ? { curve: k.curve } : {}),
      certificateIndex: index >= 0 ? index : null,
      ...(k.friendlyName ? { friendlyName: k.friendlyName } : {}),
      ...(k.provider ? { provider: k.provider } : {}),
    };
    if (options.keyStore) {
      info.id = options.keyStore.put(k.pkcs8, {
        algorithm: k.algorithm,
        ...(index >= 0 ? { spkiSha256: certificates[index]!.publicKey.spkiSha256 } : {}),
      });
    }
    k.pkcs8.fill(0);
    return info;
  });
  for (let i = 0; i < c.lockedKeys; i++) keys.push({ algorithm: 'unknown', size: 0, certificateIndex: null, locked: true });
  if (keys.some((k) => k.certificateIndex === null && !k.locked) && certificates.length > 0) {
    c.notes.push('A private key in this file matches none of its certificates.');
  }
  return {
    kind: c.kind,
    encoding: c.encoding,
    certificates,
    ...(requests[0] ? { request: requests[0] } : {}),
    keys,
    ...(c.container ? { container: c.container } : {}),
    hasPrivateKey: certificates.some((x) => x.hasPrivateKey),
    notes: c.notes,
  };
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Printable ASCII / UTF-8 text (PEM, Base64) as opposed to binary DER. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  for (let i = start; i < n; i++) {
    const b = bytes[i]!;
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127)) continue;
    return false;
  }
  return true;
}

function toInputError(e: unknown, file: string): InputError {
  if (e instanceof InputError) return e;
  if (e instanceof Pkcs12PasswordError) {
    return e.reason === 'wrong'
      ? new InputError('wrong-password', `The password for ${file} is wrong: try again with the password chosen when the PFX was exported.`)
      : new InputError('password-required', `${file} is protected by a password: give its password to open it.`);
  }
  if (e instanceof UnsupportedAlgorithm) {
    return new InputError('unsupported', `${file} uses ${e.message}, which CertBench cannot open: export it again as PFX with AES-256 or TripleDES.`);
  }
  if (e instanceof Asn1Error) {
    switch (e.kind) {
      case 'truncated':
        return new InputError('truncated', `${file} is cut off (${e.message}): copy or export the file again.`);
      case 'too-deep':
        return new InputError('too-deep', `${file} nests its structures deeper than any certificate file: it was not opened.`);
      case 'too-many':
        return new InputError('malformed', `${file} holds more elements than any certificate file: it was not opened.`);
      default:
        return new InputError('malformed', `${file} is damaged or not a certificate file (${e.message}): export it again.`);
    }
  }
  // Anything else is a structure the walker did not expect on hostile input: still one clear
  // sentence, never a stack (and never an internal message like "reading 'constructed'").
  return new InputError('malformed', `${file} is damaged or is not a certificate, request, P7B or PFX file: export it again.`);
}
