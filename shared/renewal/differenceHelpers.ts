// The pieces every difference finder shares: what it is told, and how it writes a difference.
import type { Environment } from '../environment/types.js';
import type { RoleId } from '../rules/engine/roles.js';
import type { Difference, Impact } from './diffTypes.js';

export interface FieldContext {
  roles: readonly RoleId[];
  environment: Environment;
  at: Date;
}

export const has = (ctx: FieldContext, ...roles: RoleId[]) => roles.some((r) => ctx.roles.includes(r));

export function diff(field: string, label: string, oldValue: string, newValue: string, impact: Impact, why: string, ruleId?: string): Difference {
  return { field, label, old: oldValue, new: newValue, impact, why, ...(ruleId ? { ruleId } : {}) };
}
