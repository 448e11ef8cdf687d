// PEM: any number of `-----BEGIN X-----` blocks, with text around them ignored (OpenSSL's
// text dumps, mail signatures). Windows' certreq writes `NEW CERTIFICATE REQUEST`.
import { fromBase64 } from '../encoding/base64.js';
import { hasPemBegin, scanPem } from '../encoding/pemScan.js';

export interface PemBlock {
  label: string;
  /** null when the Base64 inside the block is damaged. */
  der: Uint8Array | null;
  /** RFC 1421 headers (Proc-Type / DEK-Info) mark OpenSSL's legacy key encryption. */
  legacyEncrypted: boolean;
}

export function hasPemBlock(text: string): boolean {
  return hasPemBegin(text);
}

export function readPemBlocks(text: string, maxBlocks = 10_000): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const span of scanPem(text, maxBlocks)) {
    const label = span.label;
    let body = span.body;
    let legacyEncrypted = false;
    // Whitespace other than a line break before the header: the same lines as /^\s*Proc-Type:/m,
    // which backtracked over every following blank line (quadratic on a body of blank lines).
    if (/^[^\S\n]*Proc-Type:/m.test(body)) {
      legacyEncrypted = /Proc-Type:\s*4,ENCRYPTED/.test(body);
      // Headers end at the first blank line.
      body = body.replace(/^[\s\S]*?\r?\n\r?\n/, '');
    }
    blocks.push({ label, der: fromBase64(body), legacyEncrypted });
  }
  return blocks;
}
