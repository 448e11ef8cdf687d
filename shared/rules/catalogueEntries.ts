// The catalogue as data (for `certbench rules --json` and the app's help page) and as Markdown.
import { defaultRegistry } from './catalogue.js';
import type { RuleRegistry } from './engine/registry.js';
import type { RuleRole } from './engine/roles.js';
import type { MaxStatus } from './engine/status.js';
import type { RuleSource } from './engine/types.js';

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
}

export function catalogue(registry: RuleRegistry = defaultRegistry): CatalogueEntry[] {
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
    };
    if (r.effective) entry.effective = r.effective;
    if (r.unconfirmed) entry.unconfirmed = true;
    return entry;
  });
}
