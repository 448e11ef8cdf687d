// Where to look to confirm a cause: which certificate to open, which server output to paste.
// Keyed by role (what the certificate is for), not by symptom — the symptoms live in the rules.
import type { RoleId } from '../rules/engine/roles.js';

const BY_ROLE: Record<Exclude<RoleId, 'general'>, string> = {
  'exchange-um':
    "The certificate assigned to UM / UMCallRouter on the UM server (its .cer or .pfx), or the output of Get-ExchangeCertificate -Server <UM server> | Where-Object { $_.Services -match 'UM' } | Format-List.",
  'owa-im':
    'The certificate bound to IIS on the Exchange server, and the configured IM thumbprint: Get-SettingOverride | Format-List (2016/2019), the OWA web.config (2013) or Get-OwaVirtualDirectory | Format-List InstantMessaging* (2010 SP1); on Lync, Get-CsTrustedApplicationPool.',
  'edge-external': 'The Edge external certificate (.pfx), or Get-CsCertificate on each Edge server, with the Edge pool names from the topology.',
  'edge-internal': 'The Edge internal certificate, or Get-CsCertificate -Type Internal on each Edge server, and Get-CsManagementStoreReplicationStatus on a Front End.',
  'exchange-auth': 'Get-AuthConfig | Format-List *Thumbprint*, and Get-ExchangeCertificate -Thumbprint <CurrentCertificateThumbprint> on every Exchange server.',
  'sfb-oauth': 'Get-CsCertificate -Type OAuthTokenIssuer on every Front End (they must all show one thumbprint).',
};

export function whereToLook(roles: readonly RoleId[], estate: boolean): string {
  if (estate) return "A snapshot of every server: run CertBench's read-only collector (or paste Get-ExchangeCertificate, Get-AuthConfig and Get-CsCertificate output from each server).";
  const texts = roles.filter((r): r is Exclude<RoleId, 'general'> => r !== 'general').map((r) => BY_ROLE[r]);
  if (texts.length) return [...new Set(texts)].join(' ');
  return 'The certificate bound to the failing service (Get-ExchangeCertificate | Format-List, or the .cer / .pfx), with its chain.';
}
