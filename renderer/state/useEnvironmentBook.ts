// The environment book as React state, saved to localStorage on every change. `draft` is what
// the editor shows (with what is being typed); `environment` is what the checks use: only what
// the core validator accepts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import {
  activeEnvironment,
  defaultBook,
  loadBook,
  removeEnvironment,
  renameEnvironment,
  saveBook,
  upsertEnvironment,
  usableEnvironment,
  type EnvironmentBook,
} from './environments.js';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useEnvironmentBook() {
  const [book, setBook] = useState<EnvironmentBook>(() => {
    const s = storage();
    return s ? loadBook(s) : defaultBook();
  });
  /** Bumped when the form must re-read its fields (import, switch, new). */
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const s = storage();
    if (s) saveBook(s, book);
  }, [book]);
  const draft = activeEnvironment(book);
  // Keyed by the draft object: it changes only when the book does, so views that depend on the
  // environment (the request designer's draft, the verdicts) are not reset on every render.
  const environment = useMemo(() => usableEnvironment(draft), [draft]);
  return {
    book,
    draft,
    environment,
    revision,
    update: useCallback((env: Environment) => setBook((b) => upsertEnvironment(b, { ...env, name: b.active })), []),
    switchTo: useCallback((name: string) => {
      setBook((b) => ({ ...b, active: name }));
      setRevision((r) => r + 1);
    }, []),
    create: useCallback(() => {
      setBook((b) => {
        let n = b.environments.length + 1;
        while (b.environments.some((e) => e.name === `Environment ${n}`)) n++;
        return upsertEnvironment(b, { name: `Environment ${n}` });
      });
      setRevision((r) => r + 1);
    }, []),
    rename: useCallback((name: string) => setBook((b) => renameEnvironment(b, b.active, name)), []),
    remove: useCallback(() => {
      setBook((b) => removeEnvironment(b, b.active));
      setRevision((r) => r + 1);
    }, []),
    importEnvironment: useCallback((env: Environment) => {
      setBook((b) => upsertEnvironment(b, env));
      setRevision((r) => r + 1);
    }, []),
  };
}
