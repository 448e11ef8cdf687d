// The rule catalogue as a help page: every rule, its requirement, roles, ceiling, the outcomes
// it can report (each with its status and what it means) and its sources with links — the same
// list the CLI's rule catalogue prints.
import { useEffect, useState } from 'react';
import type { CatalogueEntry } from '../../shared/rules/catalogueEntries.js';
import { searchCatalogue } from '../../shared/rules/searchCatalogue.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { CitationText } from '../components/CitationText.js';
import { useServices } from '../components/context.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { roleLabel } from '../lib/roles.js';

export function RulesView() {
  const { worker, platform } = useServices();
  const [entries, setEntries] = useState<CatalogueEntry[] | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    worker.catalogue().then(setEntries, () => setEntries([]));
  }, [worker]);
  // The core's search: event ids, error codes and log text find the rule as well as its words.
  const shown = searchCatalogue(entries ?? [], filter);
  return (
    <section className="tool-view" aria-label="Rule catalogue">
      <div className="view-head">
        <h2>Rule catalogue</h2>
        <input type="text" aria-label="Filter rules" placeholder="Search: 1344, 0x800B010F, wildcard, SAN…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <p className="muted">
        {entries ? `${shown.length} of ${entries.length} rules.` : 'Loading…'} A MUST in the source is an error, a SHOULD a warning; facts the reference marks unconfirmed are
        never errors.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Roles</th>
            <th scope="col">At worst</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id}>
              <td>
                <div>
                  <strong>{e.title}</strong> <span className="muted small mono">{e.id}</span>
                </div>
                <div>{e.requirement}</div>
                <div className="muted small">
                  <CitationText citation={e.citation} onOpenUrl={(url) => void platform.openExternal(url)} />
                  {e.unconfirmed ? ' · reported, not documented' : ''}
                  {e.effective ? ` · from ${e.effective.slice(0, 10)}` : ''}
                </div>
                {e.outcomes && e.outcomes.length > 0 ? <RuleOutcomes outcomes={e.outcomes} /> : null}
              </td>
              <td className="small">{e.roles.map(roleLabel).join(', ')}</td>
              <td>
                <StatusBadge status={e.maxStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What the rule can report: each declared outcome with the status it reports at worst. */
function RuleOutcomes({ outcomes }: { outcomes: NonNullable<CatalogueEntry['outcomes']> }) {
  return (
    <details className="rule-outcomes small">
      <summary>
        {outcomes.length} {outcomes.length === 1 ? 'outcome' : 'outcomes'}
      </summary>
      <ul>
        {outcomes.map((o) => (
          <li key={o.id}>
            <StatusBadge status={o.status} /> <span>{forPeople(o.title ?? o.meaning)}</span>
            {o.title && o.meaning !== o.title ? <span className="muted"> — {forPeople(o.meaning)}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
