// docs/sources.md is generated from the citations, the rules' outcomes and the fact ids the
// generated scripts cite; this test fails when the page is stale (UPDATE_SOURCES=1, or
// `node scripts/gen-sources.js`, rewrites it) and when a fact id a script cites is not mapped.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../shared/rules/catalogue.js';
import { ESTATE_RULES } from '../../shared/rules/estate/catalogue.js';
import { CITE } from '../../shared/rules/helpers/citations.js';
import { CITE_URL } from '../../shared/rules/helpers/citationUrls.js';
import { FACTS } from '../../shared/rules/helpers/facts.js';
import { SOURCES_PAGE, factUses, sourcesPage } from '../../scripts/gen-sources-page.js';

describe('docs/sources.md', () => {
  const page = sourcesPage();

  it('is up to date with the code', () => {
    if (process.env.UPDATE_SOURCES === '1') fs.writeFileSync(SOURCES_PAGE, page);
    const onDisk = fs.existsSync(SOURCES_PAGE) ? fs.readFileSync(SOURCES_PAGE, 'utf8') : '';
    expect(onDisk === page, 'docs/sources.md is stale: run `node scripts/gen-sources.js`').toBe(true);
  });

  it('lists every source with a URL, every rule with its outcome codes, and every fact id', () => {
    for (const key of Object.keys(CITE)) {
      expect(CITE_URL[key as keyof typeof CITE], key).toMatch(/^(https?:\/\/|\(field report)/);
      expect(page).toContain(`| ${key} |`);
    }
    for (const r of [...ALL_RULES, ...ESTATE_RULES]) {
      expect(page).toContain(`### \`${r.id}\``);
      for (const k of Object.keys(r.outcomes)) expect(page).toContain(`\`${r.id}/${k}\``);
    }
    for (const id of factUses().keys()) expect(page).toContain(`| ${id} |`);
  });

  it('maps every fact id the scripts cite to a described fact, and every mapped rule exists', () => {
    const unmapped = [...factUses().keys()].filter((id) => !FACTS[id]);
    expect(unmapped).toEqual([]);
    const ids = new Set([...ALL_RULES, ...ESTATE_RULES].map((r) => r.id));
    const unknownRules = Object.entries(FACTS).flatMap(([id, f]) => f.rules.filter((r) => !ids.has(r)).map((r) => `${id} → ${r}`));
    expect(unknownRules).toEqual([]);
    const unknownSources = Object.entries(FACTS).flatMap(([id, f]) => f.sources.filter((s) => !(s in CITE)).map((s) => `${id} → ${s}`));
    expect(unknownSources).toEqual([]);
  });

  it('every CITE entry is cited by a rule or a fact (no dead sources)', () => {
    const rules = [...ALL_RULES, ...ESTATE_RULES];
    const dead = Object.entries(CITE).filter(([key, text]) => !rules.some((r) => r.citation.includes(text)) && !Object.values(FACTS).some((f) => f.sources.includes(key)));
    expect(dead.map(([k]) => k)).toEqual([]);
  });
});
