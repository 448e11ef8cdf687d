// Format-Table output other than Get-ExchangeCertificate's (e.g. Get-ExchangeServer's default
// `Name Site ServerRole Edition AdminDisplayVersion`; no verbatim sample was found, so this is
// tolerant): a header, a rule of dashes under each header name, rows. Text columns are
// left-aligned under their header, so each column runs from its dash run to the next one.
// Rows become records named by the header, read by the same code as Format-List.
import { newRecord, setField, type PsRecord } from '../types.js';
import type { PasteLine } from './cleanPaste.js';

const RULE = /^\s*-{2,}(?:\s+-{2,})*\s*$/;

/** `lines[i]` is a table header: the next line is a rule whose dash runs sit under its words. */
export function isColumnTableHeader(lines: PasteLine[], i: number): boolean {
  const header = lines[i]?.text;
  const rule = lines[i + 1]?.text;
  if (!header || !rule || !RULE.test(rule)) return false;
  const runs = dashRuns(rule);
  return runs.length >= 2 && runs.every((r) => /^[A-Za-z][A-Za-z0-9]*$/.test(header.slice(r.start, r.end).trim()));
}

/** Read the table whose header is `lines[0]` (rule on `lines[1]`) until a blank line. */
export function readColumnTable(lines: PasteLine[]): { records: PsRecord[]; used: number } {
  if (!isColumnTableHeader(lines, 0)) return { records: [], used: Math.min(lines.length, 1) };
  const runs = dashRuns(lines[1]!.text);
  const names = runs.map((r) => lines[0]!.text.slice(r.start, r.end).trim());
  const records: PsRecord[] = [];
  let i = 2;
  for (; i < lines.length && lines[i]!.text.trim() !== ''; i++) {
    const row = lines[i]!.text;
    const record = newRecord([], lines[i]!.line);
    runs.forEach((r, k) => {
      const end = k + 1 < runs.length ? runs[k + 1]!.start : row.length;
      setField(record, names[k]!, row.slice(r.start, end).trim());
    });
    records.push(record);
  }
  return { records, used: i };
}

function dashRuns(rule: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  const re = /-+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rule)) !== null) runs.push({ start: m.index, end: m.index + m[0].length });
  return runs;
}
