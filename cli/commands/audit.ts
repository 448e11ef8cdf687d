// certbench audit SNAPSHOT... [CERT_FILE...] [--at ISO] [--trust CA]... [--json]
//                 [--format html|csv|md|json|pdf --out FILE [--force]] [password options]
// Reads the snapshots (several merge: an Exchange one and a Skype one; the same organisation
// collected twice keeps the newer word per server), audits the estate with the core, and
// prints per server its certificates with services, verdicts and findings, then the estate
// findings — or the audit as JSON, or writes the estate report. Exit codes as `check`:
// 0 nothing failed, 1 a fail (a certificate or an estate finding), 2 an unusable input.
import { extname, resolve } from 'node:path';
import type { EstateAudit, EstateCertificateResult } from '../../shared/estate/auditTypes.js';
import { auditEstate } from '../../shared/estate/audit.js';
import { bindingTags } from '../../shared/estate/serviceLetters.js';
import { buildEstateReport, ESTATE_REPORT_FORMATS, renderEstateHtml, renderEstateReport, type EstateReportFormat } from '../../shared/report/estate/index.js';
import { ROLE_TITLES } from '../../shared/rules/engine/roles.js';
import { STATUS_ORDER, type Status } from '../../shared/rules/engine/status.js';
import { ArgError, parseArgs } from '../args.js';
import { parseAt, readTrustOption } from '../checkInputs.js';
import { loadEstateInputs } from '../estateInputs.js';
import { checkLocale, IMPORT_OPTIONS } from './import.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_OK, jsonOut, type CommandRunner } from '../io.js';
import { PASSWORD_OPTIONS, readSecret } from '../passwords.js';
import { VERSION } from '../version.js';
import { findChromium, printPdf } from '../printPdf.js';
import { checkTargets, writeFileSafely, WriteError, type SafeWriteOptions } from '../safeWrite.js';
import { displayText } from '../../shared/encoding/displayText.js';

type AuditFormat = EstateReportFormat | 'pdf';
const FORMATS: readonly AuditFormat[] = [...ESTATE_REPORT_FORMATS, 'pdf'];
const EXTENSION_FORMAT: Record<string, AuditFormat> = { '.html': 'html', '.htm': 'html', '.csv': 'csv', '.json': 'json', '.md': 'md', '.pdf': 'pdf' };

