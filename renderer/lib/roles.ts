// Role names for pickers, short enough for the toolbar.
import { ROLE_IDS, ROLE_TITLES, type RoleChoice } from '../../shared/rules/engine/roles.js';

const SHORT: Record<RoleChoice, string> = {
  auto: 'Auto (guess)',
  'exchange-um': 'Exchange UM',
  'owa-im': 'OWA IM',
  'edge-external': 'Edge external',
  'edge-internal': 'Edge internal',
  'exchange-auth': 'Exchange Auth (OAuth)',
  'sfb-oauth': 'SfB OAuthTokenIssuer',
  general: 'General hygiene',
};

export const ROLE_OPTIONS: { id: RoleChoice; label: string; title: string }[] = (['auto', ...ROLE_IDS] as RoleChoice[]).map((id) => ({
  id,
  label: SHORT[id],
  title: ROLE_TITLES[id],
}));

export function roleLabel(role: string): string {
  return SHORT[role as RoleChoice] ?? role;
}
