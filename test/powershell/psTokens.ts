// A small PowerShell lexer for the injection tests: it finds where string literals and
// comments begin and end, the way PowerShell's own tokenizer does for the parts that matter:
//  - single quotes are ' and the look-alikes U+2018 U+2019 U+201A U+201B; inside a
//    single-quoted string two quote characters in a row (any mix) are one literal quote;
//  - double quotes are " and U+201C U+201D U+201E; a backtick escapes the next character and
//    `$(…)` opens code again (so a value there is never inert);
//  - here-strings @'…'@ and @"…"@; `#` comments to the end of the line (CR or LF), <# … #>;
//  - in code a backtick escapes the next character (a backtick before a newline continues the line).
// It errs on the side of calling something code: `#` only starts a comment after whitespace,
// a line start or `;`, and an unterminated string is reported.

export const PS_SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
export const PS_DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);

export type PsRegionKind = 'single' | 'double' | 'here-single' | 'here-double' | 'line-comment' | 'block-comment';

/** The content of a literal or comment: [start, end) without the delimiters. */
export interface PsRegion {
  kind: PsRegionKind;
  start: number;
  end: number;
}

export interface PsScan {
  regions: PsRegion[];
  /** Unterminated strings or comments: the script does not even parse the way it was meant to. */
  errors: string[];
}

const isLineEnd = (c: string | undefined): boolean => c === '\r' || c === '\n';

class Lexer {
  readonly regions: PsRegion[] = [];
  readonly errors: string[] = [];
  constructor(private readonly s: string) {}

  /** Scans code from `i` until the end, or until an unmatched `)` when `nested` (returns its index). */
  code(i: number, nested: boolean): number {
    const s = this.s;
    let depth = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '`') {
        i += 2;
        continue;
      }
      if (c === '(') depth++;
      if (c === ')') {
        if (nested && depth === 0) return i;
        depth--;
      }
      if (c === '@' && PS_SINGLE_QUOTES.has(s[i + 1]) && this.atHereStart(i + 2)) {
        i = this.hereString(i, 'here-single');
        continue;
      }
      if (c === '@' && PS_DOUBLE_QUOTES.has(s[i + 1]) && this.atHereStart(i + 2)) {
        i = this.hereString(i, 'here-double');
        continue;
      }
      if (PS_SINGLE_QUOTES.has(c)) {
        i = this.singleQuoted(i);
        continue;
      }
      if (PS_DOUBLE_QUOTES.has(c)) {
        i = this.doubleQuoted(i);
        continue;
      }
      if (c === '<' && s[i + 1] === '#') {
        const end = s.indexOf('#>', i + 2);
        if (end < 0) {
          this.errors.push(`unterminated block comment at ${i}`);
          this.regions.push({ kind: 'block-comment', start: i + 2, end: s.length });
          return s.length;
        }
        this.regions.push({ kind: 'block-comment', start: i + 2, end });
        i = end + 2;
        continue;
      }
      if (c === '#' && (i === 0 || /[\s;]/.test(s[i - 1]))) {
        let end = i + 1;
        while (end < s.length && !isLineEnd(s[end])) end++;
        this.regions.push({ kind: 'line-comment', start: i, end }); // the # included
        i = end;
        continue;
      }
      i++;
    }
    if (nested) this.errors.push('unterminated $( in a double-quoted string');
    return i;
  }

  /** After `@'` or `@"`: only spaces or tabs up to the line end make a here-string. */
  private atHereStart(i: number): boolean {
    while (this.s[i] === ' ' || this.s[i] === '\t') i++;
    return isLineEnd(this.s[i]);
  }

  private hereString(i: number, kind: 'here-single' | 'here-double'): number {
    const s = this.s;
    const quotes = kind === 'here-single' ? PS_SINGLE_QUOTES : PS_DOUBLE_QUOTES;
    let j = i + 2;
    while (!isLineEnd(s[j])) j++;
    const start = j;
    for (; j < s.length; j++) {
      if (isLineEnd(s[j]) && quotes.has(s[j + 1]) && s[j + 2] === '@') {
        this.regions.push({ kind, start, end: j + 1 });
        return j + 3;
      }
    }
    this.errors.push(`unterminated here-string at ${i}`);
    this.regions.push({ kind, start, end: s.length });
    return s.length;
  }

  private singleQuoted(i: number): number {
    const s = this.s;
    let j = i + 1;
    while (j < s.length) {
      if (PS_SINGLE_QUOTES.has(s[j])) {
        if (PS_SINGLE_QUOTES.has(s[j + 1])) {
          j += 2;
          continue;
        }
        this.regions.push({ kind: 'single', start: i + 1, end: j });
        return j + 1;
      }
      j++;
    }
    this.errors.push(`unterminated single-quoted string at ${i}`);
    this.regions.push({ kind: 'single', start: i + 1, end: s.length });
    return s.length;
  }

  private doubleQuoted(i: number): number {
    const s = this.s;
    let j = i + 1;
    while (j < s.length) {
      const c = s[j];
      if (c === '`') {
        j += 2;
        continue;
      }
      if (c === '$' && s[j + 1] === '(') {
        const close = this.code(j + 2, true);
        j = close + 1;
        continue;
      }
      if (PS_DOUBLE_QUOTES.has(c)) {
        if (PS_DOUBLE_QUOTES.has(s[j + 1])) {
          j += 2;
          continue;
        }
        this.regions.push({ kind: 'double', start: i + 1, end: j });
        return j + 1;
      }
      j++;
    }
    this.errors.push(`unterminated double-quoted string at ${i}`);
    this.regions.push({ kind: 'double', start: i + 1, end: s.length });
    return s.length;
  }
}

