// A small, strict argument parser: known options only, clear one-line errors (exit code 2).

export class ArgError extends Error {
  override readonly name = 'ArgError';
}

/** `--help` or `-h` where an option may stand: main() prints the command's usage and exits 0. */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
}

export type OptionSpec = Record<string, 'string' | 'boolean' | 'multi'>;

export interface ParsedArgs {
  positional: string[];
  strings: Record<string, string>;
  multi: Record<string, string[]>;
  flags: Set<string>;
}

/** Parse `argv` against `spec` (option names without the leading `--`). */
export function parseArgs(argv: string[], spec: OptionSpec, command: string): ParsedArgs {
  const out: ParsedArgs = { positional: [], strings: {}, multi: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') throw new HelpRequested(command);
    if (!arg.startsWith('--') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    const kind = spec[name];
    if (!kind) throw new ArgError(`certbench ${command}: unknown option --${name} (see certbench ${command} --help).`);
    if (kind === 'boolean') {
      if (eq > 0) throw new ArgError(`certbench ${command}: --${name} takes no value.`);
      out.flags.add(name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new ArgError(`certbench ${command}: --${name} needs a value.`);
    if (kind === 'string') {
      if (name in out.strings) throw new ArgError(`certbench ${command}: --${name} is given twice.`);
      out.strings[name] = value;
    } else {
      (out.multi[name] ??= []).push(value);
    }
  }
  return out;
}
