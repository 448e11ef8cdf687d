// The role chosen in the toolbar, remembered across sessions in local storage.
import { useEffect, useState } from 'react';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';

const ROLE_KEY = 'certbench.role.v1';

function initialRole(): RoleChoice {
  try {
    return (window.localStorage.getItem(ROLE_KEY) as RoleChoice | null) ?? 'auto';
  } catch {
    return 'auto';
  }
}

export function useRememberedRole() {
  const [role, setRole] = useState<RoleChoice>(initialRole);
  useEffect(() => {
    try {
      window.localStorage.setItem(ROLE_KEY, role);
    } catch {
      /* storage disabled: the role is simply not remembered */
    }
  }, [role]);
  return [role, setRole] as const;
}
