// certbench report FILE|FOLDER... [--role ROLE|auto] [--server FQDN] [--env ENV.json]
//   [--trust CA_FILE]... [--at ISO-8601] [password options] [--format html|csv|json|md|pdf]
//   --out FILE [--title T] [--customer C] [--author A] [--commands] [--paper a4|letter]
// Checks exactly as `certbench check` does and writes the compliance report whatever the
// verdicts. Exit codes follow check: 0 nothing failed, 1 a fail verdict, 2 an unusable input
// (the report is still written for the usable files and lists the unusable ones).
import { extname, resolve } from 'node:path';
import { displayText, jsonForTerminal } from '../../shared/encoding/displayText.js';
import { buildReport } from '../../shared/report/buildReport.js';
import type { UnusableFile } from '../../shared/report/model.js';
import { renderReport, TEXT_REPORT_FORMATS, type TextReportFormat } from '../../shared/report/index.js';
import { PAPERS, renderHtml, type Paper } from '../../shared/report/render/html.js';
import { checkDocuments, type CheckInput } from '../../shared/rules/checkDocuments.js';
import { endEntityIndexes } from '../../shared/rules/endEntities.js';
import { ROLE_IDS, isRoleChoice } from '../../shared/rules/engine/roles.js';
import { ArgError, parseArgs } from '../args.js';
import { parseAt, readEvaluationContext } from '../checkInputs.js';
import { errorLine, openAll } from '../inputFiles.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_OK, type CommandRunner } from '../io.js';
import { PASSWORD_OPTIONS, readSecret, reopenAskingPassword } from '../passwords.js';
import { findChromium, printPdf } from '../printPdf.js';
import { checkTargets, writeFileSafely, WriteError, type SafeWriteOptions } from '../safeWrite.js';

type ReportFormat = TextReportFormat | 'pdf';
const FORMATS: readonly ReportFormat[] = [...TEXT_REPORT_FORMATS, 'pdf'];
const EXTENSION_FORMAT: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.csv': 'csv', '.json': 'json', '.md': 'md', '.pdf': 'pdf' };
const ROLE_LIST = [...ROLE_IDS, 'auto'].join(', ');
const MAX_META_LENGTH = 200;

