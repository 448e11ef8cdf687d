// Every rule CertBench knows, in catalogue order (general first, then by role). Adding a rule
// = adding its file and one line here; the registry refuses duplicate ids.
import { RuleRegistry } from './engine/registry.js';
import type { Rule } from './engine/types.js';

import autoRoleGuess from './auto/role-guess.js';
import edgeExternalCnIsAccessEdge from './edge-external/cn-is-access-edge.js';
import edgeExternalExportableKey from './edge-external/exportable-key.js';
import edgeExternalPublicCa from './edge-external/public-ca.js';
import edgeExternalSanRequiredNames from './edge-external/san-required-names.js';
import edgeInternalCnIsInternalFqdn from './edge-internal/cn-is-internal-fqdn.js';
import exchangeAuthMatchesAuthconfig from './exchange-auth/matches-authconfig.js';
import exchangeAuthNoSan from './exchange-auth/no-san.js';
import exchangeAuthPrivateKey from './exchange-auth/private-key.js';
import exchangeAuthRenewalWindow from './exchange-auth/renewal-window.js';
import exchangeAuthRsaKey from './exchange-auth/rsa-key.js';
import exchangeAuthSubject from './exchange-auth/subject.js';
import exchangeUmClientAuthEku from './exchange-um/client-auth-eku.js';
import exchangeUmCnIsServerFqdn from './exchange-um/cn-is-server-fqdn.js';
import exchangeUmSanOptional from './exchange-um/san-optional.js';
import exchangeUmVersionHasUm from './exchange-um/version-has-um.js';
import generalChainTrust from './general/chain-trust.js';
import generalClientAuthSunset from './general/client-auth-sunset.js';
import generalCnInSan from './general/cn-in-san.js';
import generalExpired from './general/expired.js';
import generalExpiryWindow from './general/expiry-window.js';
import generalKeyProviderCng from './general/key-provider-cng.js';
import generalNamedServerProduct from './general/named-server-product.js';
import generalInvisibleCharacters from './general/invisible-characters.js';
import generalNotYetValid from './general/not-yet-valid.js';
import generalPfxAesOldWindows from './general/pfx-aes-old-windows.js';
import generalPublicInternalNames from './general/public-internal-names.js';
import generalPublicValidityPeriod from './general/public-validity-period.js';
import generalRsaKeySize from './general/rsa-key-size.js';
import generalSha1Signature from './general/sha1-signature.js';
import lyncCnNotWildcard from './lync/cn-not-wildcard.js';
import lyncCrlDistributionPoint from './lync/crl-distribution-point.js';
import lyncFqdnCharacters from './lync/fqdn-characters.js';
import lyncNoRsassaPss from './lync/no-rsassa-pss.js';
import lyncNotSelfSigned from './lync/not-self-signed.js';
import lyncServerAuthEku from './lync/server-auth-eku.js';
import owaImCnIsPoolFqdn from './owa-im/cn-is-pool-fqdn.js';
import owaImExchangeVersionNotes from './owa-im/exchange-version-notes.js';
import owaImKnownServersConflict from './owa-im/known-servers-conflict.js';
import owaImPoolFqdnInSan from './owa-im/pool-fqdn-in-san.js';
import owaImThumbprintMatches from './owa-im/thumbprint-matches.js';
import sfbOauthExportableKey from './sfb-oauth/exportable-key.js';
import sfbOauthSameOnAllFrontEnds from './sfb-oauth/same-on-all-front-ends.js';

export const ALL_RULES: readonly Rule[] = [
  autoRoleGuess,
  generalExpired,
  generalNotYetValid,
  generalExpiryWindow,
  generalRsaKeySize,
  generalSha1Signature,
  generalChainTrust,
  generalCnInSan,
  generalPublicInternalNames,
  generalPublicValidityPeriod,
  generalKeyProviderCng,
  generalPfxAesOldWindows,
  generalClientAuthSunset,
  generalNamedServerProduct,
  generalInvisibleCharacters,
  lyncCnNotWildcard,
  lyncNotSelfSigned,
  lyncServerAuthEku,
  lyncCrlDistributionPoint,
  lyncNoRsassaPss,
  lyncFqdnCharacters,
  exchangeUmCnIsServerFqdn,
  exchangeUmVersionHasUm,
  exchangeUmSanOptional,
  exchangeUmClientAuthEku,
  owaImCnIsPoolFqdn,
  owaImPoolFqdnInSan,
  owaImThumbprintMatches,
  owaImKnownServersConflict,
  owaImExchangeVersionNotes,
  edgeExternalCnIsAccessEdge,
  edgeExternalSanRequiredNames,
  edgeExternalPublicCa,
  edgeExternalExportableKey,
  edgeInternalCnIsInternalFqdn,
  exchangeAuthMatchesAuthconfig,
  exchangeAuthPrivateKey,
  exchangeAuthRenewalWindow,
  exchangeAuthSubject,
  exchangeAuthRsaKey,
  exchangeAuthNoSan,
  sfbOauthSameOnAllFrontEnds,
  sfbOauthExportableKey,
];

/** The registry every shell uses (built once; throws at load time on a duplicate id). */
export const defaultRegistry = new RuleRegistry(ALL_RULES);
