// Get-ExchangeCertificate's default table: `Thumbprint  Services  Subject`, or `Thumbprint
// Subject` through remote PowerShell (Import-PSSession drops the Services column), or only
// the header when the cmdlet returned nothing (an expired Auth certificate can cause that).
// Rows become records with the same property names Format-List uses.
import { newRecord, setField, type PsRecord } from '../types.js';
import type { PasteLine } from './cleanPaste.js';

const HEADER = /^\s*Thumbprint\s+(Services\s+)?Subject\s*$/i;
const RULE = /^[\s-]+$/;
/** ServicesStringForm: one position per service, `.` when not bound; 6 or 7 positions. */
export const SERVICES_STRING = /^[IPUWSFC.]{6,7}$/;

export interface CertificateTable {
  withServices: boolean;
  records: PsRecord[];
  /** Row lines that could not be read, with why. */
  unread: { line: number; why: string }[];
}

export function isCertificateTableHeader(text: string): boolean {
  return HEADER.test(text);
}

/** Read the table starting at the header line `lines[0]`. */
export function readCertificateTable(lines: PasteLine[]): CertificateTable {
  const header = lines[0] ? HEADER.exec(lines[0].text) : null;
  if (!header) return { withServices: false, records: [], unread: lines[0] ? [{ line: lines[0].line, why: 'it is not the table header' }] : [] };
  const withServices = header[1] !== undefined;
  const table: CertificateTable = { withServices, records: [], unread: [] };
  for (const l of lines.slice(1)) {
    if (l.text.trim() === '' || RULE.test(l.text)) continue;
    // Format-Table -Wrap continues a long Subject on the next line, under the Subject column.
    const previous = table.records[table.records.length - 1];
    if (previous && /^\s{8,}\S/.test(l.text)) {
      setField(previous, 'Subject', `${previous.fields.get('subject')?.value ?? ''} ${l.text.trim()}`.trim());
      continue;
    }
    const tokens = /^\s*(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(l.text);
    if (!tokens) {
      // A lone thumbprint (empty subject) or a damaged line.
      if (/^\s*\S+\s*$/.test(l.text) && !withServices) {
        table.records.push(row(l.line, l.text.trim(), null, ''));
        continue;
      }
      table.unread.push({ line: l.line, why: 'it does not have the table\'s columns' });
      continue;
    }
    const [, thumb, second, rest] = tokens;
    if (!withServices) {
      table.records.push(row(l.line, thumb!, null, [second, rest].filter(Boolean).join(' ')));
    } else if (SERVICES_STRING.test(second!)) {
      table.records.push(row(l.line, thumb!, second!, rest ?? ''));
    } else {
      table.unread.push({ line: l.line, why: `"${second!.slice(0, 20)}" is not a Services column (letters IPUWSFC and dots)` });
    }
  }
  return table;
}

function row(line: number, thumbprint: string, services: string | null, subject: string): PsRecord {
  const r = newRecord([], line);
  setField(r, 'Thumbprint', thumbprint);
  if (services !== null) setField(r, 'ServicesStringForm', services);
  setField(r, 'Subject', subject.trim());
  return r;
}
