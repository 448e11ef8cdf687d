// What a CLI command may touch, passed in so tests can run commands in-process.
import { jsonForTerminal } from '../shared/encoding/displayText.js';

export interface CliIo {
  /** Write text to standard output (no newline added). */
  out(text: string): void;
  /** Write text to standard error (no newline added). */
  err(text: string): void;
  /** Environment variables (for --password-env and friends). */
  env: Record<string, string | undefined>;
  /** Working directory, for resolving relative paths. */
  cwd: string;
  /**
   * Standard output is a terminal. JSON is indented for a person there and compact on a pipe
   * or in a file (half the bytes for a folder of certificates; jq re-indents it).
   */
  stdoutIsTTY?: boolean;
  /**
   * Ask a person for a secret on the terminal, without echo (undefined: no answer). Present
   * only when there is a terminal to ask on (cli/askSecret.ts).
   */
  askSecret?: (question: string) => Promise<string | undefined>;
}

/**
 * JSON text for standard output: indented on a terminal, compact elsewhere; DEL, C1 and bidi
 * controls from certificate names \u-escaped, so a `cat` of it cannot spoof (same value parsed).
 */
export function jsonOut(io: Pick<CliIo, 'stdoutIsTTY'>, value: unknown, indent?: number): string {
  return jsonForTerminal(JSON.stringify(value, null, indent ?? (io.stdoutIsTTY ? 2 : undefined)));
}

/** Exit codes of the public CLI contract. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_INPUT = 2;

/**
 * A command. `usage` is what `certbench <command> --help` (or `-h`) prints: set it next to the
 * command (`inspect.usage = ...`) so every command, including new ones, answers --help the same way.
 */
export type CommandRunner = ((argv: string[], io: CliIo) => Promise<number>) & { usage?: string };
