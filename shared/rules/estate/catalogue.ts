// Every cross-server rule, in catalogue order (the rows of ../shared/docs/estate.md's table).
// Adding a rule = adding its file and one line here; the registry refuses duplicate ids.
import authCertificateOnEveryServer from './auth-certificate-on-every-server.js';
import authconfigThumbprintHeld from './authconfig-thumbprint-held.js';
import authNextStaged from './auth-next-staged.js';
import boundWithoutKey from './bound-without-key.js';
import edgeExternalShared from './edge-external-shared.js';
import exchangeStatus from './exchange-status.js';
import expiredBound from './expired-bound.js';
import internalTransportCertificate from './internal-transport-certificate.js';
import namespaceSanConsistent from './namespace-san-consistent.js';
import oauthTokenIssuerSame from './oauth-token-issuer-same.js';
import owaImThumbprintIsIis from './owa-im-thumbprint-is-iis.js';
import { EstateRuleRegistry } from './registry.js';
import tlsCertificateName from './tls-certificate-name.js';
import type { EstateRule } from './types.js';
import umCertificateValid from './um-certificate-valid.js';

export const ESTATE_RULES: readonly EstateRule[] = [
  authCertificateOnEveryServer,
  authconfigThumbprintHeld,
  authNextStaged,
  owaImThumbprintIsIis,
  oauthTokenIssuerSame,
  edgeExternalShared,
  umCertificateValid,
  internalTransportCertificate,
  tlsCertificateName,
  expiredBound,
  boundWithoutKey,
  exchangeStatus,
  namespaceSanConsistent,
];

/** The estate registry every shell uses (built once; throws at load time on a duplicate id). */
export const defaultEstateRegistry = new EstateRuleRegistry(ESTATE_RULES);
