// The optional appendix: for each role at least one certificate fails, the PowerShell that
// imports and assigns a compliant replacement (shared/commands). One script per role, not per
// certificate: the fix is a new certificate, and the script takes its thumbprint on import.
import { commandsFor } from '../commands/commandsFor.js';
import { isRequestRole } from '../csr/roles.js';
import type { Environment } from '../environment/types.js';
import { isUnsafeValueError } from '../powershell/unsafeValueError.js';
import { ROLE_IDS, ROLE_TITLES, type RoleId } from '../rules/engine/roles.js';
import type { FixCommands, ReportItem } from './model.js';

export function buildFixCommands(items: readonly ReportItem[], environment: Environment, server: string | undefined): FixCommands[] {
  const failingBy = new Map<RoleId, string[]>();
  for (const item of items) {
    for (const rv of item.roleVerdicts) {
      if (rv.verdict !== 'fail' || !isRequestRole(rv.role)) continue;
      failingBy.set(rv.role, [...(failingBy.get(rv.role) ?? []), item.id]);
    }
  }
  // Catalogue order of roles, so the appendix reads the same every time.
  return ROLE_IDS.filter((role) => failingBy.has(role)).map((role) => {
    const base = { role, roleTitle: ROLE_TITLES[role], itemIds: failingBy.get(role)! };
    if (!isRequestRole(role)) return base;
    try {
      return { ...base, script: commandsFor({ role, environment, ...(server !== undefined ? { server } : {}) }) };
    } catch (e) {
      if (isUnsafeValueError(e)) return { ...base, note: `No script: ${e.message}` };
      throw e;
    }
  });
}
