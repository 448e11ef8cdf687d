// What each integration role needs in a request: which name goes in the CN, key choices,
// exportable flag and EKU. The facts come from domain-rules.md (ids in the comments).

import { ROLE_IDS, type RoleId } from '../rules/engine/roles.js';

/** Every role a certificate is requested for: the rule engine's roles, less `general`. */
export type RequestRole = Exclude<RoleId, 'general'>;

export const REQUEST_ROLES: readonly RequestRole[] = ROLE_IDS.filter((r): r is RequestRole => r !== 'general');

export type KeyChoice = 'rsa2048' | 'rsa3072' | 'rsa4096' | 'p256' | 'p384';
export const KEY_CHOICES: readonly KeyChoice[] = ['rsa2048', 'rsa3072', 'rsa4096', 'p256', 'p384'];

export const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** Which product installs the certificate: decides New-ExchangeCertificate vs Request-CsCertificate. */
export type Product = 'exchange' | 'lync';

export interface RoleProfile {
  role: RequestRole;
  product: Product;
  /** Key choices the role supports. Every role here needs a legacy CSP key, so RSA only. */
  allowedKeys: readonly KeyChoice[];
  defaultKey: KeyChoice;
  exportable: boolean;
  ekus: readonly string[];
  /** Request-CsCertificate -Type for Lync roles. */
  lyncTypes?: readonly string[];
  /** Where the profile's facts come from (domain-rules ids). */
  sources: readonly string[];
}

// Exchange and Lync need the key in a legacy CSP (WIN-01, UM-08, GEN-L8), and a CSP holds only
// RSA keys: ECDSA would need CNG/KSP. Documented RSA sizes are 1024/2048/4096 (GEN-L4, WIN-03),
// so 3072 is not offered either.
const LEGACY_CSP_KEYS: readonly KeyChoice[] = ['rsa2048', 'rsa4096'];

export const ROLE_PROFILES: Record<RequestRole, RoleProfile> = {
  'exchange-um': {
    role: 'exchange-um',
    product: 'exchange',
    allowedKeys: LEGACY_CSP_KEYS,
    defaultKey: 'rsa2048',
    exportable: false,
    // UM talks MTLS to Lync; whether clientAuth is needed is unconfirmed (UM-09), so both.
    ekus: [OID_SERVER_AUTH, OID_CLIENT_AUTH],
    sources: ['UM-01', 'UM-02', 'UM-08', 'UM-09', 'WIN-01'],
  },
  'owa-im': {
    role: 'owa-im',
    product: 'exchange',
    allowedKeys: LEGACY_CSP_KEYS,
    defaultKey: 'rsa2048',
    exportable: false,
    ekus: [OID_SERVER_AUTH, OID_CLIENT_AUTH],
    sources: ['IM-05', 'IM-06', 'WIN-01'],
  },
  'edge-external': {
    role: 'edge-external',
    product: 'lync',
    allowedKeys: LEGACY_CSP_KEYS,
    defaultKey: 'rsa2048',
    exportable: true,
    // Server Authentication only: a public CA is asked for this certificate, and public CAs are
    // dropping Client Authentication (PUB-05) — general.client-auth-sunset warns on such a request.
    // EDGE-08 (-ClientEKU $true for AOL federation) is a legacy case the admin adds knowingly.
    ekus: [OID_SERVER_AUTH],
    lyncTypes: ['AccessEdgeExternal', 'DataEdgeExternal', 'AudioVideoAuthentication'],
    sources: ['EDGE-02', 'EDGE-03', 'EDGE-04', 'EDGE-08', 'GEN-L1', 'GEN-L8'],
  },
  'edge-internal': {
    role: 'edge-internal',
    product: 'lync',
    allowedKeys: LEGACY_CSP_KEYS,
    defaultKey: 'rsa2048',
    exportable: true,
    ekus: [OID_SERVER_AUTH],
    lyncTypes: ['Internal'],
    sources: ['EDGE-07', 'GEN-L1', 'GEN-L8'],
  },
  'exchange-auth': {
    role: 'exchange-auth',
    product: 'exchange',
    allowedKeys: ['rsa2048'],
    defaultKey: 'rsa2048',
    exportable: true,
    ekus: [OID_SERVER_AUTH],
    sources: ['OA-EX-01', 'WIN-01'],
  },
  'sfb-oauth': {
    role: 'sfb-oauth',
    product: 'lync',
    allowedKeys: LEGACY_CSP_KEYS,
    defaultKey: 'rsa2048',
    exportable: true,
    ekus: [OID_SERVER_AUTH],
    lyncTypes: ['OAuthTokenIssuer'],
    sources: ['OA-LY-01', 'OA-LY-02', 'OA-LY-03', 'OA-LY-04', 'GEN-L8'],
  },
};

export function isRequestRole(value: string): value is RequestRole {
  return (REQUEST_ROLES as readonly string[]).includes(value);
}

export function isKeyChoice(value: string): value is KeyChoice {
  return (KEY_CHOICES as readonly string[]).includes(value);
}

/** The subject CN the Exchange auth certificate must carry (OA-EX-01). */
export const EXCHANGE_AUTH_SUBJECT = 'Microsoft Exchange Server Auth Certificate';
