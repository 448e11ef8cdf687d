// Builds docs/sources.md from the code: every source the rules cite (CITE, ESTATE_CITE) with its
// URL and the rules that cite it, each rule's declared outcomes and the tests that name it, and
// the fact ids the generated scripts cite (UM-01, IM-06, …) mapped to their rules. Nothing in it
// is typed by hand, so a stale page is caught by test/rules/sourcesPage.test.ts; rewrite it with
// `node scripts/gen-sources.js` (which runs that test with UPDATE_SOURCES=1).
import fs from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../shared/rules/catalogue.js';
import { ESTATE_RULES } from '../shared/rules/estate/catalogue.js';
import { ESTATE_CITE } from '../shared/rules/estate/citations.js';
import { CITE } from '../shared/rules/helpers/citations.js';
import { citedKeys } from '../shared/rules/helpers/citationLinks.js';
import { CITE_URL, ESTATE_CITE_URL, UNCONFIRMED_URLS } from '../shared/rules/helpers/citationUrls.js';
import { FACTS } from '../shared/rules/helpers/facts.js';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SOURCES_PAGE = path.join(ROOT, 'docs/sources.md');

/** A fact id as the scripts write it (`UM-01`, `OA-EX-03`), not part of a longer token. */
export const FACT_ID = /(?<![A-Za-z0-9-])(?:OA-)?(?:UM|IM|EDGE|FE|EX|LY|PFX|WIN|GEN|CAB)-[0-9]{2}(?![0-9])/g;

interface AnyRule {
  id: string;
  title: string;
  citation: string;
  maxStatus: string;
  outcomes: Readonly<Record<string, { status: string; title?: string; meaning?: string }>>;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'data' && e.name !== 'node_modules' && e.name !== 'golden') out.push(...filesUnder(p, ext));
    } else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

const rel = (p: string): string => path.relative(ROOT, p).split(path.sep).join('/');

