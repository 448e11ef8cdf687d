// The deployment the rules need to know: which servers, pools, domains and configured
// thumbprints exist. A JSON document the admin edits and passes with `--env`. It never holds
// private keys or passwords. Every field is optional.

export type ExchangeVersion = '2010' | '2010SP1' | '2013' | '2016' | '2019' | 'SE';
export type SfbVersion = 'Lync2010' | 'Lync2013' | 'SfB2015' | 'SfB2019' | 'SE';
export type WindowsServerVersion = '2008R2' | '2012' | '2012R2' | '2016' | '2019' | '2022' | '2025';

export interface ExchangeServer {
  fqdn: string;
  version?: ExchangeVersion;
  /** Windows Server version the Exchange server runs on (PFX compatibility). */
  os?: WindowsServerVersion;
  /** Roles on the server, e.g. ["Mailbox", "UM", "UMCallRouter", "CAS"]. */
  roles?: string[];
  /** This server hosts a UM dial plan of URI type SipName (known-servers-table conflict). */
  hostsSipNameDialPlan?: boolean;
}

export interface SfbPool {
  fqdn: string;
  version?: SfbVersion;
  /** Front End servers of the pool. */
  servers?: string[];
}

export interface EdgePool {
  internalFqdn?: string;
  accessEdgeFqdn?: string;
  webConferencingEdgeFqdn?: string;
  avEdgeFqdn?: string;
  version?: SfbVersion;
  /** Edge computers of the pool (their own FQDNs), so --server may name one of them. */
  servers?: string[];
}

export interface OwaImSettings {
  /** Lync trusted application pool FQDN for OWA (New-CsTrustedApplicationPool -Identity). */
  trustedApplicationPoolFqdn?: string;
  /** IMServerName / InstantMessagingServerName: the Lync/SfB pool FQDN. */
  imServerName?: string;
  /** The thumbprint configured in IMCertificateThumbprint, exactly as pasted. */
  certificateThumbprint?: string;
}

export interface AuthConfigSettings {
  currentCertificateThumbprint?: string;
  nextCertificateThumbprint?: string;
  previousCertificateThumbprint?: string;
}

export interface Environment {
  name?: string;
  exchangeServers?: ExchangeServer[];
  sfbPools?: SfbPool[];
  edgePools?: EdgePool[];
  sipDomains?: string[];
  smtpDomains?: string[];
  owaIm?: OwaImSettings;
  authConfig?: AuthConfigSettings;
  /** Thumbprint of the OAuthTokenIssuer certificate on each Front End (server FQDN → thumbprint). */
  oauthTokenIssuerThumbprints?: Record<string, string>;
  /** Trusted internal roots as PEM text (no keys). */
  trustedRoots?: string[];
}
