// certbench why "TEXT" [--files FILE|FOLDER]... [--snapshot SNAPSHOT.json]... [--role ROLE]
//   [--server FQDN] [--env ENV.json] [--trust CA]... [--at ISO] [password options] [--json]
// An event entry, error message or code → the certificate problems that cause it, ranked, from
// the rule catalogue. With certificate files or a snapshot, the causes they show come first.
// Exit 0 causes found, 1 nothing in the catalogue names the text, 2 unusable input.
import { resolve } from 'node:path';
import { displayName } from '../../shared/encoding/displayName.js';
import { auditEstate } from '../../shared/estate/audit.js';
import { MAX_SNAPSHOT_CHARS, parseSnapshot } from '../../shared/estate/readSnapshot.js';
import { checkDocuments, type CheckInput } from '../../shared/rules/checkDocuments.js';
import { ROLE_IDS, isRoleChoice } from '../../shared/rules/engine/roles.js';
import { findingsFromAudit, findingsFromChecks } from '../../shared/troubleshoot/openFindings.js';
import { why as whyCore, type OpenFinding, type WhyResult } from '../../shared/troubleshoot/why.js';
import { InputError } from '../../shared/x509/inputError.js';
import { ArgError, parseArgs } from '../args.js';
import { parseAt, readEvaluationContext } from '../checkInputs.js';
import { errorLine, openAll } from '../inputFiles.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_OK, jsonOut, type CommandRunner } from '../io.js';
import { PASSWORD_OPTIONS, readSecret } from '../passwords.js';
import { displayText } from '../../shared/encoding/displayText.js';
import { readRegularFile } from '../readRegularFile.js';

const ROLE_LIST = [...ROLE_IDS, 'auto'].join(', ');
/** A pasted event entry is a few KiB; anything far bigger is the wrong thing pasted. */
const MAX_QUERY_CHARS = 64 * 1024;

export const why: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    { ...PASSWORD_OPTIONS, files: 'multi', snapshot: 'multi', role: 'string', server: 'string', env: 'string', trust: 'multi', at: 'string', json: 'boolean' },
    'why',
  );
  const query = args.positional.join(' ').trim();
  if (!query) throw new ArgError('certbench why: paste the event, error message or code in quotes, e.g. certbench why "Event 1344" or certbench why 0x800B010F');
  if (query.length > MAX_QUERY_CHARS) throw new ArgError('certbench why: the text is longer than 64 KiB; paste the one event or error line.');
  const role = args.strings.role ?? 'auto';
  if (!isRoleChoice(role)) throw new ArgError(`certbench why: unknown role "${role}" — use one of ${ROLE_LIST}.`);
  const at = parseAt(args.strings.at, 'why');
  const password = readSecret(args, io);

  const findings: OpenFinding[] = [];
  let inputFailed = false;
  const files = args.multi.files ?? [];
  const snapshots = args.multi.snapshot ?? [];
  if (files.length || snapshots.length) {
    const context = await readEvaluationContext({ envFile: args.strings.env, trustFiles: args.multi.trust ?? [] }, io, password);
    if (!context) return EXIT_INPUT;
    const inputs: CheckInput[] = [];
    for (const o of await openAll(files, io.cwd, password)) {
      if (o.error) {
        inputFailed = true;
        io.err(errorLine(o.error) + '\n');
      } else inputs.push({ file: o.file, document: o.document });
    }
    const results = await checkDocuments(inputs, {
      role,
      environment: context.environment,
      at,
      ...(args.strings.server !== undefined ? { server: args.strings.server } : {}),
      trustCertificates: context.trustCertificates,
    });
    findings.push(...findingsFromChecks(results));
    for (const file of snapshots) {
      try {
        const snapshot = parseSnapshot(readText(file, io.cwd), file);
        const audit = await auditEstate(snapshot, { at, trustCertificates: context.trustCertificates });
        findings.push(...findingsFromAudit(audit, displayName(file)));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        inputFailed = true;
        io.err(e.message + '\n');
      }
    }
  }

  const result = whyCore(query, { findings, ...(role !== 'auto' && role !== 'general' ? { role } : {}) });
  if (args.flags.has('json')) io.out(jsonOut(io, result) + '\n');
  else io.out(displayText(whyText(result)));
  if (inputFailed) return EXIT_INPUT;
  return result.causes.length ? EXIT_OK : EXIT_FAIL;
};

function readText(file: string, cwd: string): string {
  // Regular files only, capped (a FIFO or /dev/zero cannot hang or fill memory).
  const bytes = readRegularFile(resolve(cwd, file), MAX_SNAPSHOT_CHARS);
  if (!(bytes instanceof Uint8Array)) throw new InputError('unreadable', `${displayName(file)} does not exist or cannot be read${bytes === 'not-regular' ? ' (it is not a regular file)' : bytes === 'too-large' ? ' (it is larger than any snapshot)' : ''}: check the path.`);
  return new TextDecoder().decode(bytes);
}

function whyText(r: WhyResult): string {
  if (r.causes.length === 0) {
    return `No rule in CertBench's catalogue names "${r.query}". Try the event id or error code alone (certbench why 1344), or list the rules with certbench rules.\n`;
  }
  const lines = [`Causes of "${r.query}", most likely first:`, ''];
  r.causes.forEach((c, i) => {
    lines.push(`${i + 1}. ${c.title} [${c.ruleId}]${c.unconfirmed ? ' (reported, not documented)' : ''}`);
    for (const s of c.shownBy.filter((x) => x.status === 'error' || x.status === 'warn' || x.status === 'fatal')) {
      lines.push(`   Seen in ${s.source}: ${s.title} — ${s.detail}`);
    }
    if (c.shownBy.length && c.shownBy.every((x) => x.status === 'pass' || x.status === 'info')) lines.push(`   Not seen in the open material (${[...new Set(c.shownBy.map((x) => x.source))].join(', ')} pass this rule).`);
    lines.push(`   Matches: ${c.matched.join(', ')}`);
    lines.push(`   Check:   ${c.check}`);
    lines.push(`   Open:    ${c.open}`);
    lines.push(`   Fix:     ${c.shownBy.find((x) => x.fix)?.fix ?? c.fix}`);
    lines.push('');
  });
  return lines.join('\n');
}

why.usage = `Usage: certbench why "TEXT" [--files FILE|FOLDER]... [--snapshot SNAPSHOT.json]... [--role ROLE]
                     [--server FQDN] [--env ENV.json] [--trust CA_FILE]... [--at ISO-8601]
                     [password options] [--json]

Paste an event entry, an error message or a code (Event 1344, 32263, 0x800B010F,
CERT_E_CN_NO_MATCH, "ms-diagnostics: 1010", "451 5.7.3 STARTTLS is required", …) and get the
certificate problems that cause it, ranked: which certificate and role to check, the rules that
detect it, what to open or paste, and the fix.

Options:
  --files FILE|FOLDER   certificates to look at: the causes they actually show come first
  --snapshot FILE       an estate snapshot to audit for the same purpose
  --role ROLE           the role of --files (default auto)
  --server FQDN, --env ENV.json, --trust CA_FILE, --at ISO-8601, password options: as for check
  --json                {"query", "causes": [{"ruleId", "title", "check", "open", "fix", "matched", "shownBy", …}]}

Exit codes: 0 causes found, 1 no rule names the text, 2 an unusable input.
`;
