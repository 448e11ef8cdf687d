// certbench check FILE... --role ROLE [--server FQDN] [--env ENV.json] [--trust CA_FILE]...
//                         [--at ISO-8601] [password options] [--json]
// One result per end-entity certificate or request; exit 0 nothing failed, 1 a fail verdict,
// 2 an unusable input (one stderr line per file, the other files are still checked).
import { checkDocuments, checkJsonResult, type CheckInput, type CheckResult } from '../../shared/rules/checkDocuments.js';
import { displayText } from '../../shared/encoding/displayText.js';
import { endEntityIndexes } from '../../shared/rules/endEntities.js';
import { ROLE_IDS, ROLE_TITLES, isRoleChoice, type RoleChoice } from '../../shared/rules/engine/roles.js';
import { STATUS_ORDER, type Status } from '../../shared/rules/engine/status.js';
import type { Finding } from '../../shared/rules/engine/types.js';
import type { ChainAdvice } from '../../shared/trust/types.js';
import { ArgError, parseArgs } from '../args.js';
import { parseAt, readEvaluationContext } from '../checkInputs.js';
import { errorLine, openAll } from '../inputFiles.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_OK, jsonOut, type CommandRunner } from '../io.js';
import { PASSWORD_OPTIONS, readSecret, reopenAskingPassword } from '../passwords.js';

const ROLE_LIST = [...ROLE_IDS, 'auto'].join(', ');

/** Where a CLI user adds a certificate to chain building, for the chain finding's fix. */
const CLI_CHAIN_ADVICE: ChainAdvice = {
  addIssuer: 'give the issuing CA certificate with --trust FILE',
  trustRoot: 'give it with --trust FILE or add it to trustedRoots in the --env file',
};

export const check: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    { ...PASSWORD_OPTIONS, role: 'string', server: 'string', env: 'string', trust: 'multi', at: 'string', json: 'boolean' },
    'check',
  );
  if (args.positional.length === 0) {
    throw new ArgError('certbench check: name at least one file or folder, e.g. certbench check um.pfx --role exchange-um --server ex1.contoso.com');
  }
  const role = args.strings.role;
  if (!role) throw new ArgError(`certbench check: --role is required (one of ${ROLE_LIST}).`);
  if (!isRoleChoice(role)) throw new ArgError(`certbench check: unknown role "${role}" — use one of ${ROLE_LIST}.`);
  const at = parseAt(args.strings.at, 'check');
  const password = readSecret(args, io);

  const context = await readEvaluationContext({ envFile: args.strings.env, trustFiles: args.multi.trust ?? [] }, io, password);
  if (!context) return EXIT_INPUT;
  const { environment, trustCertificates } = context;

  // On a terminal, a PFX that needs a password none was given for is asked for (no echo).
  const opened = await reopenAskingPassword(await openAll(args.positional, io.cwd, password, undefined, (line) => io.err(line + '\n')), io, password);
  let inputFailed = false;
  const inputs: CheckInput[] = [];
  for (const o of opened) {
    if (o.error) {
      inputFailed = true;
      io.err(errorLine(o.error) + '\n');
      continue;
    }
    if (endEntityIndexes(o.document).length === 0 && !o.document.request) {
      // Named explicitly, a file with nothing to check is an unusable input; found in a folder it is skipped.
      if (args.positional.includes(o.file)) {
        inputFailed = true;
        io.err(`${o.file} holds no certificate or request to check (${o.document.kind === 'private-key' ? 'only a private key' : 'nothing checkable'}): name the certificate, PFX or CSR file.\n`);
      }
      continue;
    }
    inputs.push({ file: o.file, document: o.document });
  }

  const results = await checkDocuments(inputs, {
    role,
    environment,
    at,
    ...(args.strings.server !== undefined ? { server: args.strings.server } : {}),
    trustCertificates,
    chainAdvice: CLI_CHAIN_ADVICE,
  });

  if (args.flags.has('json')) io.out(jsonOut(io, { results: results.map(checkJsonResult) }) + '\n');
  // Names from certificates are shown, never obeyed: controls and bidi marks escaped.
  else io.out(displayText(results.map((r) => resultText(r, role)).join('\n')) + (results.length ? '\n' : ''));

  if (inputFailed) return EXIT_INPUT;
  return results.some((r) => r.verdict === 'fail') ? EXIT_FAIL : EXIT_OK;
};


const LABEL: Record<Status, string> = {
  fatal: '✖ Fatal  ',
  error: '✖ Error  ',
  warn: '⚠ Warning',
  info: 'ℹ Info   ',
  pass: '✔ Pass   ',
  not_applicable: '– N/A    ',
};

function resultText(r: CheckResult, role: RoleChoice): string {
  const what = r.kind === 'request' ? 'request' : `thumbprint ${r.thumbprint}`;
  const roles = r.guessed
    ? `auto → ${r.roles.filter((x) => x !== 'general' || r.roles.length === 1).map((x) => ROLE_TITLES[x]).join(', ')}`
    : ROLE_TITLES[role];
  const lines = [`${r.verdict.toUpperCase()}  ${r.file} — ${r.subject || '(empty subject)'} (${what})`, `      role: ${roles}`];
  const indent = '                ';
  for (const status of STATUS_ORDER) {
    const group = r.findings.filter((f) => f.status === status);
    if (group.length === 0) continue;
    if (status === 'not_applicable') {
      lines.push(`  ${LABEL[status]} ${group.map((f) => f.ruleId).join(', ')}`);
      continue;
    }
    for (const f of group) lines.push(...findingLines(f, indent));
  }
  return lines.join('\n') + '\n';
}

function findingLines(f: Finding, indent: string): string[] {
  if (f.status === 'pass') return [`  ${LABEL.pass} ${f.title} — ${f.detail}`];
  const out = [`  ${LABEL[f.status]} ${f.title} [${f.ruleId}]`, `${indent}${f.detail}`];
  if (f.whatBreaks) out.push(`${indent}What breaks: ${f.whatBreaks}`);
  if (f.fix) out.push(`${indent}Fix: ${f.fix}`);
  out.push(`${indent}Source: ${f.citation} (${f.source})`);
  return out;
}

check.usage = `Usage: certbench check FILE|FOLDER... --role ROLE [--server FQDN] [--env ENV.json]
                       [--trust CA_FILE]... [--at ISO-8601] [password options] [--json]

Check each end-entity certificate or request against the rules of a role.

Options:
  --role ROLE           exchange-um, owa-im, edge-external, edge-internal, exchange-auth,
                        sfb-oauth, general, or auto (guessed, and said so)
  --server FQDN         the server the certificate is for
  --env ENV.json        the environment (servers, pools, domains) the rules check against
  --trust CA_FILE       a CA certificate to trust (repeatable)
  --at ISO-8601         judge dates at this moment instead of now
  --password-env VAR | --password-file F | --password PW   the PFX password (see inspect --help)
  --json                JSON results

Exit codes: 0 nothing failed, 1 a certificate fails its role, 2 an unusable input.
`;
