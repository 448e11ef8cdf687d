// certbench plan FILE|FOLDER|SNAPSHOT.json... [--role ROLE] [--server FQDN] [--env ENV.json]
//   [--trust CA]... [--at ISO] [--ics OUT.ics] [--csv OUT.csv] [password options] [--json]
// The renewal plan: for each certificate (or each bound certificate of an estate snapshot) the
// renew-by date and why, the steps, the servers. Exit 0, 1 when something is overdue or
// expired, 2 unusable input.
import { extname, resolve } from 'node:path';
import { parseSnapshot } from '../../shared/estate/readSnapshot.js';
import { displayName } from '../../shared/encoding/displayName.js';
import { buildPlan } from '../../shared/renewal/plan.js';
import { planToCsv, planToIcs } from '../../shared/renewal/planCalendar.js';
import { planCertificateFromFile } from '../../shared/renewal/planFiles.js';
import { planCertificatesFromSnapshot } from '../../shared/renewal/planFromSnapshot.js';
import type { PlanCertificate, PlanEntry, RenewalPlan } from '../../shared/renewal/planTypes.js';
import { subjectsOf } from '../../shared/rules/checkDocuments.js';
import { evaluate } from '../../shared/rules/index.js';
import { ROLE_IDS, isRoleChoice } from '../../shared/rules/engine/roles.js';
import { InputError } from '../../shared/x509/inputError.js';
import { ArgError, parseArgs } from '../args.js';
import { parseAt, readEvaluationContext } from '../checkInputs.js';
import { errorLine, openAll } from '../inputFiles.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_OK, jsonOut, type CommandRunner } from '../io.js';
import { PASSWORD_OPTIONS, readSecret } from '../passwords.js';
import { readRegularFile } from '../readRegularFile.js';
import { writeFileSafely } from '../safeWrite.js';
import { displayText } from '../../shared/encoding/displayText.js';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../shared/files/accepted.js';

const ROLE_LIST = [...ROLE_IDS, 'auto'].join(', ');

export const plan: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    { ...PASSWORD_OPTIONS, role: 'string', server: 'string', env: 'string', trust: 'multi', at: 'string', ics: 'string', csv: 'string', json: 'boolean' },
    'plan',
  );
  if (args.positional.length === 0) {
    throw new ArgError('certbench plan: name certificate files, folders or an estate snapshot, e.g. certbench plan certs/ --env contoso.json --ics renewals.ics');
  }
  const role = args.strings.role ?? 'auto';
  if (!isRoleChoice(role)) throw new ArgError(`certbench plan: unknown role "${role}" — use one of ${ROLE_LIST}.`);
  const at = parseAt(args.strings.at, 'plan');
  const password = readSecret(args, io);
  const context = await readEvaluationContext({ envFile: args.strings.env, trustFiles: args.multi.trust ?? [] }, io, password);
  if (!context) return EXIT_INPUT;
  const { environment, trustCertificates } = context;
  const server = args.strings.server;

  let inputFailed = false;
  const certificates: PlanCertificate[] = [];
  const notes: string[] = [];
  const files: string[] = [];
  for (const p of args.positional) {
    if (extname(p).toLowerCase() !== '.json') {
      files.push(p);
      continue;
    }
    try {
      const snapshot = parseSnapshot(readText(p, io.cwd), p);
      const fromSnapshot = planCertificatesFromSnapshot(snapshot, displayName(p));
      certificates.push(...fromSnapshot.certificates);
      notes.push(...fromSnapshot.notes);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      inputFailed = true;
      io.err(e.message + '\n');
    }
  }
  for (const o of await openAll(files, io.cwd, password)) {
    if (o.error) {
      inputFailed = true;
      io.err(errorLine(o.error) + '\n');
      continue;
    }
    for (const subject of await subjectsOf(o.document, { environment, at, trustCertificates })) {
      if (subject.kind !== 'certificate') continue;
      const evaluation = evaluate(subject, role, environment, at, server !== undefined ? { server } : {});
      certificates.push(planCertificateFromFile(o.file, subject, evaluation, environment, server));
    }
  }
  const result: RenewalPlan = buildPlan(certificates, { at, environment });
  result.notes.push(...notes);

  if (args.strings.ics !== undefined || args.strings.csv !== undefined) {
    if (result.entries.length === 0) {
      io.err('certbench plan: no certificate to plan, so no calendar or CSV was written.\n');
      return EXIT_INPUT;
    }
    // Atomic, never over an input (cli/safeWrite.ts); replacing an earlier calendar is expected.
    const options = { command: 'certbench plan', force: true, cwd: io.cwd, inputs: [...args.positional, ...(args.strings.env !== undefined ? [args.strings.env] : [])] };
    if (args.strings.ics !== undefined) writeFileSafely({ path: resolve(io.cwd, args.strings.ics), shown: args.strings.ics, data: planToIcs(result) }, options);
    if (args.strings.csv !== undefined) writeFileSafely({ path: resolve(io.cwd, args.strings.csv), shown: args.strings.csv, data: planToCsv(result) }, options);
  }
  if (args.flags.has('json')) io.out(jsonOut(io, result) + '\n');
  else io.out(displayText(planText(result, { ics: args.strings.ics, csv: args.strings.csv })));

  if (inputFailed) return EXIT_INPUT;
  return result.entries.some((e) => e.state === 'overdue' || e.state === 'expired') ? EXIT_FAIL : EXIT_OK;
};

