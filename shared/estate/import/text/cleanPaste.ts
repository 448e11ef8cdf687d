// Pasted shell output as it arrives from e-mails, tickets and forums, made regular again:
// prompt lines split it into sections (and name the command and its -Server), markdown bold,
// `* ` row markers, `<==` comments and trailing spaces go, a blank line after every line
// (double spacing) is undone, a common indentation (comment-based help) is removed.

export interface PasteLine {
  text: string;
  /** 1-based line number in the source. */
  line: number;
}

export interface PromptCommand {
  /** The command line as typed after the prompt, e.g. `Get-ExchangeCertificate -Server EX1 | fl`. */
  command: string;
  /** The cmdlet / program it starts with (`Get-ExchangeCertificate`, `certutil`), or null. */
  cmdlet: string | null;
  /** The -Server / -ComputerName value, when the command names one. */
  server: string | null;
  line: number;
}

export interface PasteSection {
  /** The prompt (or bare command) line that opened the section; null before the first one. */
  prompt: PromptCommand | null;
  lines: PasteLine[];
}

// `[PS] C:\Windows\system32>`, `PS C:\>`, `[ex1.contoso.com]: PS C:\>`, `C:\>`.
const PROMPT = /^\s*(?:\[[^\]]{1,80}\]:?\s*)?(?:\[PS\]\s*|PS\s+)?[A-Za-z]:\\[^>]{0,200}>\s?(.*)$/;
// A command pasted without its prompt, alone on a line.
const BARE_COMMAND = /^\s*((?:Get|Export|Import)-[A-Za-z]+\b.*|certutil(?:\.exe)?\s+-\w.*)$/i;
const SERVER_PARAM = /-(?:Server|ComputerName)(?::|\s+)['"]?([A-Za-z0-9][A-Za-z0-9.-]*)['"]?/i;

export function cleanLine(raw: string): string {
  const line = raw
    .replace(/\r$/, '')
    .replace(/\uFEFF/g, '')
    .replace(/\u00A0/g, ' ') // HTML mail turns runs of spaces into no-break spaces
    // (U+200E and friends stay: a thumbprint setting may really hold one, and the rules say so)
    // markdown bold around text; a run of asterisks (a masked thumbprint) is left alone
    .replace(/\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/g, '$1')
    .replace(/\s*<==.*$/, '') // "<== this one" annotations
    .replace(/^(\s*)\* (?=\S)/, '$1') // "* " row markers
    .replace(/\s+$/, '');
  // Mail clients turn a table's rule of hyphens into en / em dashes.
  return /^[\s\-\u2013\u2014]+$/.test(line) ? line.replace(/[\u2013\u2014]/g, '-') : line;
}

export function readPrompt(text: string, line: number): PromptCommand | null {
  const p = PROMPT.exec(text);
  const command = (p ? p[1]! : BARE_COMMAND.exec(text)?.[1] ?? null)?.trim();
  if (command === undefined || command === null) return null;
  const cmdlet = /^([A-Za-z]+-[A-Za-z]+|certutil)(?:\.exe)?\b/i.exec(command)?.[1] ?? null;
  const server = SERVER_PARAM.exec(command)?.[1] ?? null;
  return { command, cmdlet, server, line };
}

/** Clean the text and cut it into sections at prompt lines. */
export function sectionsOf(text: string): PasteSection[] {
  const raw = text.split('\n').map((t, i) => ({ text: cleanLine(t), line: i + 1 }));
  const lines = undoDoubleSpacing(raw);
  const sections: PasteSection[] = [{ prompt: null, lines: [] }];
  for (const l of lines) {
    const prompt = readPrompt(l.text, l.line);
    if (prompt) {
      sections.push({ prompt, lines: [] });
      continue;
    }
    sections[sections.length - 1]!.lines.push(l);
  }
  for (const s of sections) s.lines = dedent(trimBlankEdges(s.lines));
  return sections.filter((s) => s.prompt !== null || s.lines.length > 0);
}

/**
 * "A blank line after every line": when nearly every text line is followed by a blank one, a
 * single blank line is an artefact and only a run of two or more separates objects.
 */
function undoDoubleSpacing(lines: PasteLine[]): PasteLine[] {
  const textIdx = lines.map((l, i) => (l.text === '' ? -1 : i)).filter((i) => i >= 0);
  if (textIdx.length < 4) return lines;
  let adjacent = 0;
  for (const i of textIdx) if (i + 1 < lines.length && lines[i + 1]!.text !== '') adjacent++;
  if (adjacent > textIdx.length * 0.1) return lines;
  const out: PasteLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text !== '') {
      out.push(l);
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.text === '') j++;
    if (j - i >= 2) out.push(l);
    i = j - 1;
  }
  return out;
}

function trimBlankEdges(lines: PasteLine[]): PasteLine[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.text === '') a++;
  while (b > a && lines[b - 1]!.text === '') b--;
  return lines.slice(a, b);
}

function dedent(lines: PasteLine[]): PasteLine[] {
  let min = Infinity;
  for (const l of lines) if (l.text !== '') min = Math.min(min, /^\s*/.exec(l.text)![0].length);
  if (!Number.isFinite(min) || min === 0) return lines;
  return lines.map((l) => ({ ...l, text: l.text.slice(min) }));
}
