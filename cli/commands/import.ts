// certbench import FILE... [--server FQDN] [--locale TAG] [--json] [--out snapshot.json --force]
// Pasted or saved server output (Get-ExchangeCertificate, Get-AuthConfig, certutil, …, or
// Export-Clixml files) → an estate snapshot. Prints what it understood, object by object, then
// the snapshot: as text, as JSON (--json) or into a file (--out). The reading is the core's
// (shared/estate/import); this file only reads the files and words the output for a terminal.
import { extname, resolve } from 'node:path';
import { displayName } from '../../shared/encoding/displayName.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { decodeServerOutput, importServerOutput, type ImportNote, type ImportResult, type ImportSource } from '../../shared/estate/import/index.js';
import { InputError } from '../../shared/x509/inputError.js';
import { ArgError, parseArgs } from '../args.js';
import { CERTIFICATE_EXTENSIONS, errorLine, openFile, readInput } from '../inputFiles.js';
import { PASSWORD_OPTIONS, readSecret } from '../passwords.js';
import { EXIT_INPUT, EXIT_OK, jsonOut, type CliIo, type CommandRunner } from '../io.js';
import { checkTargets, writeFileSafely, type SafeWriteOptions } from '../safeWrite.js';
import { displayText } from '../../shared/encoding/displayText.js';

export const IMPORT_OPTIONS = { server: 'string', locale: 'string' } as const;

/** Read the named files as server output; unreadable files become error notes (exit 2 later). */
export function readSources(paths: string[], cwd: string): { sources: ImportSource[]; errors: string[] } {
  const sources: ImportSource[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    try {
      sources.push({ name: displayName(path), text: decodeServerOutput(readInput(path, cwd)) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e.message);
    }
  }
  return { sources, errors };
}

/** --locale must be a culture tag the runtime knows (en-US, en-GB, de-DE, …). */
export function checkLocale(locale: string | undefined, command: string): void {
  if (locale === undefined) return;
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) return;
  } catch {
    // not a tag at all
  }
  throw new ArgError(`certbench ${command}: --locale "${locale}" is not a culture this runtime knows; give the shell's culture, e.g. en-US, en-GB, de-DE, fr-FR or ru-RU.`);
}

/** A note in the CLI's words: the core's sentence, plus the option that helps. */
export function noteLine(note: ImportNote): string {
  const hint = note.code === 'dates-ambiguous' ? ' (--locale TAG)' : note.code === 'server-unknown' ? ' (--server FQDN)' : '';
  return hint ? note.message.replace(/\.$/, '') + hint + '.' : note.message;
}

export const importCommand: CommandRunner = async (argv, io) => {
  const args = parseArgs(argv, { ...IMPORT_OPTIONS, ...PASSWORD_OPTIONS, json: 'boolean', out: 'string', force: 'boolean' }, 'import');
  if (args.positional.length === 0) {
    throw new ArgError('certbench import: name at least one file, e.g. certbench import ex1-certificates.txt authconfig.txt --server ex1.contoso.com');
  }
  checkLocale(args.strings.locale, 'import');
  const outPath = args.strings.out === undefined ? undefined : resolve(io.cwd, args.strings.out);
  // Never overwrite without --force, never an input: checked before reading, again when writing.
  const writeOptions: SafeWriteOptions = { command: 'certbench import', force: args.flags.has('force'), cwd: io.cwd, inputs: args.positional };
  if (outPath) checkTargets([{ path: outPath, shown: args.strings.out! }], writeOptions);
  // Certificate files among the inputs are not server output: their dates settle day/month
  // for the same thumbprints in the text (as an open file does in the app).
  const certificateFiles = args.positional.filter((p) => CERTIFICATE_EXTENSIONS.has(extname(p).toLowerCase()));
  const password = certificateFiles.length ? readSecret(args, io) : undefined;
  const knownCertificates: { thumbprint: string; notBefore: string; notAfter: string }[] = [];
  const errors: string[] = [];
  for (const file of certificateFiles) {
    const opened = await openFile(file, io.cwd, password);
    if (opened.error) errors.push(errorLine(opened.error));
    else for (const c of opened.document.certificates) knownCertificates.push({ thumbprint: c.thumbprint, notBefore: c.notBefore, notAfter: c.notAfter });
  }
  const read = readSources(args.positional.filter((p) => !certificateFiles.includes(p)), io.cwd);
  const sources = read.sources;
  errors.push(...read.errors);
  for (const e of errors) io.err(e + '\n');
  const result = importServerOutput(sources, {
    ...(args.strings.server !== undefined ? { server: args.strings.server } : {}),
    ...(args.strings.locale !== undefined ? { locale: args.strings.locale } : {}),
    ...(knownCertificates.length ? { knownCertificates } : {}),
  });
  const noteErrors = printErrors(result, io);
  const failed = errors.length > 0 || noteErrors;
  if (outPath) writeFileSafely({ path: outPath, shown: args.strings.out!, data: JSON.stringify(result.snapshot, null, 2) + '\n' }, writeOptions);
  if (args.flags.has('json')) {
    io.out(jsonOut(io, { understood: result.understood, notes: result.notes.map((n) => ({ ...n, message: noteLine(n) })), snapshot: result.snapshot }) + '\n');
  } else {
    io.out(displayText(understoodText(result)));
    io.out(outPath ? `Snapshot written to ${displayName(args.strings.out!)}.\n` : displayText(snapshotText(result.snapshot)));
  }
  return failed ? EXIT_INPUT : EXIT_OK;
};

