// The inputs of `certbench audit`, read through ONE function: snapshot files (the collector's
// JSON), certificate files that supply the DER for thumbprints a snapshot has only as text,
// and — through the importers registered below — other server output. Each file stands on its
// own: an unusable one is one line for stderr, the others are still audited.
//
// SEAM for the importers (pasted cmdlet output, Export-Clixml files): push an EstateImporter
// onto ESTATE_IMPORTERS; it is asked, in order, before a file is refused. `--server` and
// `--locale` reach it through EstateInputOptions.
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { displayName } from '../shared/encoding/displayName.js';
import { decodeLatin1 } from '../shared/encoding/text.js';
import { mergeSnapshots } from '../shared/estate/merge.js';
import { MAX_SNAPSHOT_CHARS, parseSnapshot } from '../shared/estate/readSnapshot.js';
import type { Snapshot } from '../shared/estate/snapshot.js';
import type { CertificateModel } from '../shared/model/certificate.js';
import { InputError } from '../shared/x509/inputError.js';
import { CERTIFICATE_EXTENSIONS, errorLine, openFile } from './inputFiles.js';
import { readRegularFile } from './readRegularFile.js';

export interface EstateInputOptions {
  /** The server a pasted output came from (`--server`), for importers that need it. */
  server?: string;
  /** The shell's culture for locale-dependent dates in pasted output (`--locale`). */
  locale?: string;
  /** Password for PFX files given beside the snapshots. */
  password?: string;
  /** Where an importer says what it understood and warns (one line each, naming the file). */
  onNote?: (line: string) => void;
}

/** Turns a file that is not a snapshot into one (paste / CliXML importers register here). */
export interface EstateImporter {
  /** What it reads, for messages: "Get-ExchangeCertificate output", "Export-Clixml file". */
  name: string;
  /** This importer recognises the text (cheap: a header line, an XML root). */
  accepts(text: string, fileName: string): boolean;
  /** The snapshot the text describes; throws InputError (one line naming the file) when unusable. */
  read(text: string, fileName: string, options: EstateInputOptions): Snapshot | Promise<Snapshot>;
  /**
   * Optional: read all the files it accepted as ONE estate (one file's Get-ExchangeServer names
   * the servers another's Get-ExchangeCertificate lists by short name); one line per unusable file.
   */
  readTogether?(files: { text: string; fileName: string }[], options: EstateInputOptions, known: readonly CertificateModel[]): { snapshot: Snapshot | null; problems: string[] };
}

export const ESTATE_IMPORTERS: EstateImporter[] = [];

/**
 * The importers, the built-in server-output one loaded on first need: a run on snapshot files
 * alone never pays for the paste and CliXML parsers (a third of `audit`'s start-up).
 */
let builtInLoaded = false;
async function importers(): Promise<EstateImporter[]> {
  if (!builtInLoaded) {
    builtInLoaded = true;
    ESTATE_IMPORTERS.unshift((await import('./serverOutputImporter.js')).serverOutputImporter);
  }
  return ESTATE_IMPORTERS;
}

export interface EstateInputs {
  /** Each snapshot read, with the file it came from. */
  snapshots: { file: string; snapshot: Snapshot }[];
  /** The snapshots merged into one estate (null when none was usable). */
  merged: Snapshot | null;
  /** Certificates from certificate files given beside the snapshots. */
  extraCertificates: CertificateModel[];
  /** One line per unusable file. */
  problems: string[];
}

export async function loadEstateInputs(files: readonly string[], io: { cwd: string }, options: EstateInputOptions = {}): Promise<EstateInputs> {
  const out: EstateInputs = { snapshots: [], merged: null, extraCertificates: [], problems: [] };
  const together = new Map<EstateImporter, { file: string; text: string; fileName: string }[]>();
  for (const file of files) {
    const shown = displayName(file);
    const abs = resolve(io.cwd, file);
    let size: number;
    try {
      const st = statSync(abs);
      if (st.isDirectory()) {
        out.problems.push(`${shown} is a folder: name the snapshot files (and certificate files) in it.`);
        continue;
      }
      size = st.size;
    } catch {
      out.problems.push(`${shown} does not exist or cannot be read: check the path.`);
      continue;
    }
    // A certificate file (by its name) supplies DER for thumbprints the snapshots know only as text.
    if (CERTIFICATE_EXTENSIONS.has(extname(file).toLowerCase())) {
      const opened = await openFile(file, io.cwd, options.password);
      if (opened.error) out.problems.push(errorLine(opened.error));
      else out.extraCertificates.push(...opened.document.certificates);
      continue;
    }
    if (size > MAX_SNAPSHOT_CHARS) {
      out.problems.push(`${shown} is larger than any snapshot CertBench writes (the limit is 128 MiB): check that this is the right file.`);
      continue;
    }
    let text: string;
    // Regular files only, capped on the bytes read (a FIFO or /dev/zero says size 0 to stat).
    const bytes = readRegularFile(abs, MAX_SNAPSHOT_CHARS);
    if (!(bytes instanceof Uint8Array)) {
      out.problems.push(
        bytes === 'not-regular'
          ? `${shown} is not a regular file (a device, pipe or socket): name the snapshot or server output file itself.`
          : bytes === 'too-large'
            ? `${shown} is larger than any snapshot CertBench writes (the limit is 128 MiB): check that this is the right file.`
            : `${shown} cannot be read: check its permissions.`,
      );
      continue;
    }
    try {
      text = looksUtf16(bytes) ? new TextDecoder('utf-16le').decode(bytes) : (utf8(bytes) ?? decodeLatin1(bytes));
    } catch {
      out.problems.push(`${shown} cannot be read: check its permissions.`);
      continue;
    }
    try {
      const body = text.replace(/^\uFEFF/, '').trimStart();
      const importer = body.startsWith('{') ? undefined : (await importers()).find((i) => i.accepts(text, shown));
      if (importer?.readTogether) {
        together.set(importer, [...(together.get(importer) ?? []), { file, text, fileName: shown }]);
        continue;
      }
      const snapshot = importer ? await importer.read(text, shown, options) : parseSnapshot(text, shown);
      out.snapshots.push({ file, snapshot });
    } catch (e) {
      if (e instanceof InputError) out.problems.push(e.message);
      else out.problems.push(`${shown} could not be read as a snapshot (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
    }
  }
  for (const [importer, group] of together) {
    // The certificate files given beside settle day/month for dates of their thumbprints.
    const { snapshot, problems } = importer.readTogether!(group, options, out.extraCertificates);
    out.problems.push(...problems);
    if (snapshot) out.snapshots.push({ file: group[0]!.file, snapshot });
  }
  if (out.snapshots.length > 0) out.merged = mergeSnapshots(out.snapshots.map((s) => s.snapshot));
  return out;
}

/** PowerShell 5.1's Out-File and `>` write UTF-16 LE with a BOM. */
function looksUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
}

/** The text when the bytes are UTF-8, else null (decoded once: snapshots are megabytes). */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
