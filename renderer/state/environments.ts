// Named environments (Contoso, Fabrikam…) kept in localStorage and exported / imported as the
// same JSON the CLI reads with --env. Every way in — Import JSON, the saved book, the editor —
// goes through the core's one validator (shared/environment/validate.ts): an imported file is
// refused with the same sentence the CLI gives, and what the rules see is only what it accepts.
import type { Environment } from '../../shared/environment/types.js';
import { parseEnvironment, validateEnvironment } from '../../shared/environment/validate.js';

export const STORAGE_KEY = 'certbench.environments.v1';

/**
 * The environments as the editor holds them: drafts, which may still carry what the person is
 * typing ("ex1 contoso") — shown with its problem under the field, never used by a check and
 * never exported (`usableEnvironment`).
 */
export interface EnvironmentBook {
  active: string;
  environments: Environment[];
}

/** An environment file chosen in the app: the core reads it exactly as `certbench --env` does. */
export function parseEnvironmentJson(text: string, fileName = 'The environment file'): Environment {
  return parseEnvironment(text, fileName);
}

/** What the checks use from a draft: the fields the validator accepts, versions in canonical form. */
export function usableEnvironment(draft: Environment): Environment {
  return validateEnvironment(draft).environment;
}

export function defaultBook(): EnvironmentBook {
  return { active: 'My environment', environments: [{ name: 'My environment' }] };
}

export function loadBook(storage: Pick<Storage, 'getItem'>): EnvironmentBook {
  try {
    const text = storage.getItem(STORAGE_KEY);
    if (!text) return defaultBook();
    const data = JSON.parse(text) as { active?: unknown; environments?: unknown };
    // Stored environments pass the same validator as an imported file; a field it refuses (a
    // draft saved mid-typing, or a value an older CertBench kept) is left out, the rest is kept.
    const environments = Array.isArray(data.environments)
      ? data.environments.map((e) => validateEnvironment(e).environment).filter((e) => typeof e.name === 'string' && e.name.trim() !== '')
      : [];
    if (environments.length === 0) return defaultBook();
    const active = typeof data.active === 'string' && environments.some((e) => e.name === data.active) ? data.active : environments[0]!.name!;
    return { active, environments };
  } catch {
    return defaultBook();
  }
}

export function saveBook(storage: Pick<Storage, 'setItem'>, book: EnvironmentBook): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(book));
}

export function activeEnvironment(book: EnvironmentBook): Environment {
  return book.environments.find((e) => e.name === book.active) ?? book.environments[0] ?? {};
}

/** Adds or replaces by name; an unnamed environment gets a free "Imported n" name. */
export function upsertEnvironment(book: EnvironmentBook, env: Environment, makeActive = true): EnvironmentBook {
  let name = env.name;
  if (!name) {
    let n = 1;
    while (book.environments.some((e) => e.name === `Imported ${n}`)) n++;
    name = `Imported ${n}`;
  }
  const named = { ...env, name };
  const exists = book.environments.some((e) => e.name === name);
  const environments = exists ? book.environments.map((e) => (e.name === name ? named : e)) : [...book.environments, named];
  return { active: makeActive ? name : book.active, environments };
}

export function renameEnvironment(book: EnvironmentBook, from: string, to: string): EnvironmentBook {
  const target = to.trim();
  if (!target || book.environments.some((e) => e.name === target)) return book;
  return {
    active: book.active === from ? target : book.active,
    environments: book.environments.map((e) => (e.name === from ? { ...e, name: target } : e)),
  };
}

export function removeEnvironment(book: EnvironmentBook, name: string): EnvironmentBook {
  const environments = book.environments.filter((e) => e.name !== name);
  if (environments.length === 0) return defaultBook();
  return { active: book.active === name ? environments[0]!.name! : book.active, environments };
}
