// A small builder for the commented PowerShell CertBench writes. Comments carry the source id
// of each fact (domain-rules.md); values only enter through `assign`, which quotes them.
import { findControlCharacter } from '../powershell/characters.js';
import { psQuote } from '../powershell/quote.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';

/**
 * A `#` comment ends at CR or LF, so comment text must not hold one (nor any other control
 * character): text that reaches a comment from outside (a version, a server name) would
 * otherwise start a command on the next line. Defence in depth behind the value validators.
 */
function commentLine(text: string): string {
  const control = findControlCharacter(text);
  if (control) {
    throw new UnsafeValueError('control-character', 'script comment', `A script comment would contain the control character ${control}; check the environment values.`);
  }
  return text;
}

export class Script {
  private readonly lines: string[] = [];
  /**
   * What the reader must know before running the script (a restart that drops calls, a server
   * whose version does not match): the same sentences the script carries, for the app and the
   * CLI to show next to it.
   */
  readonly notices: string[] = [];

  /** `# text` (several lines allowed). */
  comment(text: string): this {
    for (const line of text.split('\n')) this.lines.push(line === '' ? '#' : `# ${commentLine(line)}`);
    return this;
  }

  /** `# WARNING: text`: a value the environment lacks, or a combination the sources warn about. */
  warning(text: string): this {
    this.lines.push(`# WARNING: ${commentLine(text)}`);
    return this;
  }

  /** A `# WARNING:` line that is also a notice shown beside the script. */
  notice(text: string): this {
    this.warning(text);
    if (!this.notices.includes(text)) this.notices.push(text);
    return this;
  }

  /**
   * A step that interrupts users (a service or IIS restart): a `# WARNING:` comment, a notice,
   * and a Write-Warning so whoever runs the script sees it at the moment the step runs.
   */
  disruption(text: string): this {
    this.lines.push(this.disruptionLine(text));
    return this;
  }

  /** As `disruption`, but returns the Write-Warning line for a block that runs only sometimes. */
  disruptionLine(text: string): string {
    this.notice(text);
    return `Write-Warning ${psQuote(text, 'script warning')}`;
  }

  /** A numbered section heading. */
  section(title: string): this {
    if (this.lines.length > 0) this.lines.push('');
    this.lines.push(`# --- ${commentLine(title)} ---`);
    return this;
  }

  /** One or more lines of code, written as given (callers quote values with psQuote). */
  code(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }

  /** `$name = 'value'` with the value validated and quoted; `$name = $null` with a WARNING when absent. */
  assign(name: string, value: string | undefined, field: string, missingWarning?: string): this {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bad variable name ${name}`);
    if (value === undefined) {
      if (missingWarning) this.warning(missingWarning);
      this.lines.push(`$${name} = $null`);
    } else {
      this.lines.push(`$${name} = ${psQuote(value, field)}`);
    }
    return this;
  }

  blank(): this {
    this.lines.push('');
    return this;
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}