export const audit: CommandRunner = async (argv, io) => {
  const args = parseArgs(argv, { ...PASSWORD_OPTIONS, ...IMPORT_OPTIONS, at: 'string', json: 'boolean', format: 'string', out: 'string', force: 'boolean', trust: 'multi', paper: 'string' }, 'audit');
  if (args.positional.length === 0) {
    throw new ArgError('certbench audit: name at least one snapshot file, e.g. certbench audit contoso-snapshot.json (write one with the collector: certbench collect-script).');
  }
  const at = parseAt(args.strings.at, 'audit');
  checkLocale(args.strings.locale, 'audit');
  const out = args.strings.out;
  const format = formatOf(args.strings.format, out);
  if (format && !out) throw new ArgError('certbench audit: --format needs --out FILE (where to write the report; "-" writes html, csv, json or md to standard output).');
  if (format === 'pdf' && out === '-') throw new ArgError('certbench audit: a PDF cannot go to standard output; name a file with --out.');
  // Never overwrite without --force, never an input (checked before any work, and again when writing).
  const outPath = out === undefined || out === '-' ? undefined : resolve(io.cwd, out);
  const writeOptions: SafeWriteOptions = {
    command: 'certbench audit',
    force: args.flags.has('force'),
    cwd: io.cwd,
    inputs: [...args.positional, ...(args.multi.trust ?? []), ...(args.strings['password-file'] !== undefined ? [args.strings['password-file']] : [])],
  };
  if (outPath) checkTargets([{ path: outPath, shown: out! }], writeOptions);
  const paper = args.strings.paper;
  if (paper !== undefined && paper !== 'a4' && paper !== 'letter') throw new ArgError(`certbench audit: --paper must be a4 or letter (got "${paper}").`);
  const password = readSecret(args, io);

  let chromium: string | undefined;
  if (format === 'pdf') {
    chromium = findChromium(io);
    if (!chromium) {
      io.err('certbench audit: --format pdf needs Chromium, which is not installed here (looked for $CERTBENCH_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): install it (apt-get install chromium) or write --format html and print that.\n');
      return EXIT_INPUT;
    }
  }
  let trustCertificates;
  try {
    trustCertificates = await readTrustOption(args.multi.trust ?? [], io, password);
  } catch (e) {
    if (!(e instanceof ArgError)) throw e;
    io.err(e.message + '\n');
    return EXIT_INPUT;
  }

  // Pasted / saved server output is imported on the way (--server, --locale); what was
  // understood of it goes to stderr, so --json stays the audit alone.
  const inputs = await loadEstateInputs(args.positional, io, {
    ...(password !== undefined ? { password } : {}),
    ...(args.strings.server !== undefined ? { server: args.strings.server } : {}),
    ...(args.strings.locale !== undefined ? { locale: args.strings.locale } : {}),
    onNote: (line) => io.err(line + '\n'),
  });
  for (const p of inputs.problems) io.err(p + '\n');
  if (!inputs.merged) {
    if (inputs.problems.length === 0) io.err('certbench audit: no snapshot among the files given (certificate files only supply DER beside a snapshot).\n');
    return EXIT_INPUT;
  }
  const result = await auditEstate(inputs.merged, { at, extraCertificates: inputs.extraCertificates, trustCertificates });

  if (format) {
    const model = buildEstateReport(result, { generator: `CertBench ${VERSION}` });
    const options = paper ? { paper: paper as 'a4' | 'letter' } : format === 'pdf' ? { paper: 'a4' as const } : {};
    if (!outPath) {
      if (format !== 'pdf') io.out(renderEstateReport(model, format, options));
    } else {
      let bytes: string | Uint8Array;
      if (format === 'pdf') {
        const printed = await printPdf(renderEstateHtml(model, options), chromium!);
        if (typeof printed === 'string') {
          io.err(`certbench audit: ${printed}\n`);
          return EXIT_INPUT;
        }
        bytes = printed;
      } else {
        bytes = renderEstateReport(model, format, options);
      }
      try {
        writeFileSafely({ path: outPath, shown: out!, data: bytes }, writeOptions);
      } catch (e) {
        if (!(e instanceof WriteError)) throw e;
        io.err(e.message + '\n');
        return EXIT_INPUT;
      }
    }
    if (out !== '-') io.out(`Wrote ${out} (${format.toUpperCase()}): ${plural(result.servers.length, 'server')}, ${plural(model.summary.bindings, 'bound certificate')}, ${model.problems.length} estate finding${model.problems.length === 1 ? '' : 's'} — verdict ${result.verdict.toUpperCase()}.\n`);
  } else if (args.flags.has('json')) {
    io.out(jsonOut(io, result) + '\n');
  } else {
    io.out(displayText(auditText(result)));
  }
  if (inputs.problems.length > 0) return EXIT_INPUT;
  return result.verdict === 'fail' ? EXIT_FAIL : EXIT_OK;
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function formatOf(given: string | undefined, out: string | undefined): AuditFormat | undefined {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) throw new ArgError(`certbench audit: --format must be one of ${FORMATS.join(', ')} (got "${given}").`);
    return given as AuditFormat;
  }
  if (out === undefined) return undefined;
  const byExtension = EXTENSION_FORMAT[extname(out).toLowerCase()];
  if (!byExtension) throw new ArgError(`certbench audit: say which format with --format (${FORMATS.join(', ')}); it cannot be told from "${out}".`);
  return byExtension;
}

const LABEL: Record<Status, string> = {
  fatal: '✖ Fatal  ',
  error: '✖ Error  ',
  warn: '⚠ Warning',
  info: 'ℹ Info   ',
  pass: '✔ Pass   ',
  not_applicable: '– N/A    ',
};

