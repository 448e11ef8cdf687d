// A small builder for the commented PowerShell CertBench writes. Comments carry the source id
// of each fact (domain-rules.md); values only enter through `assign`, which quotes them.
import { psQuote } from '../powershell/quote.js';

export class Script {
  private readonly lines: string[] = [];

  /** `# text` (several lines allowed). */
  comment(text: string): this {
    for (const line of text.split('\n')) this.lines.push(line === '' ? '#' : `# ${line}`);
    return this;
  }

  /** `# WARNING: text`: a value the environment lacks, or a combination the sources warn about. */
  warning(text: string): this {
    this.lines.push(`# WARNING: ${text}`);
    return this;
  }

  /** A numbered section heading. */
  section(title: string): this {
    if (this.lines.length > 0) this.lines.push('');
    this.lines.push(`# --- ${title} ---`);
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
