// One prompt section cut into what reads it: a certutil dump, Get-ExchangeCertificate's table,
// another Format-Table (read by column), and Format-List runs between them.
import { looksLikeCertutil } from './certutil.js';
import type { PasteLine } from './cleanPaste.js';
import { isColumnTableHeader, readColumnTable } from './columnTable.js';
import { isCertificateTableHeader } from './exchangeCertificateTable.js';
import { isKeyLine } from './formatList.js';

export type PieceStyle = 'list' | 'table' | 'certutil' | 'columns';

/** Cut a section into a table, certutil blocks and Format-List runs. */
export function piecesOf(lines: PasteLine[], cmdlet: string | null): { style: PieceStyle; lines: PasteLine[] }[] {
  if (/^certutil$/i.test(cmdlet ?? '') || looksLikeCertutil(lines.map((l) => l.text).join('\n'))) return [{ style: 'certutil', lines }];
  const pieces: { style: PieceStyle; lines: PasteLine[] }[] = [];
  let run: PasteLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCertificateTableHeader(lines[i]!.text) && isColumnTableHeader(lines, i)) {
      if (run.length) pieces.push({ style: 'list', lines: run });
      run = [];
      const { used } = readColumnTable(lines.slice(i));
      pieces.push({ style: 'columns', lines: lines.slice(i, i + used) });
      i += used - 1;
      continue;
    }
    if (!isCertificateTableHeader(lines[i]!.text)) {
      run.push(lines[i]!);
      continue;
    }
    if (run.length) pieces.push({ style: 'list', lines: run });
    run = [];
    let j = i + 1;
    let rows = 0;
    for (; j < lines.length; j++) {
      const t = lines[j]!.text;
      if (t === '') {
        if (rows > 0) break;
        continue;
      }
      if (isKeyLine(t) || isCertificateTableHeader(t)) break;
      if (!/^[\s-]+$/.test(t)) rows++;
    }
    pieces.push({ style: 'table', lines: lines.slice(i, j) });
    i = j - 1;
  }
  if (run.length) pieces.push({ style: 'list', lines: run });
  return pieces;
}
