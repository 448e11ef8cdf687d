// certbench: the CLI shell over the shared core. Commands are loaded on demand so that
// `certbench inspect` never pays for the rule catalogue or the request generator.
import { ArgError } from './args.js';
import { EXIT_INPUT, type CliIo, type CommandRunner } from './io.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  inspect: { summary: 'show what certificate, request, P7B or PFX files hold', load: async () => (await import('./commands/inspect.js')).inspect },
};

const USAGE = `certbench — certificate workbench for Exchange and Lync / Skype for Business

Usage: certbench <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Password options (inspect, check): --password PW | --password-env VAR | --password-file FILE
Add --json for machine-readable output. Exit codes: 0 ok, 1 a certificate fails its role, 2 unusable input.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : EXIT_INPUT;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`certbench: unknown command "${name}" — try: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT_INPUT;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (e) {
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

export function nodeIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  };
}
