// certbench diff OLD NEW [--role ROLE] [--server FQDN] [--env ENV.json] [--trust CA]... [--at ISO]
//                        [password options] [--json]
// Side by side, and the verdict "drop-in replacement for this role: yes / no, because…".
// Exit 0 a replacement, 1 not a replacement, 2 unusable input (one stderr line).
import { diffCertificates } from '../../shared/renewal/diff.js';
import type { Difference, DiffResult, DiffSide, Impact } from '../../shared/renewal/diffTypes.js';
import { subjectsOf } from '../../shared/rules/checkDocuments.js';
import { ROLE_IDS, ROLE_TITLES, isRoleChoice } from '../../shared/rules/engine/roles.js';
import type { CertificateSubject } from '../../shared/rules/engine/types.js';
import type { Environment } from '../../shared/environment/types.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { displayName } from '../../shared/encoding/displayName.js';
import { ArgError, parseArgs } from '../args.js';
import { parseAt, readEvaluationContext } from '../checkInputs.js';
import { errorLine, openFile } from '../inputFiles.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_OK, jsonOut, type CliIo, type CommandRunner } from '../io.js';
import { PASSWORD_OPTIONS, readSecret } from '../passwords.js';
import { displayText } from '../../shared/encoding/displayText.js';

const ROLE_LIST = [...ROLE_IDS, 'auto'].join(', ');

export const diff: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    { ...PASSWORD_OPTIONS, role: 'string', server: 'string', env: 'string', trust: 'multi', at: 'string', json: 'boolean' },
    'diff',
  );
  if (args.positional.length !== 2) {
    throw new ArgError('certbench diff: name the certificate in service and its renewal, e.g. certbench diff old.pfx new.cer --role exchange-um');
  }
  const role = args.strings.role ?? 'auto';
  if (!isRoleChoice(role)) throw new ArgError(`certbench diff: unknown role "${role}" — use one of ${ROLE_LIST}.`);
  const at = parseAt(args.strings.at, 'diff');
  const password = readSecret(args, io);
  const context = await readEvaluationContext({ envFile: args.strings.env, trustFiles: args.multi.trust ?? [] }, io, password);
  if (!context) return EXIT_INPUT;

  const sides: DiffSide[] = [];
  for (const file of args.positional) {
    const side = await openSide(file, io, password, { environment: context.environment, at, trustCertificates: context.trustCertificates });
    if (!side) return EXIT_INPUT;
    sides.push(side);
  }
  const result = diffCertificates(sides[0]!, sides[1]!, {
    role,
    environment: context.environment,
    at,
    ...(args.strings.server !== undefined ? { server: args.strings.server } : {}),
  });
  if (args.flags.has('json')) io.out(jsonOut(io, diffJson(result)) + '\n');
  else io.out(displayText(diffText(result)));
  return result.replacement ? EXIT_OK : EXIT_FAIL;
};

/** The certificate a file stands for: its end-entity certificate (the one with the key when several). */
async function openSide(
  file: string,
  io: CliIo,
  password: string | undefined,
  options: { environment: Environment; at: Date; trustCertificates: CertificateModel[] },
): Promise<DiffSide | null> {
  const opened = await openFile(file, io.cwd, password);
  if (opened.error) {
    io.err(errorLine(opened.error) + '\n');
    return null;
  }
  const subjects = (await subjectsOf(opened.document, options)).filter((s): s is CertificateSubject => s.kind === 'certificate');
  if (subjects.length === 0) {
    io.err(`${displayName(file)} holds no end-entity certificate to compare${opened.document.request ? ' (only a request: compare the issued certificate)' : ''}: name the .cer, .pem or .pfx of the certificate.\n`);
    return null;
  }
  const withKey = subjects.filter((s) => s.key);
  if (subjects.length > 1 && withKey.length !== 1) {
    io.err(`${displayName(file)} holds ${subjects.length} end-entity certificates: name a file that holds only the one to compare.\n`);
    return null;
  }
  return { file, subject: withKey[0] ?? subjects[0]! };
}

/** The `--json` contract: replacement, differences, and each side's verdict. */
export function diffJson(r: DiffResult): Record<string, unknown> {
  return {
    replacement: r.replacement,
    because: r.because,
    role: r.role,
    roles: r.roles,
    differences: r.differences.map((d) => ({ field: d.field, label: d.label, old: d.old, new: d.new, impact: d.impact, why: d.why, ...(d.ruleId ? { ruleId: d.ruleId } : {}) })),
    old: r.old,
    new: r.new,
  };
}

const MARK: Record<Impact, string> = { breaks: '✖ breaks', review: '⚠ review', none: '  same  ' };

function diffText(r: DiffResult): string {
  const roles = r.roles.filter((x) => x !== 'general' || r.roles.length === 1).map((x) => ROLE_TITLES[x]).join(', ');
  const lines = [
    `Old: ${r.old.file} — ${r.old.subject} (thumbprint ${r.old.thumbprint}) — ${r.old.verdict.toUpperCase()}`,
    `New: ${r.new.file} — ${r.new.subject} (thumbprint ${r.new.thumbprint}) — ${r.new.verdict.toUpperCase()}`,
    `Role: ${roles}${r.role === 'auto' ? ' (guessed from the old certificate)' : ''}`,
    '',
    `Drop-in replacement for this role: ${r.because}`,
    '',
  ];
  const ordered = [...r.differences].sort((a, b) => rank(a) - rank(b));
  if (ordered.length === 0) lines.push('No differences besides the thumbprint.');
  for (const d of ordered) {
    lines.push(`${MARK[d.impact]}  ${d.label}${d.ruleId ? ` [${d.ruleId}]` : ''}`);
    lines.push(`            old: ${d.old}`);
    lines.push(`            new: ${d.new}`);
    lines.push(`            ${d.why}`);
  }
  return lines.join('\n') + '\n';
}

function rank(d: Difference): number {
  return d.impact === 'breaks' ? 0 : d.impact === 'review' ? 1 : 2;
}

diff.usage = `Usage: certbench diff OLD NEW [--role ROLE] [--server FQDN] [--env ENV.json] [--trust CA_FILE]...
                      [--at ISO-8601] [password options] [--json]

Compare the certificate in service (OLD) with its renewal (NEW): every name, usage, key,
provider, issuer, URL and PFX setting side by side, both run through the role's rules, and
the verdict "drop-in replacement for this role: yes / no, because…".

Options:
  --role ROLE           exchange-um, owa-im, edge-external, edge-internal, exchange-auth,
                        sfb-oauth, general, or auto (default: guessed from OLD)
  --server FQDN         the server the certificate is for
  --env ENV.json        the environment (servers and their Windows versions, pools, domains)
  --trust CA_FILE       a CA certificate to trust (repeatable)
  --at ISO-8601         judge dates at this moment instead of now
  --password-env VAR | --password-file F | --password PW   the PFX password (both files)
  --json                {"replacement", "differences": [{"field","old","new","impact","why"}], "old", "new"}

Exit codes: 0 a drop-in replacement, 1 not a replacement, 2 an unusable input.
`;
