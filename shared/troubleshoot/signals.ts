// What a pasted event, error message or code says, as signals to look up in the rule catalogue:
// codes (event ids, HRESULTs, error constants, SMTP and HTTP status codes), cmdlet names,
// phrases and distinctive words. A code is the strongest evidence, a phrase next, a word least.

export type SignalKind = 'code' | 'cmdlet' | 'phrase' | 'word';

export interface Signal {
  kind: SignalKind;
  /** Lower-case text to find. */
  text: string;
  /** As the admin wrote it (shown in "matched …"). */
  shown: string;
  /** How much a match counts. */
  weight: number;
  /** Match only where it stands alone (codes: "1344" does not find "13440"). */
  standalone: boolean;
}

const STOP_WORDS = new Set(
  'with from that this have when then there their they were what which will would could should about into your than them also only after before again does doesn event error errors please later shows show showed server servers found problem failed fails failing working work http https certificate certificates exchange lync skype business'.split(' '),
);

/** Apostrophes and quotes as plain ASCII, whitespace collapsed, lower case. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function signalsOf(input: string): Signal[] {
  const raw = input.replace(/[\u200B-\u200F\uFEFF]/g, '');
  const text = normalizeText(raw);
  const out: Signal[] = [];
  const add = (s: Signal) => {
    if (!out.some((o) => o.text === s.text)) out.push(s);
  };
  // HRESULTs and NTSTATUS-style codes: 0x800B010F.
  for (const m of text.matchAll(/\b0x[0-9a-f]{4,8}\b/g)) add({ kind: 'code', text: m[0], shown: m[0].toUpperCase().replace(/^0X/, '0x'), weight: 12, standalone: true });
  // Error constants: CERT_E_CN_NO_MATCH, SIPPROXY_E_UNKNOWN_USER_OR_EPID.
  for (const m of raw.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}\b/g)) add({ kind: 'code', text: m[0].toLowerCase(), shown: m[0], weight: 12, standalone: true });
  // SMTP enhanced status codes: 5.7.3.
  for (const m of text.matchAll(/(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.])/g)) add({ kind: 'code', text: m[0], shown: m[0], weight: 10, standalone: true });
  // Numbers: event ids, ms-diagnostics codes, HTTP and SMTP replies. Alone or after "event",
  // "id", "ms-diagnostics", "diagnostic", "http", "error" they are codes; elsewhere weaker.
  const onlyNumber = /^\D*\d{3,5}\D*$/.test(text) && text.replace(/[^a-z]/g, '').length <= 'eventid'.length;
  for (const m of text.matchAll(/(?<![\d.x])\d{3,5}(?![\d.])/g)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const labelled = /(event(\s*id)?|ms-diagnostics|diagnostic(\s*id)?|http|error|status|code|\()\s*[:#=]?\s*$/.test(before);
    const year = /^(19|20)\d\d$/.test(m[0]);
    add({ kind: 'code', text: m[0], shown: m[0], weight: onlyNumber || labelled ? 10 : year ? 1 : 6, standalone: true });
  }
  // Cmdlets: New-CsPartnerApplication, Set-AuthConfig.
  for (const m of raw.matchAll(/\b(?:Get|Set|New|Remove|Enable|Import|Export|Test|Request)-[A-Z][A-Za-z]+\b/g)) add({ kind: 'cmdlet', text: m[0].toLowerCase(), shown: m[0], weight: 6, standalone: true });
  // Phrases: the whole text, and each quoted or sentence-like part of three words or more.
  const parts = [text, ...text.split(/["().;:!?\n]|\s-\s/)].map((p) => p.trim().replace(/^'|'$/g, '')).filter((p) => p.split(' ').length >= 3);
  for (const p of parts) add({ kind: 'phrase', text: p, shown: p, weight: Math.min(20, 4 + p.split(' ').length * 2), standalone: false });
  // Three-word runs: wording shared with a rule's text even where the whole sentence differs.
  const tokens = text.replace(/[^a-z0-9'\- ]+/g, ' ').split(' ').filter(Boolean);
  for (let i = 0; i + 3 <= tokens.length; i++) {
    const run = tokens.slice(i, i + 3);
    if (run.every((t) => STOP_WORDS.has(t) || t.length < 4)) continue;
    const joined = run.join(' ');
    add({ kind: 'phrase', text: joined, shown: joined, weight: 3, standalone: false });
  }
  // Words: distinctive ones only.
  for (const m of text.matchAll(/[a-z][a-z'-]{3,}/g)) {
    const w = m[0].replace(/'s$/, '').replace(/^-+|-+$/g, '');
    if (w.length < 4 || STOP_WORDS.has(w)) continue;
    add({ kind: 'word', text: w, shown: w, weight: 1, standalone: false });
  }
  return out;
}

/** Does `haystack` (normalised) contain the signal? */
export function signalMatches(signal: Signal, haystack: string): boolean {
  if (!signal.standalone) return haystack.includes(signal.text);
  const escaped = signal.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9a-z_.])${escaped}(?![0-9a-z_]|\\.[0-9])`).test(haystack);
}
