// Requirement: the thumbprint AuthConfig names as current must belong to a certificate some
// Exchange server actually holds; otherwise no server can sign OAuth tokens at all.
// Citation: CSS-Exchange MonitorExchangeAuthCertificate; KB 2617816.
import { defineEstateRule } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { exchangeHosts, entriesOf, listed } from './helpers.js';

export default defineEstateRule({
  id: 'estate.authconfig-thumbprint-held',
  title: 'AuthConfig names a certificate a server holds',
  requirement: 'The Auth certificate thumbprint AuthConfig names as current must be held by at least one Exchange server.',
  source: 'microsoft',
  citation: `${ESTATE_CITE.MONITOR_AUTH}; ${ESTATE_CITE.KB2617816}`,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'At least one server holds the AuthConfig certificate.' },
    'none-holds': { status: 'error', meaning: 'No server holds the certificate AuthConfig names.' },
    unknown: { status: 'info', meaning: 'The thumbprint was masked, or no server\'s certificates were collected.' },
    'not-applicable': { status: 'not_applicable', meaning: 'The snapshot has no AuthConfig.' },
  },
  check(ctx) {
    const auth = ctx.snapshot.exchange?.authConfig;
    if (!auth) return [{ outcome: 'not-applicable', title: 'No AuthConfig in the snapshot', detail: 'Get-AuthConfig was not collected.' }];
    const current = auth.currentCertificateThumbprint;
    if (!current) return [{ outcome: 'unknown', title: 'AuthConfig thumbprint not readable', detail: 'AuthConfig has no current thumbprint in the snapshot, or it was masked in the source; CertBench cannot match it.', fix: 'Collect Get-AuthConfig again without masking CurrentCertificateThumbprint.' }];
    const servers = exchangeHosts(ctx).filter((h) => entriesOf(ctx, h).length > 0);
    if (servers.length === 0) return [{ outcome: 'unknown', title: 'No Exchange certificate list in the snapshot', detail: `AuthConfig names ${current}, but the snapshot lists no server's certificates.`, thumbprints: [current] }];
    const holders = servers.filter((h) => entriesOf(ctx, h).some((e) => e.result.thumbprint === current));
    if (holders.length) return [{ outcome: 'pass', title: `AuthConfig certificate held by ${holders.length} server${holders.length === 1 ? '' : 's'}`, detail: `${current} is on ${listed(holders.map((h) => h.name), ', ')}.`, servers: holders.map((h) => h.fqdn), thumbprints: [current] }];
    return [
      {
        outcome: 'none-holds',
        title: 'AuthConfig names an Auth certificate no server holds',
        detail: `AuthConfig's CurrentCertificateThumbprint is ${current}, but none of the ${servers.length} Exchange servers in the snapshot holds that certificate.`,
        fix: 'Create a new Auth certificate and make it current (New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName "cn=Microsoft Exchange Server Auth Certificate" -DomainName @() -Services SMTP; Set-AuthConfig -NewCertificateThumbprint <new> -NewCertificateEffectiveDate (Get-Date); Set-AuthConfig -PublishCertificate; Set-AuthConfig -ClearPreviousCertificate), or run MonitorExchangeAuthCertificate.ps1; then iisreset.',
        whatBreaks: 'OWA and ECP fail on every server; hybrid free/busy, serialized data signing and server-to-server OAuth stop.',
        servers: servers.map((h) => h.fqdn),
        thumbprints: [current],
      },
    ];
  },
});
