// What a file holds, before its certificates are parsed: the format sniffed from the bytes
// (never the file name) — PEM blocks, bare Base64, or DER (certificate, request, P7B, PFX,
// PKCS#8 key) — with the certificates, requests and keys found in it.
import { fromBase64 } from '../encoding/base64.js';
import { decodeLatin1 } from '../encoding/text.js';
import type { DocumentKind, Encoding, Pkcs12Info } from '../model/document.js';
import { InputError } from './inputError.js';
import type { DecodeOptions } from './decode.js';
import { hasPemBlock, readPemBlocks } from './pem.js';
import { pkcs7Certificates } from './pkcs7.js';
import type { ParsedPrivateKey } from './privateKey.js';
import { sniffDer } from './sniff.js';

// The key and PFX readers are loaded the first time a file needs them: opening certificates
// never pays for their code (with the SHA-2, PKCS#12 KDF and cipher code behind them, more
// than half of what `certbench inspect` would otherwise load and compile at start-up).
const keyReader = () => import('./privateKey.js');
const pfxReader = async () => (await import('./pkcs12/openPfx.js')).openPfx;

/** What a file holds before the certificates are parsed. */
export interface Collected {
  kind: DocumentKind;
  encoding: Encoding;
  certificates: { der: Uint8Array; friendlyName?: string }[];
  requests: Uint8Array[];
  keys: (ParsedPrivateKey & { friendlyName?: string; provider?: string })[];
  lockedKeys: number;
  container?: Pkcs12Info;
  notes: string[];
}

export async function collect(bytes: Uint8Array, options: DecodeOptions): Promise<Collected> {
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
        out.keys.push(await (await keyReader()).parsePkcs8(block.der));
        break;
      case 'RSA PRIVATE KEY':
      case 'EC PRIVATE KEY':
        if (block.legacyEncrypted) {
          out.lockedKeys++;
          out.notes.push(`The ${block.label} uses OpenSSL's old PEM encryption, which CertBench does not open; convert it with "openssl pkcs8 -topk8" to match it to its certificate.`);
        } else {
          const { parsePkcs8, pkcs1ToPkcs8, sec1ToPkcs8 } = await keyReader();
          const pkcs8 = await (block.label === 'RSA PRIVATE KEY' ? pkcs1ToPkcs8(block.der) : sec1ToPkcs8(block.der));
          out.keys.push(await parsePkcs8(pkcs8));
        }
        break;
      case 'ENCRYPTED PRIVATE KEY': {
        if (options.password === undefined) {
          out.lockedKeys++;
          out.notes.push('The private key is encrypted: give its password to check that it belongs to the certificate.');
          break;
        }
        const { decryptPkcs8, parsePkcs8 } = await keyReader();
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
      const pfx = await (options.openPfx ?? (await pfxReader()))(der, options.password);
      out.container = pfx.info;
      for (const c of pfx.certificates) out.certificates.push({ der: c.der, ...(c.friendlyName ? { friendlyName: c.friendlyName } : {}) });
      const { parsePkcs8 } = await keyReader();
      for (const k of pfx.keys) {
        const parsed = await parsePkcs8(k.pkcs8);
        out.keys.push({ ...parsed, ...(k.friendlyName ? { friendlyName: k.friendlyName } : {}), ...(k.provider ? { provider: k.provider } : {}) });
      }
      return out;
    }
    case 'private-key':
      out.kind = 'private-key';
      out.keys.push(await (await keyReader()).parsePkcs8(der));
      return out;
    case 'encrypted-private-key': {
      out.kind = 'private-key';
      if (options.password === undefined) {
        out.lockedKeys++;
        out.notes.push('The private key is encrypted: give its password to open it.');
        return out;
      }
      const { decryptPkcs8, parsePkcs8 } = await keyReader();
      const pkcs8 = await decryptPkcs8(der, options.password);
      if (!pkcs8) throw new InputError('wrong-password', `The password for the private key in ${file} is wrong: try again.`);
      out.keys.push(await parsePkcs8(pkcs8));
      return out;
    }
    default:
      throw new InputError('not-a-certificate', `${file} is not a certificate, certificate request, P7B or PFX file: check that you picked the right file.`);
  }
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

