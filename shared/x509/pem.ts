// PEM: any number of `-----BEGIN X-----` blocks, with text around them ignored (OpenSSL's
// text dumps, mail signatures). Windows' certreq writes `NEW CERTIFICATE REQUEST`.
import { fromBase64 } from '../encoding/base64.js';

export interface PemBlock {
  label: string;
  /** null when the Base64 inside the block is damaged. */
  der: Uint8Array | null;
  /** RFC 1421 headers (Proc-Type / DEK-Info) mark OpenSSL's legacy key encryption. */
  legacyEncrypted: boolean;
}

const BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;

export function hasPemBlock(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #]+-----/.test(text);
}

export function readPemBlocks(text: string, maxBlocks = 10_000): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    if (blocks.length >= maxBlocks) break;
    const label = m[1]!;
    let body = m[2]!;
    let legacyEncrypted = false;
    if (/^\s*Proc-Type:/m.test(body)) {
      legacyEncrypted = /Proc-Type:\s*4,ENCRYPTED/.test(body);
      // Headers end at the first blank line.
      body = body.replace(/^[\s\S]*?\r?\n\r?\n/, '');
    }
    blocks.push({ label, der: fromBase64(body), legacyEncrypted });
  }
  return blocks;
}
