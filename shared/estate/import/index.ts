// Pasted or saved server output → an estate snapshot (issue 13). Text of the usual cmdlets
// (Get-ExchangeCertificate as a table or Format-List, Get-AuthConfig, Get-SettingOverride,
// Get-OwaVirtualDirectory, Get-ExchangeServer, Get-CsCertificate, certutil -store / -dump)
// and Export-Clixml files of them. Says what it understood, object by object, and notes
// what it could not read. Field notes: ../shared/docs/server-output.md.
import { looksLikeClixml, readClixml } from './clixml/readClixml.js';
import { classify } from './records/classify.js';
import { formatId, readSource } from './readSource.js';
import { SnapshotBuilder } from './snapshotBuilder.js';
import { looksLikeCertutil } from './text/certutil.js';
import { sectionsOf } from './text/cleanPaste.js';
import { isCertificateTableHeader } from './text/exchangeCertificateTable.js';
import { readFormatList } from './text/formatList.js';
import type { ImportNote, ImportOptions, ImportResult, ImportSource, UnderstoodObject } from './types.js';

export { decodeServerOutput } from './decodeText.js';
export type { ImportNote, ImportOptions, ImportResult, ImportSource, UnderstoodObject } from './types.js';

export function importServerOutput(sources: ImportSource[], options: ImportOptions = {}): ImportResult {
  const builder = new SnapshotBuilder();
  const understood: UnderstoodObject[] = [];
  const notes: ImportNote[] = [];
  for (const source of sources) {
    const r = readSource(source, options, builder);
    understood.push(...r.understood);
    notes.push(...r.notes);
  }
  const snapshot = builder.build(notes, new Date());
  return { snapshot, understood, notes };
}

/**
 * The format id of the first thing recognised in the text (`exchange-certificate-table`,
 * `auth-config-list`, `certutil`, `clixml`, …), or null when it is not server output —
 * cheap enough for a paste box to ask on every paste.
 */
export function detectServerOutput(text: string): string | null {
  if (looksLikeClixml(text)) {
    try {
      const kind = readClixml(text, 'text').map((r) => classify(r, null)).find((k) => k !== null);
      return kind ? formatId(kind, 'clixml') : 'clixml';
    } catch {
      return null;
    }
  }
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (looksLikeCertutil(sample)) return 'certutil';
  for (const section of sectionsOf(sample)) {
    if (section.lines.some((l) => isCertificateTableHeader(l.text))) return 'exchange-certificate-table';
    const cmdlet = section.prompt?.cmdlet ?? null;
    for (const record of readFormatList(section.lines).records) {
      const kind = classify(record, cmdlet);
      if (kind) return formatId(kind, 'list');
    }
  }
  return null;
}
