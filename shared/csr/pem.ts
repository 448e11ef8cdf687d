// PEM armour (RFC 7468) for what the request designer writes and reads.
import { fromBase64, toPem as armour } from '../encoding/base64.js';
import { scanPem } from '../encoding/pemScan.js';

/** `-----BEGIN LABEL-----`, Base64 in 64-character lines, `-----END LABEL-----`, final newline. */
export function toPem(label: string, der: Uint8Array): string {
  return armour(label, der);
}

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

/** Every PEM block in `text`, in order. Headers (Proc-Type …) make a block unreadable: refused by the caller. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const { label, body } of scanPem(text)) {
    if (body.includes(':')) {
      blocks.push({ label: `${label} (with headers)`, der: new Uint8Array() });
      continue;
    }
    const der = fromBase64(body);
    blocks.push(der ? { label, der } : { label: `${label} (bad Base64)`, der: new Uint8Array() });
  }
  return blocks;
}
