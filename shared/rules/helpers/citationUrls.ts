// Where a reader opens each cited document (docs/sources.md). Microsoft Learn / TechNet pages are
// located by their path or document id (Hh202161, Gg398920, …), the MicrosoftDocs sources by
// their GitHub path; a community post whose exact address was not recorded points at its site,
// and the sources page says so. Keys follow CITE (helpers/citations.ts) and ESTATE_CITE.
// Checked 2026-12-02 against stored copies of the MicrosoftDocs repositories and Microsoft Learn:
// the TechNet ids are the `ms:mtpsurl` of the matching Lync Server 2013 topics, the SfbServer
// paths exist in MicrosoftDocs/OfficeDocs-SkypeForBusiness, the cmdlet pages have their source
// in MicrosoftDocs/office-docs-powershell, the CSS-Exchange pages in microsoft/CSS-Exchange docs/,
// the CA/B Forum, Chromium, RFC and PR addresses appear, for the same document, elsewhere, and
// the blog and support posts were found under their address.
// S5: the post is stored under this address, with the text UM-01 quotes ("The Subject Name for
// the Certificate used for the UM role(s) MUST be the FQDN of the server itself", FE Event 32263,
// 0xC3E93C2F SIPPROXY_E_UNKNOWN_USER_OR_EPID).
// S12: the source of the Exchange 2016/2019 topic (title, ms.assetid 0eda267b-…, the health set
// error, New-SettingOverride with -Server as a name not an FQDN, the IIS thumbprint, Lync 2013 +
// Exchange 2016 unsupported) is this path on the `public` branch of MicrosoftDocs/
// OfficeDocs-Exchange (its snapshot of 2021-07 and two later forks); mt607043 is its TechNet id,
// seen only in a ja-jp copy. The cmdlet page's source is exchange-ps/exchange/New-SettingOverride.md
// in MicrosoftDocs/office-docs-powershell.
// S14: the KB page itself is in no stored copy; this is the address Microsoft's own pages give for
// it (the Windows Admin Center docs, a ja-jp copy, and MicrosoftDocs/dynamics365smb-devitpro-pb
// issue #128, with en-au/), so it stays marked as not confirmed.
// Every address not checked that way is listed in UNCONFIRMED_URLS, and the sources page prints
// "(address not confirmed)" beside it.
import type { CITE } from './citations.js';
import type { ESTATE_CITE } from '../estate/citations.js';

const LEARN = 'https://learn.microsoft.com/en-us';
const TECHNET = (id: string): string => `https://technet.microsoft.com/en-us/library/${id}(v=ocs.15).aspx`;
const SFB_DOCS = 'https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness/blob/live/Skype/SfbServer';
const EXCHANGE_DOCS = 'https://github.com/MicrosoftDocs/OfficeDocs-Exchange/blob/public/Exchange/ExchangeServer';

