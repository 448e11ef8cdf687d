// Which opened bytes might be estate input (a snapshot or server output) rather than a
// certificate: the text of the file, or null for DER and anything binary, so a folder of
// 5,000 DER certificates pays one byte comparison per file. The core then says what the text is.
import { decodeLatin1 } from '../../shared/encoding/text.js';

/** PEM armour: such text is a certificate file unless the core recognises it as server output
 * (`Get-ExchangeCertificate | fl *` prints a pending request's PEM in CertificateRequest). */
export const PEM_MARK = '-----BEGIN ';

function decode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', skip: number): string {
  return new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(skip));
}

/** UTF-8, else Latin-1 (cmd's `certutil -store my > file.txt` writes the console's code page), as the CLI reads them. */
function utf8OrLatin1(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeLatin1(bytes);
  }
}

/**
 * The bytes as text when they could be a snapshot or what a shell printed (UTF-8, or UTF-16 as
 * Windows PowerShell's Out-File and Export-Clixml write it); null when they are DER (a
 * SEQUENCE) or not text at all.
 */
export function estateText(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  const b0 = bytes[0]!;
  const b1 = bytes[1];
  let text: string;
  if (b0 === 0xff && b1 === 0xfe) text = decode(bytes, 'utf-16le', 2);
  else if (b0 === 0xfe && b1 === 0xff) text = decode(bytes, 'utf-16be', 2);
  else if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) text = decode(bytes, 'utf-8', 3);
  else if (b0 === 0x30) return null;
  else if (bytes.length > 3 && b1 === 0 && bytes[3] === 0 && b0 >= 0x09 && b0 < 0x80) text = decode(bytes, 'utf-16le', 0);
  else {
    // Control bytes in the head mean binary, not text someone could have printed.
    const head = Math.min(bytes.length, 2048);
    for (let i = 0; i < head; i++) {
      const b = bytes[i]!;
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return null;
    }
    text = utf8OrLatin1(bytes);
  }
  return text;
}
