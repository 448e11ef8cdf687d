// Saved shell output as bytes → text. Windows PowerShell 5.1's `>` and Out-File write UTF-16LE
// with a byte order mark; PowerShell 7, editors and mail clients write UTF-8 (with or without
// a BOM). Without a BOM, NUL bytes in every other position give UTF-16 away.

export function decodeServerOutput(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const sample = bytes.subarray(0, 4096);
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddNuls++;
    else evenNuls++;
  }
  const half = sample.length / 2;
  if (half >= 8 && oddNuls > half * 0.6) return new TextDecoder('utf-16le').decode(bytes);
  if (half >= 8 && evenNuls > half * 0.6) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
