// The environment book as React state, saved to localStorage on every change.
import { useCallback, useEffect, useState } from 'react';
import type { Environment } from '../../shared/environment/types.js';
import {
  activeEnvironment,
  defaultBook,
  loadBook,
  removeEnvironment,
  renameEnvironment,
  saveBook,
  upsertEnvironment,
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
  const environment = activeEnvironment(book);
  return {
    book,
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