/** Per server its certificates (services, verdict, problems), then the estate findings. */
export function auditText(a: EstateAudit): string {
  const lines: string[] = [];
  const head = [a.organization ? `Estate ${a.organization}` : 'Estate', a.collectedAt ? `collected ${a.collectedAt}` : '', `evaluated ${a.at}`].filter(Boolean).join(' — ');
  lines.push(`${a.verdict.toUpperCase()}  ${head}`, '');
  for (const s of a.servers) {
    const what = s.product === 'exchange' ? `Exchange${s.version ? ` ${s.version}` : ''}${s.roles.length ? ` (${s.roles.join(', ')})` : ''}` : `Lync/SfB ${s.roles.join(', ')}${s.pool ? ` in ${s.pool}` : ''}`;
    lines.push(`${s.name}  ${s.fqdn} — ${what}`);
    if (s.certificates.length === 0) lines.push('  (no certificates in the snapshot)');
    for (const c of s.certificates) lines.push(...certificateLines(c));
    lines.push('');
  }
  lines.push('Estate findings');
  for (const status of STATUS_ORDER) {
    const group = a.estateFindings.filter((f) => f.status === status);
    if (group.length === 0) continue;
    if (status === 'not_applicable') {
      lines.push(`  ${LABEL[status]} ${group.map((f) => f.ruleId).join(', ')}`);
      continue;
    }
    for (const f of group) {
      if (status === 'pass') {
        lines.push(`  ${LABEL.pass} ${f.title}`);
        continue;
      }
      lines.push(`  ${LABEL[status]} ${f.title} [${f.ruleId}]`, `              ${f.detail}`);
      if (f.whatBreaks) lines.push(`              What breaks: ${f.whatBreaks}`);
      if (f.fix) lines.push(`              Fix: ${f.fix}`);
      lines.push(`              Source: ${f.citation}`);
    }
  }
  if (a.errors.length) {
    lines.push('', 'Not collected');
    for (const e of a.errors) lines.push(`  ${e.server ?? '(organisation)'}: ${e.step} — ${e.message}`);
  }
  return lines.join('\n') + '\n';
}

function certificateLines(c: EstateCertificateResult): string[] {
  const verdict = c.bindings.length ? c.verdict.toUpperCase().padEnd(4) : '—   ';
  const tags = bindingTags(c.bindings).join(' ') || 'not bound';
  const out = [`  ${verdict}  ${c.thumbprint ?? '(masked thumbprint)'}  ${tags}  ${c.subject ?? ''}${c.notAfter ? `  (until ${c.notAfter.slice(0, 10)})` : ''}`];
  if (c.roles.length && c.roles.some((r) => r !== 'general')) out.push(`        checked as: ${c.roles.filter((r) => r !== 'general').map((r) => ROLE_TITLES[r]).join(', ')}`);
  for (const f of c.findings) {
    if (f.status === 'pass' || f.status === 'not_applicable') continue;
    out.push(`        ${LABEL[f.status]} ${f.title} [${f.ruleId}] — ${f.detail}`);
  }
  for (const n of c.notes ?? []) out.push(`        note: ${n}`);
  return out;
}

audit.usage = `Usage: certbench audit SNAPSHOT|OUTPUT... [CERT_FILE...] [--server FQDN] [--locale TAG] [--at ISO] [--trust CA_FILE]... [--json]
                      [--format html|csv|md|json|pdf --out FILE [--force]] [--paper a4|letter]

Audits an estate snapshot (the collector's JSON; several merge): every server's certificates
judged for the roles their bindings imply, then the cross-server rules (certbench rules lists
them). Certificate files given beside the snapshots supply the DER for certificates the snapshot
knows only as text; --trust names your internal root so internal chains count as trusted.

Pasted or saved server output works too, audited in the same step (what was understood of it
goes to stderr): Get-ExchangeCertificate (table or | Format-List), Get-AuthConfig,
Get-SettingOverride, Get-OwaVirtualDirectory, Get-ExchangeServer, Get-CsCertificate, certutil
-store my / -dump, and Export-Clixml files (see certbench import).
  --server FQDN   the server pasted output came from, where the text does not say
  --locale TAG    the culture the shell printed dates in (en-US, en-GB, de-DE, …)

Exit codes: 0 nothing failed, 1 a certificate or an estate finding fails, 2 an unusable input.
`;
