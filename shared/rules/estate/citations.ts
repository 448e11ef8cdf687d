// The documents the estate rules cite (the certificate rules' CITE list is reused where the
// same source applies). Each one names a page a reader can open.
import { CITE } from '../helpers/citations.js';

export const ESTATE_CITE = {
  MONITOR_AUTH: 'microsoft/CSS-Exchange: MonitorExchangeAuthCertificate (https://microsoft.github.io/CSS-Exchange/Admin/MonitorExchangeAuthCertificate/)',
  AUTH_STATUS: 'microsoft/CSS-Exchange: Get-ExchangeAuthCertificateStatus.ps1 in MonitorExchangeAuthCertificate (next Auth certificate staged once the current one has 60 days or less)',
  KB2617816: CITE.S24,
  HC_CERTIFICATES: 'microsoft/CSS-Exchange HealthChecker: Certificate Check (https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/CertificateCheck/) — lifetime, Status, Auth certificate, internal transport certificate',
  HC_TRANSPORT: 'microsoft/CSS-Exchange HealthChecker: "Valid Internal Transport Certificate Found On Server" (Get-InternalTransportCertificateFromServer)',
  TLS_NAME: 'Microsoft: Set-SendConnector / Set-ReceiveConnector -TlsCertificateName ("<I>issuer<S>subject"); Set-HybridConfiguration -TlsCertificateName; KB 2989382 (451 5.7.3 STARTTLS is required, event 12014)',
  OWA_IM: `${CITE.S12}; ${CITE.S11}`,
  SFB_OAUTH: CITE.S22,
  EDGE_SAME: `${CITE.S16} (every Edge in a pool holds the same external certificate and key); onpremdiag/SfBServer rule RDCheckEdgeCerts (https://github.com/onpremdiag/SfBServer)`,
  UM: `${CITE.S6}; ${CITE.S5}; ${CITE.S3}`,
  EXCHANGE_KEY: 'Microsoft: Enable-ExchangeCertificate ("the certificate must have a private key"); Get-ExchangeCertificate HasPrivateKey',
  NAMESPACE: 'microsoft/CSS-Exchange issues #955 and #2055 (https://github.com/microsoft/CSS-Exchange/issues/955, https://github.com/microsoft/CSS-Exchange/issues/2055) — community reports',
} as const;
