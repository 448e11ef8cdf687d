// certbench audit reads pasted / saved server output (Get-ExchangeCertificate, Get-AuthConfig,
// certutil, Export-Clixml, …) as well as snapshots: this is the importer it asks (registered in
// estateInputs.ts's ESTATE_IMPORTERS). The reading is the core's (shared/estate/import); here
// only its notes are worded for a terminal and an unusable file becomes one InputError line.
import { detectServerOutput, importServerOutput, type ImportNote, type ImportResult } from '../shared/estate/import/index.js';
import type { Snapshot } from '../shared/estate/snapshot.js';
import { InputError } from '../shared/x509/inputError.js';
import { noteLine } from './commands/import.js';

export interface ServerOutputOptions {
  server?: string;
  locale?: string;
  /** Where "what was understood" and warnings go (stderr in `certbench audit`); dropped when absent. */
  onNote?: (line: string) => void;
}

export const serverOutputImporter = {
  name: 'server output (pasted cmdlet output or an Export-Clixml file)',
  accepts(text: string): boolean {
    return detectServerOutput(text) !== null;
  },
  /** All accepted files in one import: names, dates and certificates are matched across them. */
  readTogether(
    files: { text: string; fileName: string }[],
    options: ServerOutputOptions,
    known: readonly { thumbprint: string; notBefore: string; notAfter: string }[] = [],
  ): { snapshot: Snapshot | null; problems: string[] } {
    const result = importServerOutput(
      files.map((f) => ({ name: f.fileName, text: f.text })),
      {
        ...(options.server !== undefined ? { server: options.server } : {}),
        ...(options.locale !== undefined ? { locale: options.locale } : {}),
        ...(known.length ? { knownCertificates: known.map((c) => ({ thumbprint: c.thumbprint, notBefore: c.notBefore, notAfter: c.notAfter })) } : {}),
      },
    );
    // A file that is not server output is the loader's problem line; the rest are notes.
    const problems = result.notes.filter(isUnusable).map(noteLine);
    for (const line of noteLines({ ...result, notes: result.notes.filter((n) => !isUnusable(n)) })) options.onNote?.(line);
    return { snapshot: result.understood.length > 0 ? result.snapshot : null, problems };
  },
  read(text: string, fileName: string, options: ServerOutputOptions): Snapshot {
    const result = importServerOutput([{ name: fileName, text }], {
      ...(options.server !== undefined ? { server: options.server } : {}),
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
    const error = result.notes.find((n) => n.level === 'error' && (n.code === 'unreadable' || n.code === 'not-server-output'));
    if (error && result.understood.length === 0) throw new InputError(error.code === 'unreadable' ? 'malformed' : 'unsupported', noteLine(error));
    for (const line of noteLines(result)) options.onNote?.(line);
    return result.snapshot;
  },
};

function isUnusable(n: ImportNote): boolean {
  return n.level === 'error' && (n.code === 'unreadable' || n.code === 'not-server-output');
}

/** What was understood, then the warnings and errors, each one line naming the file. */
export function noteLines(result: ImportResult): string[] {
  return [
    ...result.understood.map((u) => `${u.source}: ${u.summary}`),
    ...result.notes.filter((n) => n.level !== 'info').map((n) => `${n.level === 'error' ? 'error' : 'warning'}: ${noteLine(n)}`),
  ];
}
