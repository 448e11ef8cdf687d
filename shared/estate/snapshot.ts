// The estate snapshot (contract version 1, ../shared/docs/estate.md): every server's
// certificates (public part only) and the settings that reference them, as the collector
// writes it, as the paste / CliXML importers build it, and as `certbench audit` reads it.
// Extend freely with optional fields; never rename or remove; bump `version` only for a
// breaking change and keep reading version 1.
//
// Thumbprints are 40 upper-case hex, or null where the source masked them (`***`, `xxxx`):
// a null thumbprint is never matched to anything. Dates are ISO 8601 with an offset.

export const SNAPSHOT_FORMAT = 'certbench-snapshot';
export const SNAPSHOT_VERSION = 1;

/** Get-ExchangeCertificate's Services flags, in the product's flag order. */
export type ExchangeService = 'IMAP' | 'POP' | 'UM' | 'IIS' | 'SMTP' | 'Federation' | 'UMCallRouter';
export const EXCHANGE_SERVICES: readonly ExchangeService[] = ['IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation', 'UMCallRouter'];

export interface SnapshotExchangeServer {
  /** NetBIOS name as Get-ExchangeServer prints it, e.g. `EX1`. */
  name: string;
  fqdn: string;
  /** '2010' | '2013' | '2016' | '2019' | 'SE' (the environment's ExchangeVersion), when known. */
  version?: string;
  /** AdminDisplayVersion's build, e.g. `15.1.2507.6`. */
  build?: string;
  /** ServerRole split, e.g. ["Mailbox"], ["Mailbox", "ClientAccess"], ["Edge"]. */
  roles?: string[];
  site?: string;
  os?: string;
}

/** One certificate in one server's store (Get-ExchangeCertificate -Server). */
export interface SnapshotExchangeCertificate {
  /** The server's FQDN (or name when only that is known). */
  server: string;
  thumbprint: string | null;
  /** Bound services; `null` when the source did not say (CliXML keeps them only in a blob). */
  services: ExchangeService[] | null;
  status?: string;
  hasPrivateKey?: boolean;
  privateKeyExportable?: boolean;
  keyProvider?: string;
  rootCAType?: string;
  friendlyName?: string;
  /** Base64 DER (RawData). Absent where only text was available. */
  der?: string;
  subject?: string;
  issuer?: string;
  notBefore?: string;
  notAfter?: string;
  dnsNames?: string[];
  publicKeySize?: number;
  isSelfSigned?: boolean;
}

export interface SnapshotAuthConfig {
  currentCertificateThumbprint: string | null;
  previousCertificateThumbprint?: string | null;
  nextCertificateThumbprint?: string | null;
  nextCertificateEffectiveDate?: string | null;
}

export interface SnapshotOwaIm {
  /** The server the setting applies to; absent / null for an organisation-wide SettingOverride. */
  server?: string | null;
  /** Where the value lives: SettingOverride (2016+), WebConfig (2013), OwaVirtualDirectory (2010). */
  source: 'SettingOverride' | 'WebConfig' | 'OwaVirtualDirectory' | string;
  imServerName?: string | null;
  /** Exactly as configured (may hold invisible characters; the rules say so). */
  certificateThumbprint?: string | null;
}

export interface SnapshotUmService {
  server: string;
  umStartupMode?: string;
  umCallRouterStartupMode?: string;
}

export interface SnapshotTransport {
  server: string;
  internalTransportCertificateThumbprint?: string | null;
}

export interface SnapshotConnector {
  name: string;
  kind: 'send' | 'receive' | string;
  servers: string[];
  fqdn?: string;
  /** `<I>issuer<S>subject` as Exchange stores it. */
  tlsCertificateName?: string | null;
}

export interface SnapshotExchange {
  servers: SnapshotExchangeServer[];
  certificates: SnapshotExchangeCertificate[];
  authConfig?: SnapshotAuthConfig | null;
  owaIm?: SnapshotOwaIm[];
  umServices?: SnapshotUmService[];
  transport?: SnapshotTransport[];
  connectors?: SnapshotConnector[];
  hybrid?: { tlsCertificateName?: string | null } | null;
}

export interface SnapshotSkypePool {
  fqdn: string;
  /** FrontEnd | Edge | Director | Mediation | … */
  kind: string;
  /** 'Lync2010' | 'Lync2013' | 'SfB2015' | 'SfB2019' | 'SE', when known. */
  version?: string;
  site?: string;
  computers: string[];
  edge?: { accessEdgeFqdn?: string; webConferencingEdgeFqdn?: string; avEdgeFqdn?: string };
}

/** One Get-CsCertificate row on one computer. */
export interface SnapshotSkypeCertificate {
  computer: string;
  /** Get-CsCertificate's Use: Default, WebServicesInternal, OAuthTokenIssuer, AccessEdgeExternal, … */
  use: string;
  thumbprint: string | null;
  effectiveDate?: string | null;
  previousThumbprint?: string | null;
  der?: string;
  subject?: string;
  issuer?: string;
  notBefore?: string;
  notAfter?: string;
  dnsNames?: string[];
}

export interface SnapshotSkype {
  pools: SnapshotSkypePool[];
  sipDomains?: string[];
  certificates: SnapshotSkypeCertificate[];
  trustedApplicationPools?: { fqdn: string; registrar?: string; applications?: string[] }[];
}

export interface SnapshotError {
  server?: string;
  step: string;
  message: string;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  collectedAt: string;
  organization?: string;
  exchange?: SnapshotExchange;
  skype?: SnapshotSkype;
  errors?: SnapshotError[];
}
