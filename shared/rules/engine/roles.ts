// The jobs a certificate can be checked for. `general` rules apply to every role; `auto`
// guesses the roles from the certificate and the environment and says that it guessed.

export const ROLE_IDS = [
  'exchange-um',
  'owa-im',
  'edge-external',
  'edge-internal',
  'exchange-auth',
  'sfb-oauth',
  'general',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];

/** What a rule may list in `roles`: a role, or `auto` for the note about a guess. */
export type RuleRole = RoleId | 'auto';

/** What a user may ask for on the command line or in the role picker. */
export type RoleChoice = RoleId | 'auto';

export const ROLE_TITLES: Record<RoleChoice, string> = {
  'exchange-um': 'Exchange UM / UM Call Router',
  'owa-im': 'OWA ↔ Lync/SfB IM integration',
  'edge-external': 'Lync/SfB Edge external interface',
  'edge-internal': 'Lync/SfB Edge internal interface',
  'exchange-auth': 'Exchange Server Auth certificate (OAuth)',
  'sfb-oauth': 'Lync/SfB OAuthTokenIssuer',
  general: 'General certificate hygiene',
  auto: 'Guess from the certificate and environment',
};

/**
 * Roles where a Lync/SfB server validates the certificate in a TLS/MTLS handshake: the Lync
 * server-certificate rules (no wildcard CN, Server Authentication EKU, CDP, no RSASSA-PSS)
 * apply to these.
 */
export const LYNC_TLS_ROLES: readonly RoleId[] = ['exchange-um', 'owa-im', 'edge-external', 'edge-internal'];

export function isRoleChoice(value: string): value is RoleChoice {
  return value === 'auto' || (ROLE_IDS as readonly string[]).includes(value);
}