export function scanPowerShell(script: string): PsScan {
  const lexer = new Lexer(script);
  lexer.code(0, false);
  return { regions: lexer.regions.sort((a, b) => a.start - b.start), errors: lexer.errors };
}

/** Every index where `needle` occurs in `text` (overlapping occurrences included). */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** A place where a value sits outside the one safe position. */
export interface Exposure {
  index: number;
  /** Where it was: 'code', a region kind, or 'comment with a line break'. */
  where: string;
  context: string;
}

function context(text: string, index: number, length: number): string {
  return JSON.stringify(text.slice(Math.max(0, index - 40), index + length + 40));
}

/**
 * Where `value` appears in the script other than wholly inside one single-quoted literal, or
 * wholly inside one `#` comment line with no line break in the value. `value` is searched as
 * written in the script: raw, and with ASCII `'` doubled (the psQuote escape).
 */
export function exposuresInPowerShell(script: string, value: string): Exposure[] {
  const scan = scanPowerShell(script);
  const out: Exposure[] = scan.errors.map((e) => ({ index: -1, where: e, context: '' }));
  const escaped = value.replace(/'/g, "''");
  const found = [...new Set([escaped, value])].flatMap((needle) =>
    occurrences(script, needle).map((index) => {
      const end = index + needle.length;
      const region = scan.regions.find((r) => r.start <= index && end <= r.end);
      return { needle, index, end, region };
    }),
  );
  // Spans where the value sits inside one literal: proven inert. An occurrence overlapping one
  // is the same text seen at another offset (`''` and `''''` inside the literal `''''''`).
  const safe = found.filter((f) => f.region?.kind === 'single');
  for (const { needle, index, end, region } of found) {
    if (safe.some((x) => index < x.end && x.index < end)) continue;
    if (region?.kind === 'line-comment' && !/[\r\n]/.test(needle)) continue;
    out.push({
      index,
      where: region ? (region.kind === 'line-comment' ? 'comment with a line break' : region.kind) : 'code',
      context: context(script, index, needle.length),
    });
  }
  return out;
}

/**
 * The script with every comment removed and every single-quoted literal reduced to `'S'`,
 * one code line per line, empty lines dropped. Two scripts with the same skeleton run the same
 * commands; only literal text and comments differ.
 */
export function codeSkeleton(script: string): string {
  const scan = scanPowerShell(script);
  if (scan.errors.length > 0) return `UNPARSEABLE: ${scan.errors.join('; ')}`;
  let out = '';
  let at = 0;
  for (const r of scan.regions) {
    if (r.start < at) continue; // a region nested in a double-quoted $(…) stays as written
    if (r.kind === 'single') {
      out += script.slice(at, r.start) + "S";
      at = r.end;
    } else if (r.kind === 'line-comment') {
      out += script.slice(at, r.start);
      at = r.end;
    } else if (r.kind === 'block-comment') {
      out += script.slice(at, r.start - 2);
      at = r.end + 2;
    }
  }
  out += script.slice(at);
  return out
    .split(/\r\n|\r|\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n');
}

/**
 * certreq INF: where `value` appears other than inside one `"…"` on one line, or in a `;`
 * comment line (the value holding no line break). INF lines end at CR or LF.
 */
export function exposuresInInf(inf: string, value: string): Exposure[] {
  const out: Exposure[] = [];
  // Map every character to: 'q' inside a quoted string, 'c' in a comment, '-' elsewhere.
  const kind: string[] = [];
  let inQuote = false;
  let inComment = false;
  for (let i = 0; i < inf.length; i++) {
    const c = inf[i];
    if (c === '\r' || c === '\n') {
      if (inQuote) out.push({ index: i, where: 'line break inside a quoted INF string', context: context(inf, i, 1) });
      inQuote = false;
      inComment = false;
      kind.push('-');
      continue;
    }
    if (inComment) {
      kind.push('c');
      continue;
    }
    if (c === '"') {
      inQuote = !inQuote;
      kind.push('-');
      continue;
    }
    if (!inQuote && c === ';') {
      inComment = true;
      kind.push('-');
      continue;
    }
    kind.push(inQuote ? 'q' : '-');
  }
  for (const index of occurrences(inf, value)) {
    const span = kind.slice(index, index + value.length);
    if (span.every((k) => k === 'q') && !/[\r\n"]/.test(value)) {
      // Inside quotes: also one contiguous quoted run, i.e. no quote character in between.
      continue;
    }
    if (span.every((k) => k === 'c') && !/[\r\n]/.test(value)) continue;
    out.push({ index, where: 'outside one quoted INF string', context: context(inf, index, value.length) });
  }
  return out;
}

/** The INF with quoted contents reduced to "S" and comments dropped: its key = value shape. */
export function infSkeleton(inf: string): string {
  return inf
    .split(/\r\n|\r|\n/)
    .map((line) => {
      let out = '';
      let inQuote = false;
      for (const c of line) {
        if (c === '"') {
          out += c;
          if (!inQuote) out += 'S';
          inQuote = !inQuote;
          continue;
        }
        if (inQuote) continue;
        if (c === ';') break;
        out += c;
      }
      return out.trimEnd();
    })
    .filter((l) => l.trim() !== '')
    .join('\n');
}