function readText(file: string, cwd: string): string {
  // Regular files only, capped (a FIFO or /dev/zero named as a snapshot cannot hang or fill memory).
  const bytes = readRegularFile(resolve(cwd, file), MAX_FILE_BYTES);
  if (bytes === 'too-large') throw new InputError('too-large', tooLargeMessage(displayName(file)));
  if (!(bytes instanceof Uint8Array)) throw new InputError('unreadable', `${displayName(file)} does not exist or cannot be read${bytes === 'not-regular' ? ' (it is not a regular file)' : ''}: check the path.`);
  return new TextDecoder().decode(bytes);
}

const STATE: Record<PlanEntry['state'], string> = { expired: 'EXPIRED ', overdue: 'OVERDUE ', 'due-soon': 'DUE SOON', planned: 'planned ' };

function planText(p: RenewalPlan, written: { ics?: string | undefined; csv?: string | undefined }): string {
  const lines: string[] = [`Renewal plan as of ${p.at.slice(0, 10)} — ${p.entries.length} certificate${p.entries.length === 1 ? '' : 's'}`, ''];
  for (const e of p.entries) {
    lines.push(`${String(e.order).padStart(2)}. ${e.renewBy}  ${STATE[e.state]}  ${e.subject} (${e.thumbprint})`);
    lines.push(`      ${e.roleTitle}${e.use ? ` — ${e.use}` : ''}; expires ${e.notAfter.slice(0, 10)}; from ${e.source}`);
    lines.push(`      Why: ${e.why}`);
    if (e.staging) lines.push(`      Takes over: ${e.staging.how}`);
    if (e.nextLifetime) lines.push(`      ${e.nextLifetime.why}`);
    e.steps.forEach((s, i) => {
      lines.push(`      ${i + 1}) ${s.text}`);
      if (s.powershell) lines.push(`         ${s.powershell}`);
    });
    if (e.commands) lines.push(`      The full script: certbench commands --role ${e.commands.role}${e.commands.roll ? ' --roll' : ''} --thumbprint <new thumbprint>`);
    if (e.servers.length) lines.push(`      Servers: ${e.servers.join(', ')}`);
    lines.push('');
  }
  for (const n of p.notes) lines.push(`Note: ${n}`);
  if (written.ics) lines.push(`Calendar written to ${displayName(written.ics)} (one event per renew-by date).`);
  if (written.csv) lines.push(`CSV written to ${displayName(written.csv)}.`);
  return lines.join('\n') + '\n';
}

plan.usage = `Usage: certbench plan FILE|FOLDER|SNAPSHOT.json... [--role ROLE] [--server FQDN] [--env ENV.json]
                      [--trust CA_FILE]... [--at ISO-8601] [--ics OUT.ics] [--csv OUT.csv]
                      [password options] [--json]

The renewal plan: for every certificate (or every bound certificate of an estate snapshot) the
date it must be renewed by and why — the Auth certificate staged 60 days ahead and effective 30
days later, OAuthTokenIssuer and Edge A/V rolled with -EffectiveDate before their token lifetime
plus a replication margin, public certificates with the CA/B Forum lifetime of their successor —
the steps in order and the servers they reach.

Options:
  --role ROLE           the role of the certificate files (default auto: guessed, and said so)
  --server FQDN         the server the certificate files are for
  --env ENV.json        the environment (servers, pools)
  --trust CA_FILE       a CA certificate to trust (repeatable)
  --at ISO-8601         plan from this moment instead of now
  --ics OUT.ics         also write a calendar: one event per renew-by date, the steps inside
  --csv OUT.csv         also write the plan as CSV
  --json                the plan as JSON

Exit codes: 0 planned, 1 a renewal is overdue or a certificate has expired, 2 an unusable input.
`;
