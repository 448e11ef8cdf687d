// The fact ids the generated scripts cite in their comments (UM-01, IM-06, …, from the CertBench
// domain reference, ../shared/docs/domain-rules.md), each with the fact in one line and the rules
// that check it — so a script comment, its rule and that rule's tests are one hop apart
// (docs/sources.md lists them). A fact no rule checks (a PowerShell step) names no rule.
export interface Fact {
  fact: string;
  rules: readonly string[];
  /** The CITE keys of its sources. */
  sources: readonly string[];
}

export const FACTS: Readonly<Record<string, Fact>> = {
  'UM-01': { fact: 'The UM certificate\'s subject CN is the UM server\'s own FQDN; the SAN alone does not count.', rules: ['exchange-um.cn-is-server-fqdn'], sources: ['S11', 'S1', 'S5', 'S6'] },
  'UM-02': { fact: 'No wildcard in the CN (for every role).', rules: ['lync.cn-not-wildcard', 'exchange-um.cn-is-server-fqdn'], sources: ['S1', 'S6'] },
  'UM-04': { fact: 'Issued by a CA both Exchange and Lync/SfB trust, not self-signed.', rules: ['lync.not-self-signed', 'general.chain-trust'], sources: ['S2'] },
  'UM-05': { fact: 'Assign the UM / UMCallRouter services (Enable-ExchangeCertificate), per Exchange version.', rules: ['exchange-um.version-has-um'], sources: ['S2', 'S3'] },
  'UM-06': { fact: 'UMStartupMode TLS or Dual before the certificate is enabled (Set-UMService, Set-UMCallRouterSettings).', rules: [], sources: ['S3'] },
  'UM-11': { fact: 'Exchange 2019 / SE have no UM; with SfB 2019 the sources disagree (UM on Exchange 2013/2016 "remains available" vs. Cloud Voicemail).', rules: ['exchange-um.version-has-um'], sources: ['S2', 'SFB2019_UM'] },
  'IM-01': { fact: 'Exchange 2010 RTM: IMPoolName, IMCertificateIssuer and IMCertificateSerialNumber in OWA\'s web.config.', rules: ['owa-im.exchange-version-notes'], sources: ['S9'] },
  'IM-02': { fact: 'Exchange 2010 SP1+: Set-OwaVirtualDirectory -InstantMessagingCertificateThumbprint / -InstantMessagingServerName.', rules: ['owa-im.exchange-version-notes', 'owa-im.thumbprint-matches'], sources: ['S9', 'S10'] },
  'IM-03': { fact: 'Exchange 2013: IMCertificateThumbprint and IMServerName in the Mailbox servers\' OWA web.config.', rules: ['owa-im.exchange-version-notes', 'owa-im.thumbprint-matches'], sources: ['S11'] },
  'IM-04': { fact: 'Exchange 2016/2019: New-SettingOverride -Component OwaServer -Section IMSettings; the thumbprint is the IIS certificate\'s.', rules: ['owa-im.exchange-version-notes', 'owa-im.thumbprint-matches', 'estate.owa-im-thumbprint-is-iis'], sources: ['S12'] },
  'IM-05': { fact: 'The OWA certificate is trusted by Lync/SfB: internal CA, the server FQDN in the subject and the SAN.', rules: ['lync.not-self-signed', 'owa-im.pool-fqdn-in-san'], sources: ['S11'] },
  'IM-06': { fact: 'The Lync trusted application pool for OWA: its FQDN is the OWA certificate\'s CN and in its SAN; not on a SipName UM dial-plan server.', rules: ['owa-im.cn-is-pool-fqdn', 'owa-im.pool-fqdn-in-san', 'owa-im.known-servers-conflict'], sources: ['S11', 'SEED004'] },
  'IM-07': { fact: 'The configured thumbprint is 40 hex characters: no spaces, no invisible U+200E copied from the certificate dialog.', rules: ['owa-im.thumbprint-matches', 'estate.owa-im-thumbprint-is-iis'], sources: ['S14'] },
  'EDGE-01': { fact: 'The Edge external certificate comes from a public CA.', rules: ['edge-external.public-ca'], sources: ['S15', 'S16'] },
  'EDGE-02': { fact: 'The Edge external subject is the Access Edge FQDN (recommended), never a wildcard.', rules: ['edge-external.cn-is-access-edge', 'lync.cn-not-wildcard'], sources: ['S16', 'S1'] },
  'EDGE-03': { fact: 'The Edge external SAN lists the Access Edge, the Web Conferencing Edge and sip.<domain> for every SIP domain.', rules: ['edge-external.san-required-names'], sources: ['S15', 'S16'] },
  'EDGE-04': { fact: 'The Edge key is exportable; every Edge of the pool holds the same certificate and key.', rules: ['edge-external.exportable-key', 'estate.edge-external-shared'], sources: ['S16', 'S15'] },
  'EDGE-05': { fact: 'Set-CsCertificate for the external types; A/V authentication staged with -Roll -EffectiveDate.', rules: [], sources: ['S15'] },
  'EDGE-06': { fact: 'XMPP (SfB 2015 only): xmpp.<domain> and *.<domain> in the SAN.', rules: [], sources: ['S15'] },
  'EDGE-07': { fact: 'Edge internal: subject = the internal FQDN (or VIP), internal or public CA, Server Authentication; a wildcard is disputed.', rules: ['edge-internal.cn-is-internal-fqdn', 'lync.cn-not-wildcard', 'lync.server-auth-eku'], sources: ['S15', 'S16', 'S1'] },
  'OA-EX-01': { fact: 'The Exchange Auth certificate: CN=Microsoft Exchange Server Auth Certificate, RSA 2048 in a legacy CSP, exportable, no SAN.', rules: ['exchange-auth.subject', 'exchange-auth.rsa-key', 'exchange-auth.no-san'], sources: ['S24', 'S25', 'CSS_AUTH_CSP'] },
  'OA-EX-03': { fact: 'The current Auth certificate, with its key, is on every Mailbox/CAS server.', rules: ['exchange-auth.matches-authconfig', 'exchange-auth.private-key', 'estate.auth-certificate-on-every-server'], sources: ['S24', 'S25'] },
  'OA-EX-04': { fact: 'Renewal: stage the next certificate with Set-AuthConfig, publish it, clear the previous one.', rules: ['exchange-auth.renewal-window', 'estate.auth-next-staged'], sources: ['S25', 'S26'] },
  'OA-EX-05': { fact: 'An expired or missing Auth certificate freezes OWA/EAC (event 1003) and breaks hybrid OAuth.', rules: ['general.expired', 'exchange-auth.matches-authconfig'], sources: ['S24'] },
  'OA-LY-01': { fact: 'One OAuthTokenIssuer certificate on every Front End, assigned once with -Identity Global.', rules: ['sfb-oauth.same-on-all-front-ends', 'estate.oauth-token-issuer-same'], sources: ['S22'] },
  'OA-LY-02': { fact: 'The OAuthTokenIssuer key has at least 2048 bits.', rules: ['general.rsa-key-size'], sources: ['S22', 'S23'] },
  'OA-LY-03': { fact: 'The OAuthTokenIssuer subject may be any Lync/web server certificate\'s (a SIP-domain subject is allowed, not required).', rules: [], sources: ['S22'] },
  'OA-LY-04': { fact: 'The OAuthTokenIssuer key is exportable; Import-CsCertificate -Identity Global -Type OAuthTokenIssuer once.', rules: ['sfb-oauth.exportable-key'], sources: ['S22'] },
  'PFX-01': { fact: 'An AES-256 (PBES2) PFX imports only on Windows 10 1709 / Server 2019 and later.', rules: ['general.pfx-aes-old-windows'], sources: ['S36'] },
  'PFX-02': { fact: 'Windows\' own default PFX export is TripleDES_SHA1.', rules: ['general.pfx-aes-old-windows'], sources: ['S36'] },
  'WIN-04': { fact: 'Import-ExchangeCertificate: -FileData on 2010/2013, -FileName (UNC) on 2016+.', rules: [], sources: [] },
  'WIN-05': { fact: 'Request-CsCertificate / Import-CsCertificate parameters for the Lync/SfB certificates.', rules: [], sources: ['S22'] },
};
