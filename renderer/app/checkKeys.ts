// The keys that say when a check or an inspector model must be asked for again. A key stands
// for the values it is built from, so effects depend on the key, not on objects whose identity
// changes on every render.
import type { Environment } from '../../shared/environment/types.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import type { OpenDocument } from '../state/workbench.js';

/** What the rules check in a file: its shown certificate, else its request (-1), else nothing. */
export function checkTarget(doc: OpenDocument): number | null {
  return doc.summary.certificates.length > 0 ? doc.certIndex : doc.summary.request ? -1 : null;
}

/** The role, the environment and the files marked trusted: another one makes every verdict stale. */
export function checkKeyOf(role: RoleChoice, environment: Environment, trustedDocIds: readonly string[] = []): string {
  return `${role}\n${JSON.stringify(environment)}\n${[...trustedDocIds].sort().join(',')}`;
}

/**
 * Other open files matter to a check (a thumbprint "among the files you checked") and to the
 * chain, hence their count — but not batch by batch while a folder opens: the first file is
 * checked when it shows and again once the whole folder is in, not after every batch.
 */
export function openFilesKey(opening: boolean, count: number): string {
  return opening ? 'opening' : String(count);
}
