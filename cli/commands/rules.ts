// certbench rules [SEARCH…] [--json]: the rule catalogue — Markdown by default, JSON for tools; words search it.
import { catalogue, type CatalogueEntry } from '../../shared/rules/catalogueEntries.js';
import { ROLE_TITLES } from '../../shared/rules/engine/roles.js';
import { searchCatalogue } from '../../shared/rules/searchCatalogue.js';
import { parseArgs } from '../args.js';
import { EXIT_OK, jsonOut, type CommandRunner } from '../io.js';

export const rules: CommandRunner = async (argv, io) => {
  const args = parseArgs(argv, { json: 'boolean' }, 'rules');
  // Words after `rules` search the catalogue: an event id, an error code, log text (core search).
  const query = args.positional.join(' ');
  const entries = query ? searchCatalogue(catalogue(), query) : catalogue();
  if (query && entries.length === 0 && !args.flags.has('json')) {
    io.out(`No rule mentions "${query}". Try an event id, an error code or a word of the message.\n`);
    return EXIT_OK;
  }
  if (args.flags.has('json')) io.out(jsonOut(io, { rules: entries }, 2) + '\n');
  else io.out(markdown(entries) + (query ? symptomsOf(entries) : ''));
  return EXIT_OK;
};

const GROUPS: { prefix: string; title: string }[] = [
  { prefix: 'general.', title: 'General (every role)' },
  { prefix: 'lync.', title: 'Lync/SfB server certificates (Exchange UM, OWA IM, Edge external, Edge internal)' },
  { prefix: 'exchange-um.', title: ROLE_TITLES['exchange-um'] },
  { prefix: 'owa-im.', title: ROLE_TITLES['owa-im'] },
  { prefix: 'edge-external.', title: ROLE_TITLES['edge-external'] },
  { prefix: 'edge-internal.', title: ROLE_TITLES['edge-internal'] },
  { prefix: 'exchange-auth.', title: ROLE_TITLES['exchange-auth'] },
  { prefix: 'sfb-oauth.', title: ROLE_TITLES['sfb-oauth'] },
  { prefix: 'auto.', title: '--role auto' },
  { prefix: 'estate.', title: 'Estate (cross-server, certbench audit)' },
];

const CEILING: Record<CatalogueEntry['maxStatus'], string> = { error: 'Error', warn: 'Warning', info: 'Info' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdown(entries: CatalogueEntry[]): string {
  const out: string[] = [
    '# CertBench rule catalogue',
    '',
    `${entries.length} rules. "Ceiling" is the worst status a rule can report: a fact the sources do not confirm never becomes an error. A rule that cannot run reports Fatal.`,
    '',
  ];
  for (const group of GROUPS) {
    const rows = entries.filter((e) => e.id.startsWith(group.prefix));
    if (rows.length === 0) continue;
    out.push(`## ${group.title}`, '', '| Rule | Requirement | Ceiling | Source | Citation |', '|---|---|---|---|---|');
    for (const e of rows) {
      const notes = [e.unconfirmed ? 'unconfirmed — reported, not documented' : '', e.effective ? `issued from ${e.effective.slice(0, 10)}` : '', e.subjects.length === 1 ? `${e.subjects[0]}s only` : '']
        .filter(Boolean)
        .join('; ');
      const outcomes = e.outcomes ? `<br>Outcomes: ${e.outcomes.map((o) => `${o.id} (${o.status})`).join(', ')}` : '';
      out.push(`| \`${e.id}\`<br>${cell(e.title)} | ${cell(e.requirement)}${notes ? ` _(${notes})_` : ''}${cell(outcomes)} | ${CEILING[e.maxStatus]} | ${e.source} | ${cell(e.citation)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

rules.usage = `Usage: certbench rules [SEARCH…] [--json]

Print the rule catalogue with sources: Markdown, or JSON with --json.
SEARCH finds the rules that mention every word given: an event id (1344), an error code
(0x800B010F) or a line of log text ("Certificate subject name is not valid").
`;

/** After a search: what an admin sees for each rule found, so the match is visible. */
function symptomsOf(entries: CatalogueEntry[]): string {
  const rows = entries.filter((e) => e.symptoms).map((e) => `- \`${e.id}\`: ${e.symptoms}`);
  return rows.length ? ['## What an admin sees', '', ...rows, ''].join('\n') + '\n' : '';
}