export const report: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    {
      ...PASSWORD_OPTIONS,
      role: 'string',
      server: 'string',
      env: 'string',
      trust: 'multi',
      at: 'string',
      format: 'string',
      out: 'string',
      title: 'string',
      customer: 'string',
      author: 'string',
      commands: 'boolean',
      paper: 'string',
      force: 'boolean',
    },
    'report',
  );
  if (args.positional.length === 0) {
    throw new ArgError('certbench report: name at least one file or folder, e.g. certbench report certs/ --env contoso.json --format html --out report.html');
  }
  const out = args.strings.out;
  if (!out) throw new ArgError('certbench report: --out FILE is required (where to write the report; "-" writes html, csv, json or md to standard output).');
  const format = formatOf(args.strings.format, out);
  if (format === 'pdf' && out === '-') throw new ArgError('certbench report: a PDF cannot go to standard output; name a file with --out.');
  const role = args.strings.role ?? 'auto';
  if (!isRoleChoice(role)) throw new ArgError(`certbench report: unknown role "${role}" — use one of ${ROLE_LIST}.`);
  const at = parseAt(args.strings.at, 'report');
  const meta = {
    title: metaValue(args.strings.title, 'title'),
    customer: metaValue(args.strings.customer, 'customer'),
    author: metaValue(args.strings.author, 'author'),
  };
  const paperArg = args.strings.paper;
  if (paperArg !== undefined && !(PAPERS as readonly string[]).includes(paperArg)) throw new ArgError(`certbench report: --paper must be a4 or letter (got "${paperArg}").`);
  // A PDF needs a page size; A4 unless told (HTML leaves it to the printer unless told).
  const paper = (paperArg as Paper | undefined) ?? (format === 'pdf' ? 'a4' : undefined);
  const password = readSecret(args, io);
  // Never overwrite without --force, never an input (checked now, before any work, and again
  // when writing). Inputs: the files named, every file found in a folder named, and the
  // --env, --trust and --password-file files.
  const outPath = out === '-' ? undefined : resolve(io.cwd, out);
  const writeOptions = (inputs: readonly string[]): SafeWriteOptions => ({
    command: 'certbench report',
    force: args.flags.has('force'),
    cwd: io.cwd,
    inputs: [...inputs, ...[args.strings.env, args.strings['password-file']].filter((x): x is string => x !== undefined), ...(args.multi.trust ?? [])],
  });
  if (outPath) checkTargets([{ path: outPath, shown: out }], writeOptions(args.positional));

  // PDF needs a browser: find out before doing any work, and say so in one line.
  let chromium: string | undefined;
  if (format === 'pdf') {
    chromium = findChromium(io);
    if (!chromium) {
      io.err('certbench report: --format pdf needs Chromium, which is not installed here (looked for $CERTBENCH_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): install it (apt-get install chromium) or write --format html and print that.\n');
      return EXIT_INPUT;
    }
  }

  const context = await readEvaluationContext({ envFile: args.strings.env, trustFiles: args.multi.trust ?? [] }, io, password);
  if (!context) return EXIT_INPUT;
  const { environment, trustCertificates } = context;

  // The same selection as `certbench check`: unusable files get a stderr line and a row in the
  // report; a folder's files with nothing to check are skipped.
  // On a terminal, a PFX that needs a password none was given for is asked for (no echo).
  const opened = await reopenAskingPassword(await openAll(args.positional, io.cwd, password, undefined, (line) => io.err(line + '\n')), io, password);
  const unusable: UnusableFile[] = [];
  const inputs: CheckInput[] = [];
  for (const o of opened) {
    if (o.error) {
      const line = errorLine(o.error);
      unusable.push({ file: o.file, message: line });
      io.err(line + '\n');
      continue;
    }
    if (endEntityIndexes(o.document).length === 0 && !o.document.request) {
      if (args.positional.includes(o.file)) {
        const line = `${o.file} holds no certificate or request to check (${o.document.kind === 'private-key' ? 'only a private key' : 'nothing checkable'}): name the certificate, PFX or CSR file.`;
        unusable.push({ file: o.file, message: line });
        io.err(line + '\n');
      }
      continue;
    }
    inputs.push({ file: o.file, document: o.document });
  }

  const server = args.strings.server;
  const results = await checkDocuments(inputs, { role, environment, at, ...(server !== undefined ? { server } : {}), trustCertificates });
  const model = buildReport({
    inputs,
    results,
    unusable,
    environment,
    at,
    role,
    ...(server !== undefined ? { server } : {}),
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    ...(meta.customer !== undefined ? { customer: meta.customer } : {}),
    ...(meta.author !== undefined ? { author: meta.author } : {}),
    fixCommands: args.flags.has('commands'),
  });

  if (!outPath) {
    // JSON stays JSON with nothing raw that could spoof; the other formats are escaped only
    // when a person is looking (a terminal), and go through untouched into a pipe or file.
    if (format === 'json') io.out(jsonForTerminal(renderReport(model, format, paper ? { paper } : {})));
    else if (format !== 'pdf') io.out(io.stdoutIsTTY ? displayText(renderReport(model, format, paper ? { paper } : {})) : renderReport(model, format, paper ? { paper } : {}));
  } else {
    let bytes: string | Uint8Array;
    if (format === 'pdf') {
      const printed = await printPdf(renderHtml(model, paper ? { paper } : {}), chromium!);
      if (typeof printed === 'string') {
        io.err(`certbench report: ${printed}\n`);
        return EXIT_INPUT;
      }
      bytes = printed;
    } else {
      bytes = renderReport(model, format, paper ? { paper } : {});
    }
    try {
      writeFileSafely({ path: outPath, shown: out, data: bytes }, writeOptions(opened.map((o) => o.file)));
    } catch (e) {
      if (!(e instanceof WriteError)) throw e;
      io.err(e.message + '\n');
      return EXIT_INPUT;
    }
  }
  const s = model.summary;
  if (out !== '-') {
    io.out(
      displayText(`Wrote ${out} (${format.toUpperCase()}): ${s.items} checked — ${s.verdicts.fail} fail, ${s.verdicts.warn} warn, ${s.verdicts.pass} pass${s.unusable ? `; ${s.unusable} unusable file${s.unusable === 1 ? '' : 's'} listed` : ''}.\n`),
    );
  }
  if (unusable.length > 0) return EXIT_INPUT;
  return results.some((r) => r.verdict === 'fail') ? EXIT_FAIL : EXIT_OK;
};

function formatOf(given: string | undefined, out: string): ReportFormat {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) throw new ArgError(`certbench report: --format must be one of ${FORMATS.join(', ')} (got "${given}").`);
    return given as ReportFormat;
  }
  const byExtension = EXTENSION_FORMAT[extname(out).toLowerCase()];
  if (!byExtension) throw new ArgError(`certbench report: say which format with --format (${FORMATS.join(', ')}); it cannot be told from "${out}".`);
  return byExtension;
}

function metaValue(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > MAX_META_LENGTH) throw new ArgError(`certbench report: --${name} is longer than ${MAX_META_LENGTH} characters.`);
  // Control characters have no place on a title page (and would garble CSV and Markdown).
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ');
}


report.usage = `Usage: certbench report FILE|FOLDER... --out FILE [--format html|csv|json|md|pdf] [--force]
                        [--role ROLE|auto] [--server FQDN] [--env ENV.json] [--trust CA_FILE]...
                        [--at ISO-8601] [password options] [--title T] [--customer C]
                        [--author A] [--commands] [--paper a4|letter]

Check exactly as certbench check does and write a compliance report.

Options:
  --out FILE            where to write it; "-" writes html, csv, json or md to standard output
  --format F            html, csv, json, md or pdf (PDF through Chromium, offline); told from
                        the --out extension when absent
  --force               replace FILE if it exists (an input file is never replaced)
  --commands            include the PowerShell that fixes each finding
  --paper a4|letter     page size (PDF: A4 unless told)
  --title, --customer, --author   the title page

Exit codes as for check; the report is written whatever the verdicts.
`;
