// PEM armour (RFC 7468) for what the request designer writes, and its blocks read back through
// the decoder's one PEM reader (x509/pem.ts, on the linear scanner encoding/pemScan.ts).
import { toPem as armour } from '../encoding/base64.js';
import { readPemBlocks } from '../x509/pem.js';

/** `-----BEGIN LABEL-----`, Base64 in 64-character lines, `-----END LABEL-----`, final newline. */
export function toPem(label: string, der: Uint8Array): string {
  return armour(label, der);
}

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

/**
 * Every PEM block in `text`, in order. A block with RFC 1421 headers (Proc-Type …) or damaged
 * Base64 comes back empty with the label saying so: refused by the caller.
 */
export function pemBlocks(text: string): PemBlock[] {
  return readPemBlocks(text).map(({ label, der, legacyEncrypted }) =>
    legacyEncrypted ? { label: `${label} (with headers)`, der: new Uint8Array() } : der ? { label, der } : { label: `${label} (bad Base64)`, der: new Uint8Array() },
  );
}