/** Fact id → the shared/commands files whose scripts cite it. */
export function factUses(): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const file of filesUnder(path.join(ROOT, 'shared/commands'), /\.ts$/)) {
    for (const id of new Set(fs.readFileSync(file, 'utf8').match(FACT_ID) ?? [])) uses.set(id, [...(uses.get(id) ?? []), rel(file)]);
  }
  return new Map([...uses].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Rule id → the tests that produce its outcomes by code: the test/rules files that name one of
 * its `'rule-id/outcome'` codes, and the estate rules' golden test (its rows name the short id).
 * Only outcome tests count, so that an unrelated new test does not make this page stale.
 */
function testsNaming(ids: string[]): Map<string, string[]> {
  const files = [...filesUnder(path.join(ROOT, 'test/rules'), /\.test\.tsx?$/), path.join(ROOT, 'test/estate/rules.test.ts')].filter((f) => fs.existsSync(f));
  const sources = files.map((f) => ({ file: rel(f), text: fs.readFileSync(f, 'utf8') }));
  return new Map(
    ids.map((id) => [
      id,
      sources.filter((s) => s.text.includes(`'${id}/`) || (id.startsWith('estate.') && s.file === 'test/estate/rules.test.ts' && s.text.includes(`rule: '${id.slice('estate.'.length)}'`))).map((s) => s.file),
    ]),
  );
}

/** The address as recorded, marked when nobody has confirmed that it opens the cited document. */
const address = (key: string, url: string): string => ((UNCONFIRMED_URLS as ReadonlySet<string>).has(key) ? `${url} (address not confirmed)` : url);

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => `\`${s}\``;

/** The citation as written, each quoted CITE entry replaced by its key ("S1 — \"…\"; S6"). */
function keyedCitation(citation: string): string {
  let text = citation;
  for (const [key, cited] of Object.entries(CITE).sort(([, a], [, b]) => b.length - a.length)) text = text.split(cited).join(key);
  return text;
}

export function sourcesPage(): string {
  const rules: AnyRule[] = [...ALL_RULES, ...ESTATE_RULES];
  const out: string[] = [];
  out.push('# Sources, rules and fact ids');
  out.push('');
  out.push('Generated from the code by `node scripts/gen-sources.js` (`scripts/gen-sources-page.ts`); do not edit by hand —');
  out.push('`test/rules/sourcesPage.test.ts` fails when this page is stale. Sources come from `shared/rules/helpers/citations.ts`');
  out.push('(CITE), `shared/rules/estate/citations.ts` (ESTATE_CITE) and their URLs from `shared/rules/helpers/citationUrls.ts`;');
  out.push('fact ids from the comments of the generated scripts in `shared/commands/`, mapped in `shared/rules/helpers/facts.ts`.');
  out.push('A URL marked "(site; …)" names the site of a post whose exact address was not recorded; one marked');
  out.push('"(address not confirmed)" was put together from the document\'s id or title and has not been checked against the document.');
  out.push('');

  out.push('## Sources');
  out.push('');
  out.push('| Key | Source | URL | Rules citing it |');
  out.push('| --- | --- | --- | --- |');
  for (const [key, text] of Object.entries(CITE)) {
    const citing = rules.filter((r) => r.citation.includes(text)).map((r) => code(r.id));
    const facts = Object.entries(FACTS).filter(([, f]) => f.sources.includes(key)).map(([id]) => id);
    const also = facts.length ? `${citing.length ? '; ' : ''}facts ${facts.join(', ')}` : '';
    out.push(`| ${key} | ${cell(text)} | ${cell(address(key, CITE_URL[key as keyof typeof CITE]))} | ${citing.join(', ') || (also ? '' : '—')}${also} |`);
  }
  out.push('');

  out.push('## Estate sources');
  out.push('');
  out.push('| Key | Source | URL | Rules citing it |');
  out.push('| --- | --- | --- | --- |');
  for (const [key, text] of Object.entries(ESTATE_CITE)) {
    const reused = citedKeys(text, CITE);
    const own = ESTATE_CITE_URL[key as keyof typeof ESTATE_CITE];
    const url = own !== undefined ? address(key, own) : reused.length ? `see ${reused.join(', ')}` : '—';
    const citing = ESTATE_RULES.filter((r) => r.citation.includes(text)).map((r) => code(r.id));
    out.push(`| ${key} | ${cell(text)} | ${cell(url)} | ${citing.join(', ') || '—'} |`);
  }
  out.push('');

  out.push('## Rules, their sources, outcomes and tests');
  out.push('');
  const tests = testsNaming(rules.map((r) => r.id));
  for (const r of rules) {
    const keys = [...citedKeys(r.citation, CITE), ...citedKeys(r.citation, ESTATE_CITE).map((k) => `estate ${k}`)];
    out.push(`### ${code(r.id)} — ${r.title}`);
    out.push('');
    out.push(`- Sources: ${keys.join(', ') || '—'}`);
    out.push(`- Citation: ${keyedCitation(r.citation)}`);
    out.push(`- Outcomes (worst ${r.maxStatus}): ${Object.entries(r.outcomes).map(([k, o]) => `${code(`${r.id}/${k}`)} ${o.status}`).join(', ')}`);
    out.push(`- Tests: ${(tests.get(r.id) ?? []).map(code).join(', ') || '—'}`);
    out.push('');
  }

  out.push('## Fact ids in the generated scripts');
  out.push('');
  out.push('| Fact | What | Rules | Sources | Cited in |');
  out.push('| --- | --- | --- | --- | --- |');
  const uses = factUses();
  const ids = [...new Set([...uses.keys(), ...Object.keys(FACTS)])].sort();
  for (const id of ids) {
    const f = FACTS[id];
    out.push(`| ${id} | ${cell(f?.fact ?? '(not described)')} | ${f?.rules.map(code).join(', ') || '— (a script step no rule checks)'} | ${f?.sources.join(', ') || '—'} | ${(uses.get(id) ?? []).map(code).join(', ') || '—'} |`);
  }
  out.push('');
  return out.join('\n');
}
