// "I see event 1344 — why?": a pasted event entry, error message or code → the certificate
// problems that cause it, ranked. The knowledge is the rule catalogue's own text (one source
// of truth): each rule's title, requirement, declared symptoms and — for the cross-server
// estate rules — outcomes and citation. Nothing here lists symptoms.
//
// Why not the catalogue's searchCatalogue(): that filter keeps the rules matching *every* term,
// right for a search box; a pasted log line has many words no rule names, so here each signal
// (signals.ts) scores the rules it appears in and the best-scoring rules are the causes.
import { catalogue, type CatalogueEntry } from '../rules/catalogueEntries.js';
import { ROLE_TITLES, type RoleId } from '../rules/engine/roles.js';
import type { Finding } from '../rules/engine/types.js';
import { whereToLook } from './evidence.js';
import { normalizeText, signalMatches, signalsOf, type Signal } from './signals.js';

export interface CauseShown {
  /** The file (or server) whose certificate shows the problem. */
  source: string;
  status: Finding['status'];
  title: string;
  detail: string;
  fix: string;
}

export interface Cause {
  ruleId: string;
  title: string;
  /** Roles whose certificate to check (empty for an estate-wide rule). */
  roles: RoleId[];
  /** Which certificate and role to check, in words. */
  check: string;
  /** What to open or paste to confirm it. */
  open: string;
  /** What must be true (the rule's requirement): the fix. */
  fix: string;
  /** What the rule says an admin sees when it is broken. */
  symptoms?: string;
  /** The parts of the pasted text the rule names. */
  matched: string[];
  score: number;
  /** Open certificates that actually show this problem (those causes come first). */
  shownBy: CauseShown[];
  unconfirmed?: boolean;
  estate?: boolean;
}

export interface WhyResult {
  query: string;
  causes: Cause[];
}

/** A finding from the open material (a checked file, an audited snapshot) and where it was seen. */
export interface OpenFinding {
  source: string;
  ruleId: string;
  status: Finding['status'];
  title: string;
  detail: string;
  fix: string;
}

export interface WhyOptions {
  entries?: readonly CatalogueEntry[];
  /** Findings of the open certificates or snapshot: causes they show are ranked first. */
  findings?: readonly OpenFinding[];
  /** At most this many causes (default 5). */
  limit?: number;
  /** The role the admin is looking at: a rule shared by several roles then names only this one. */
  role?: RoleId;
}

/** A cause must carry at least this much evidence: one code, one phrase, or several words. */
const MIN_SCORE = 4;
/** Without a code or a phrase, this many distinct words (or all of a shorter query's). */
const MIN_WORDS = 3;
const FIELD_WEIGHT = { symptoms: 1, title: 0.8, outcomes: 0.8, requirement: 0.6, citation: 0.5 } as const;

export function why(query: string, options: WhyOptions = {}): WhyResult {
  const entries = options.entries ?? catalogue();
  const signals = signalsOf(query);
  // A short query ("certificate expired") is answered when all its distinctive words match.
  const words = signals.filter((s) => s.kind === 'word');
  const scored = entries
    .map((entry, index) => ({ entry, index, ...score(entry, signals) }))
    .filter((s) => s.matched.some((m) => m.kind !== 'word') ? s.score >= MIN_SCORE : s.matched.length >= Math.min(MIN_WORDS, words.length) && s.matched.length > 0);
  const causes = scored.map((s) => ({ cause: causeOf(s.entry, s.score, s.matched.map((m) => m.shown), options.findings ?? [], options.role), index: s.index }));
  causes.sort(
    (a, b) =>
      Number(b.cause.shownBy.some(isProblem)) - Number(a.cause.shownBy.some(isProblem)) || b.cause.score - a.cause.score || a.index - b.index,
  );
  return { query, causes: causes.slice(0, options.limit ?? 5).map((c) => c.cause) };
}

function isProblem(s: CauseShown): boolean {
  return s.status === 'error' || s.status === 'warn' || s.status === 'fatal';
}

function fields(entry: CatalogueEntry): Record<keyof typeof FIELD_WEIGHT, string> {
  return {
    symptoms: normalizeText(entry.symptoms ?? ''),
    title: normalizeText(entry.title),
    outcomes: normalizeText((entry.outcomes ?? []).map((o) => o.meaning).join(' ')),
    requirement: normalizeText(entry.requirement),
    citation: normalizeText(entry.citation),
  };
}

/** Each signal counts once, at the weight of the best field it appears in. */
function score(entry: CatalogueEntry, signals: Signal[]): { score: number; matched: Signal[] } {
  const f = fields(entry);
  let total = 0;
  let words = 0;
  const matched: Signal[] = [];
  for (const s of signals) {
    let best = 0;
    for (const key of Object.keys(FIELD_WEIGHT) as (keyof typeof FIELD_WEIGHT)[]) {
      if (FIELD_WEIGHT[key] > best && signalMatches(s, f[key])) best = FIELD_WEIGHT[key];
    }
    if (best === 0) continue;
    // Words add little each and at most 6 in all: many common words must not beat one code.
    if (s.kind === 'word') {
      if (words >= 6) continue;
      words += s.weight * best;
    }
    total += s.weight * best;
    matched.push(s);
  }
  // A phrase found whole also contains its words: show the phrase, not each word again.
  const phrases = matched.filter((m) => m.kind === 'phrase');
  const shown = matched.filter((m) => m.kind !== 'word' || !phrases.some((p) => p.text.includes(m.text)));
  return { score: Math.round(total * 10) / 10, matched: shown };
}

function causeOf(entry: CatalogueEntry, score: number, matched: string[], findings: readonly OpenFinding[], role: RoleId | undefined): Cause {
  const all = entry.roles.filter((r): r is RoleId => r !== 'auto' && r !== 'general');
  const roles = role && all.includes(role) ? [role] : all;
  const estate = entry.scope === 'estate';
  const look = whereToLook(roles, estate);
  const shownBy = findings
    .filter((f) => f.ruleId === entry.id && f.status !== 'not_applicable')
    .map((f) => ({ source: f.source, status: f.status, title: f.title, detail: f.detail, fix: f.fix }));
  return {
    ruleId: entry.id,
    title: entry.title,
    roles,
    check: estate
      ? 'Every server of the estate (a cross-server rule).'
      : roles.length
        ? `The ${roles.map((r) => ROLE_TITLES[r]).join(' / ')} certificate.`
        : 'Every certificate bound to the service that fails.',
    open: look,
    fix: entry.requirement,
    ...(entry.symptoms ? { symptoms: entry.symptoms } : {}),
    matched,
    score,
    shownBy,
    ...(entry.unconfirmed ? { unconfirmed: true } : {}),
    ...(estate ? { estate: true } : {}),
  };
}