importCommand.usage = `Usage: certbench import FILE... [CERT_FILE...] [--server FQDN] [--locale TAG] [--json] [--out SNAPSHOT.json [--force]]

Read pasted or saved server output into an estate snapshot: Get-ExchangeCertificate (table or
| Format-List), Get-AuthConfig, Get-SettingOverride, Get-OwaVirtualDirectory | fl *Instant*,
Get-ExchangeServer, Get-CsCertificate, certutil -store my / -dump, and Export-Clixml files of
these. Prints what was understood, object by object, then the snapshot. Certificate files
given beside (.cer, .pem, .pfx …) settle the day/month order of dates for their thumbprints.

  --server FQDN   the server the output came from, where the text does not say
  --locale TAG    the culture the shell printed dates in (en-US, en-GB, de-DE, fr-FR, ru-RU, …);
                  without it day/month is worked out from the text, or the dates are left out
  --json          understood objects, notes and the snapshot as JSON
  --out FILE      write the snapshot (JSON) to FILE; --force replaces an existing FILE

Exit codes: 0 read, 2 a file unreadable or not server output (one line naming it).
`;

/** Error notes go to stderr, one line each; true when there was one. */
function printErrors(result: ImportResult, io: CliIo): boolean {
  const errors = result.notes.filter((n) => n.level === 'error');
  for (const n of errors) io.err(noteLine(n) + '\n');
  return errors.length > 0;
}

function understoodText(result: ImportResult): string {
  const lines: string[] = [];
  const sources = [...new Set([...result.understood.map((u) => u.source), ...result.notes.map((n) => n.source)])];
  for (const source of sources) {
    lines.push(source);
    for (const u of result.understood.filter((x) => x.source === source)) lines.push(`  ${u.summary}`);
    for (const n of result.notes.filter((x) => x.source === source && x.level !== 'error')) {
      lines.push(`  ${n.level === 'warn' ? 'warning' : 'note'}: ${noteLine(n).replace(`${source}: `, '')}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n\n' : '';
}

function snapshotText(snapshot: Snapshot): string {
  const lines: string[] = [];
  const ex = snapshot.exchange;
  if (ex) {
    for (const server of ex.servers) {
      lines.push(`Exchange server ${server.fqdn}${server.version ? ` (Exchange ${server.version}${server.roles ? ', ' + server.roles.join(', ') : ''})` : ''}`);
      for (const c of ex.certificates.filter((x) => x.server === server.fqdn)) lines.push(certificateLine(c));
    }
    const serverless = ex.certificates.filter((c) => !c.server || !ex.servers.some((s) => s.fqdn === c.server));
    if (serverless.length) {
      lines.push('Certificates on an unnamed server');
      for (const c of serverless) lines.push(certificateLine(c));
    }
    if (ex.authConfig) {
      const a = ex.authConfig;
      lines.push(`AuthConfig: current ${a.currentCertificateThumbprint ?? 'unknown'}, next ${a.nextCertificateThumbprint ?? 'none'}${a.nextCertificateEffectiveDate ? ` from ${a.nextCertificateEffectiveDate}` : ''}`);
    }
    for (const o of ex.owaIm ?? []) {
      lines.push(`OWA IM (${o.source}, ${o.server ?? 'whole organisation'}): IM server ${o.imServerName ?? 'not set'}, certificate ${o.certificateThumbprint ?? 'not set'}`);
    }
    if (ex.hybrid?.tlsCertificateName) lines.push(`Hybrid TlsCertificateName: ${ex.hybrid.tlsCertificateName}`);
  }
  for (const c of snapshot.skype?.certificates ?? []) {
    lines.push(`Skype for Business ${c.computer || '(computer not named)'} ${c.use}: ${c.thumbprint ?? '(masked)'}${c.notAfter ? `, NotAfter ${c.notAfter}` : ''}`);
  }
  if (!lines.length) lines.push('Nothing for the snapshot.');
  return lines.join('\n') + '\n';
}

function certificateLine(c: NonNullable<Snapshot['exchange']>['certificates'][number]): string {
  const services = c.services === null ? 'services unknown' : c.services.length ? c.services.join(', ') : 'no services';
  const parts = [c.thumbprint ?? '(thumbprint masked)', services];
  if (c.notAfter) parts.push(`NotAfter ${c.notAfter}`);
  if (c.keyProvider) parts.push(c.keyProvider);
  if (c.subject) parts.push(c.subject);
  return `  ${parts.join('  ')}`;
}
