// certbench rules [--json]: the rule catalogue — Markdown by default, JSON for tools.
import { catalogue, type CatalogueEntry } from '../../shared/rules/catalogueEntries.js';
import { ROLE_TITLES } from '../../shared/rules/engine/roles.js';
import { parseArgs } from '../args.js';
import { EXIT_OK, type CommandRunner } from '../io.js';

export const rules: CommandRunner = async (argv, io) => {
  const args = parseArgs(argv, { json: 'boolean' }, 'rules');
  if (args.positional.length > 0) {
    io.err(`certbench rules: takes no file arguments (got ${args.positional[0]}).\n`);
    return 2;
  }
  const entries = catalogue();
  if (args.flags.has('json')) io.out(JSON.stringify({ rules: entries }, null, 2) + '\n');
  else io.out(markdown(entries));
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

rules.usage = `Usage: certbench rules [--json]

Print the rule catalogue with sources: Markdown, or JSON with --json.
`;