export const CITE_URL: Readonly<Record<keyof typeof CITE, string>> = {
  S1: TECHNET('hh202161'),
  S2: `${SFB_DOCS}/plan-your-deployment/integrate-with-exchange/unified-messaging.md`,
  S3: TECHNET('jj687983'),
  S5: 'http://www.uccramblings.com/exchange-um-cert-and-skype-for-business/',
  S6: 'https://eightwone.com/2012/01/05/exchange-um-and-lync-issue-using-wildcard-certificate/',
  S9: 'https://blogs.technet.com/b/exchange/archive/2010/09/27/3411184.aspx',
  S10: `${LEARN}/powershell/module/exchange/set-owavirtualdirectory`,
  S11: TECHNET('jj688055'),
  S12: `${EXCHANGE_DOCS}/plan-and-deploy/post-installation-tasks/configure-im-integration-with-owa.md and ${LEARN}/powershell/module/exchange/new-settingoverride`,
  S14: 'https://support.microsoft.com/help/2023835/certificate-thumbprint-displayed-in-mmc-certificate-snap-in-has-extra',
  S15: `${SFB_DOCS}/plan-your-deployment/edge-server-deployments/edge-environmental-requirements.md`,
  S16: TECHNET('gg398920'),
  S17: TECHNET('gg398066'),
  S17b: `${SFB_DOCS}/plan-your-deployment/requirements-for-your-environment/environmental-requirements.md`,
  S22: `${SFB_DOCS}/manage/authentication/assign-a-server-to-server-certificate.md`,
  S23: `${LEARN}/previous-versions/office/lync-server-2013/lync-server-2013-certificate-summary-single-director`,
  S24: 'https://learn.microsoft.com/en-gb/exchange/troubleshoot/administration/cannot-access-owa-or-ecp-if-oauth-expired',
  S25: 'https://microsoft.github.io/CSS-Exchange/Admin/MonitorExchangeAuthCertificate/',
  S26: `${LEARN}/powershell/module/exchange/set-authconfig`,
  S27: 'https://cabforum.org/working-groups/server/internal-names/',
  S28: 'https://cabforum.org/2025/04/11/ballot-sc081v3-introduce-schedule-of-reducing-validity-and-data-reuse-periods/',
  S30: 'https://cabforum.org/2014/10/16/ballot-118-sha-1-sunset/',
  S31: 'https://www.chromium.org/Home/chromium-security/root-ca-policy/',
  S32a: 'https://blogs.perficient.com/2013/12/09/lync-support-for-cryptoaping-certificates/',
  S32b: 'https://support.microsoft.com/en-gb/topic/outlook-web-app-and-ecp-redirect-to-the-fba-page-in-exchange-server-44f8b0c0-037d-77f6-6bb1-98c7a292048d',
  S32c: 'https://rockyprogress.wordpress.com/2011/12/01/lync-server-2010-exchange-server-2010-um-integration-certificate-issue/',
  S36: `${LEARN}/windows/win32/api/wincrypt/ns-wincrypt-pkcs12_pbes2_export_params`,
  S39: 'https://cabforum.org/working-groups/server/baseline-requirements/documents/',
  RFC5280_VALIDITY: 'https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5',
  RFC5280_PATH: 'https://www.rfc-editor.org/rfc/rfc5280#section-6',
  SEED004: '(field report: ../shared/seeds/004_0bca91f6a8ba607f.txt beside the repository)',
  CSS_AUTH_CSP: 'https://github.com/microsoft/CSS-Exchange/tree/main/Admin/MonitorExchangeAuthCertificate',
  SFB_NO_CNG: 'https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness/pull/3861',
  HEALTHCHECKER_CERT: 'https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/CertificateCheck/',
  SFB2019_UM: `https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness/blob/live/Skype/SfBServer2019/whats-new.md and ${SFB_DOCS}/plan-your-deployment/integrate-with-exchange/unified-messaging.md`,
  MS_CHAIN: `${SFB_DOCS}/plan-your-deployment/security/public-key-infrastructure-for-skype.md`,
};

/** Estate sources with their own document (the rest reuse a CITE entry). */
export const ESTATE_CITE_URL: Readonly<Partial<Record<keyof typeof ESTATE_CITE, string>>> = {
  MONITOR_AUTH: 'https://microsoft.github.io/CSS-Exchange/Admin/MonitorExchangeAuthCertificate/',
  AUTH_STATUS: 'https://github.com/microsoft/CSS-Exchange/tree/main/Admin/MonitorExchangeAuthCertificate',
  HC_CERTIFICATES: 'https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/CertificateCheck/',
  HC_TRANSPORT: 'https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/',
  TLS_NAME: `${LEARN}/powershell/module/exchange/set-sendconnector`,
  EDGE_SAME: 'https://github.com/onpremdiag/SfBServer',
  EXCHANGE_KEY: `${LEARN}/powershell/module/exchange/enable-exchangecertificate`,
  NAMESPACE: 'https://github.com/microsoft/CSS-Exchange/issues/955',
};

/**
 * Keys (CITE or ESTATE_CITE) whose address was put together from a document id, title or site
 * and not found in the stored documentation: the address may be right, but nobody opened it.
 */
export const UNCONFIRMED_URLS: ReadonlySet<keyof typeof CITE | keyof typeof ESTATE_CITE> = new Set<keyof typeof CITE | keyof typeof ESTATE_CITE>([
  'S14',
]);
