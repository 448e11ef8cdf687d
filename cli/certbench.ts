// certbench: the CLI shell over the shared core. Commands are loaded on demand so that
// `certbench inspect` never pays for the rule catalogue or the request generator.
import './nodeDigest.js';
import './nodeBase64.js';
import { displayName } from '../shared/encoding/displayName.js';
import { ArgError, HelpRequested } from './args.js';
import { EXIT_INPUT, type CliIo, type CommandRunner } from './io.js';
import { VERSION } from './version.js';
import { terminalAsker } from './askSecret.js';

export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  inspect: { summary: 'show what certificate, request, P7B or PFX files hold', load: async () => (await import('./commands/inspect.js')).inspect },
  check: { summary: 'check certificates or requests against the rules of a role', load: async () => (await import('./commands/check.js')).check },
  rules: { summary: 'print the rule catalogue (Markdown, or --json)', load: async () => (await import('./commands/rules.js')).rules },
  request: { summary: 'draft a compliant request: CSR, encrypted key, certreq INF, server-side script', load: async () => (await import('./commands/request.js')).request },
  pfx: { summary: 'complete an issued certificate and its key into a PFX Windows can import', load: async () => (await import('./commands/pfx.js')).pfx },
  commands: { summary: 'write the PowerShell that imports and assigns a certificate for a role', load: async () => (await import('./commands/commands.js')).commands },
  report: { summary: 'write a compliance report (html, csv, json, md, pdf)', load: async () => (await import('./commands/report.js')).report },
  diff: { summary: 'compare a certificate with its renewal: drop-in replacement for the role or not', load: async () => (await import('./commands/diff.js')).diff },
  plan: { summary: 'the renewal plan: renew-by dates, steps and servers; calendar (.ics) and CSV', load: async () => (await import('./commands/plan.js')).plan },
  why: { summary: 'an event, error message or code → the certificate problems that cause it, ranked', load: async () => (await import('./commands/why.js')).why },
  import: { summary: 'read pasted or saved server output (Get-ExchangeCertificate, certutil, Export-Clixml, …) into an estate snapshot', load: async () => (await import('./commands/import.js')).importCommand },
  'collect-script': { summary: 'write the read-only PowerShell collector that gathers every server\'s certificates into a snapshot', load: async () => (await import('./commands/collectScript.js')).collectScriptCommand },
  audit: { summary: 'audit an estate snapshot: every server\'s certificates and the cross-server rules', load: async () => (await import('./commands/audit.js')).audit },
};

const USAGE = `certbench — certificate workbench for Exchange and Lync / Skype for Business

Usage: certbench <command> [options]      certbench <command> --help      certbench --version

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2)}${c.summary}`)
  .join('\n')}

Examples:
  certbench inspect um.pfx --password-env PFX_PASSWORD
  certbench check certs/ --role exchange-um --server ex1.contoso.com --env contoso.json
  certbench request --role edge-external --env contoso.json --out req/ --passphrase-env KEY_PASS
  certbench pfx --cert issued.cer --key req/key.pem --chain chain.p7b --profile legacy --out edge.pfx \
                --passphrase-env KEY_PASS --password-env PFX_PASSWORD
  certbench commands --role owa-im --thumbprint <T> --env contoso.json --exchange-version 2016
  certbench report certs/ --role auto --env contoso.json --format html --out report.html
  certbench audit snapshot.json --trust contoso-root.cer --format html --out estate.html

Secrets: PFX passwords with --password-env VAR | --password-file FILE (inspect, check, report;
--password PW too, for typing at a terminal only: ps shows it to every user, a warning says so;
without any, a terminal asks, without echo);
request and pfx take secrets only from --*-env or --*-file, never the command line.
Add --json for machine-readable output. Exit codes: 0 ok, 1 a certificate fails its role,
2 unusable input (one line on stderr naming the file).
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] && COMMANDS[rest[0]]) return main([rest[0], '--help'], io);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : EXIT_INPUT;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`certbench ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`certbench: unknown command "${name}" — try: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT_INPUT;
  }
  let runner: CommandRunner | undefined;
  try {
    runner = await command.load();
    return await runner(rest, io);
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.out(commandUsage(name, command.summary, runner));
      return 0;
    }
    if (e instanceof ArgError) {
      io.err(e.message + '\n');
      return EXIT_INPUT;
    }
    // Never a stack trace: one line, and a pointer to report it.
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.err(`certbench ${name}: unexpected failure (${message}); please report it with the command you ran.\n`);
    return EXIT_INPUT;
  }
}

/** What `certbench <name> --help` prints: the usage set next to the command, else its summary. */
export function commandUsage(name: string, summary: string, runner: CommandRunner | undefined): string {
  const text = runner?.usage ?? `Usage: certbench ${name} [options]\n\n${summary}\n`;
  return text.endsWith('\n') ? text : text + '\n';
}

export function nodeIo(): CliIo {
  const io: CliIo = {
    out: (t) => void process.stdout.write(t),
    // Every stderr message is one line: whatever a hostile file name carries (line breaks,
    // terminal escapes) is shown escaped, never let through.
    err: (t) => void process.stderr.write(t.endsWith('\n') ? displayName(t.slice(0, -1)) + '\n' : displayName(t)),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
  };
  const askSecret = terminalAsker();
  return askSecret ? { ...io, askSecret } : io;
}
