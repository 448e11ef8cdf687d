// The catalogue as data (for `certbench rules --json` and the app's help page) and as Markdown.
import { defaultRegistry } from './catalogue.js';
import type { RuleRegistry } from './engine/registry.js';
import type { RuleRole } from './engine/roles.js';
import type { MaxStatus } from './engine/status.js';
import type { RuleSource } from './engine/types.js';
import { defaultEstateRegistry } from './estate/catalogue.js';
import type { EstateRuleRegistry } from './estate/registry.js';
import type { OutcomeStatus } from './estate/types.js';

export interface CatalogueEntry {
  id: string;
  title: string;
  requirement: string;
  roles: RuleRole[];
  source: RuleSource;
  citation: string;
  maxStatus: MaxStatus;
  effective?: string;
  unconfirmed?: boolean;
  subjects: ('certificate' | 'request')[];
  /** What an admin sees when the rule fails (event ids, error codes, log text): searchable. */
  symptoms?: string;
  /** `estate`: a cross-server rule judged on a whole snapshot (no roles, no subjects). */
  scope?: 'estate';
  /** The rule's declared outcomes, each with the status it reports (its cap) and what it means. */
  outcomes?: { id: string; status: OutcomeStatus; meaning: string; title?: string }[];
}

export function catalogue(registry: RuleRegistry = defaultRegistry, estateRegistry: EstateRuleRegistry | null = defaultEstateRegistry): CatalogueEntry[] {
  return [...certificateEntries(registry), ...(estateRegistry ? estateEntries(estateRegistry) : [])];
}

/** The cross-server rules (`certbench audit`), listed after the certificate rules. */
export function estateEntries(registry: EstateRuleRegistry = defaultEstateRegistry): CatalogueEntry[] {
  return registry.all().map((r) => {
    const entry: CatalogueEntry = {
      id: r.id,
      title: r.title,
      requirement: r.requirement,
      roles: [],
      source: r.source,
      citation: r.citation,
      maxStatus: r.maxStatus,
      subjects: [],
      scope: 'estate',
      outcomes: Object.entries(r.outcomes).map(([id, o]) => ({ id, status: o.status, meaning: o.meaning })),
    };
    if (r.unconfirmed) entry.unconfirmed = true;
    return entry;
  });
}

function certificateEntries(registry: RuleRegistry): CatalogueEntry[] {
  return registry.all().map((r) => {
    const entry: CatalogueEntry = {
      id: r.id,
      title: r.title,
      requirement: r.requirement,
      roles: [...r.roles],
      source: r.source,
      citation: r.citation,
      maxStatus: r.maxStatus,
      subjects: [...(r.subjects ?? ['certificate', 'request'])],
      outcomes: Object.entries(r.outcomes).map(([id, o]) => ({ id, status: o.status, title: o.title, meaning: o.meaning ?? o.title })),
    };
    if (r.effective) entry.effective = r.effective;
    if (r.unconfirmed) entry.unconfirmed = true;
    if (r.symptoms) entry.symptoms = r.symptoms;
    return entry;
  });
}
