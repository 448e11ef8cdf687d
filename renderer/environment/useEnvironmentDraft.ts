// The environment being edited: the draft (what the person typed, including what the validator
// refuses, so it can be corrected in place), the core validator's problems keyed by field path,
// and the setters the sections use. Every change is handed to the book at once; what the checks
// see is the validated environment the book derives from it (useEnvironmentBook).
import { useMemo, useState } from 'react';
import type { EdgePool, Environment, ExchangeServer, SfbPool } from '../../shared/environment/types.js';
import { validateEnvironment, type EnvironmentProblem } from '../../shared/environment/validate.js';

/** Drop empty strings, undefined and empty lists, so the draft stays the JSON a person would write. */
export function clean<T extends object>(obj: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(obj)) {
    if (v === '' || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export interface EnvironmentDraft {
  env: Environment;
  problems: readonly EnvironmentProblem[];
  /** The messages for one field (`exchangeServers[0].fqdn`) or, for a list, its items too (`sipDomains`). */
  problemsAt(path: string, withItems?: boolean): string[];
  set(patch: Partial<Environment>): void;
  setServer(i: number, patch: Partial<ExchangeServer>): void;
  setPool(i: number, patch: Partial<SfbPool>): void;
  setEdge(i: number, patch: Partial<EdgePool>): void;
}

/**
 * Holds the draft from the moment the form is mounted: the form is remounted (keyed) when another
 * environment is shown or one is imported, so `initial` is read once.
 */
export function useEnvironmentDraft(initial: Environment, onChange: (env: Environment) => void): EnvironmentDraft {
  const [env, setEnv] = useState<Environment>(initial);
  const problems = useMemo(() => validateEnvironment(env).problems, [env]);
  const set = (patch: Partial<Environment>) => {
    const next: Environment = { ...env, ...patch };
    for (const key of Object.keys(patch) as (keyof Environment)[]) {
      const v = next[key];
      if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)) delete next[key];
    }
    setEnv(next);
    onChange(next);
  };
  const servers = env.exchangeServers ?? [];
  const pools = env.sfbPools ?? [];
  const edges = env.edgePools ?? [];
  return {
    env,
    problems,
    problemsAt: (path, withItems = false) =>
      problems.filter((p) => p.path === path || (withItems && (p.path.startsWith(`${path}[`) || p.path.startsWith(`${path}.`)))).map((p) => p.message),
    set,
    setServer: (i, patch) => set({ exchangeServers: servers.map((s, j) => (j === i ? clean({ ...s, ...patch }) : s)) }),
    setPool: (i, patch) => set({ sfbPools: pools.map((s, j) => (j === i ? clean({ ...s, ...patch }) : s)) }),
    setEdge: (i, patch) => set({ edgePools: edges.map((s, j) => (j === i ? clean({ ...s, ...patch }) : s)) }),
  };
}
