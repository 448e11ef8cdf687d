// Requirement: the certificate whose thumbprint Get-AuthConfig shows as
// CurrentCertificateThumbprint must exist, with its key, on every Mailbox/CAS server.
// Citation: Microsoft KB 2617816; CSS-Exchange MonitorExchangeAuthCertificate; seed 004 (the
// HTTP 500 from New-CsPartnerApplication is reported there, not documented).
import { cleanThumbprint } from '../../model/thumbprint.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

const MISSING_BREAKS =
  'Exchange reports an invalid Auth configuration; OWA/EAC may freeze or loop (event 1003); reported, not documented: New-CsPartnerApplication -MetadataUrl https://autodiscover.<domain>/autodiscover/metadata/json/1 fails with "(500) Internal Server Error".';

export default defineRule({
  id: 'exchange-auth.matches-authconfig',
  title: 'Is the certificate AuthConfig uses',
  requirement: 'The Auth certificate must be the one Get-AuthConfig names as CurrentCertificateThumbprint (or the staged next one).',
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S24}; ${CITE.S25}; ${CITE.SEED004}`,
  maxStatus: 'error',
  symptoms:
    `${MISSING_BREAKS} Get-AuthConfig CurrentCertificateThumbprint names a certificate Get-ExchangeCertificate does not list.`,
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Is the certificate AuthConfig uses' },
    'no-authconfig': { status: 'info', title: 'AuthConfig not in the environment' },
    'invalid-config': { status: 'error', title: 'AuthConfig thumbprint in the environment is not a thumbprint' },
    next: { status: 'info', title: 'This is the staged next Auth certificate' },
    previous: { status: 'warn', title: 'This is the previous Auth certificate' },
    'not-current': { status: 'error', title: 'Not the certificate AuthConfig uses', meaning: 'The current one is among the other files checked.' },
    'current-missing': { status: 'error', title: 'The Auth certificate AuthConfig names is missing', meaning: 'None of the files checked is the current Auth certificate.' },
  },
  applies: () => true,
  check(ctx) {
    const mine = ctx.certificate!.thumbprint;
    const auth = ctx.env.authConfig;
    if (!auth?.currentCertificateThumbprint) {
      return {
        outcome: 'no-authconfig',
        detail: `This certificate's thumbprint is ${mine}. The environment has no AuthConfig, so CertBench cannot tell whether Exchange uses it.`,
        fix: 'Run Get-AuthConfig and add CurrentCertificateThumbprint (and NextCertificateThumbprint) to the environment.',
        fieldPath: 'thumbprint',
      };
    }
    const current = cleanThumbprint(auth.currentCertificateThumbprint);
    if (!current.valid) {
      return {
        outcome: 'invalid-config',
        detail: `The AuthConfig current thumbprint in the environment ("${auth.currentCertificateThumbprint}") is not a 40-character SHA-1 thumbprint.`,
        fix: 'Copy CurrentCertificateThumbprint again from Get-AuthConfig.',
        fieldPath: 'thumbprint',
      };
    }
    if (current.value === mine) return { outcome: 'pass', detail: `This is the current Auth certificate (AuthConfig CurrentCertificateThumbprint ${mine}).`, fieldPath: 'thumbprint' };
    const next = auth.nextCertificateThumbprint ? cleanThumbprint(auth.nextCertificateThumbprint).value : '';
    if (next === mine) return { outcome: 'next', detail: `This is the staged next Auth certificate; the current one is ${current.value}.`, fieldPath: 'thumbprint' };
    const previous = auth.previousCertificateThumbprint ? cleanThumbprint(auth.previousCertificateThumbprint).value : '';
    if (previous === mine) {
      return {
        outcome: 'previous',
        detail: `This is the previous Auth certificate; AuthConfig now uses ${current.value}.`,
        fix: 'Once the current certificate is published everywhere, run Set-AuthConfig -ClearPreviousCertificate and remove this one.',
        fieldPath: 'thumbprint',
      };
    }
    const inBatch = ctx.batchThumbprints.includes(current.value);
    return {
      outcome: inBatch ? 'not-current' : 'current-missing',
      detail: `AuthConfig's current certificate is ${current.value}, but this certificate is ${mine}.${inBatch ? ' The current one is among the other files you checked.' : ' None of the files you checked is the current Auth certificate: make sure it exists, with its private key, on every Mailbox and Client Access server.'}`,
      fix: `Check on each server: (Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | fl. If it is missing, create a new Auth certificate and Set-AuthConfig -NewCertificateThumbprint <new> -NewCertificateEffectiveDate (Get-Date); Set-AuthConfig -PublishCertificate; Set-AuthConfig -ClearPreviousCertificate; then iisreset.`,
      whatBreaks: inBatch ? undefined : MISSING_BREAKS,
      fieldPath: 'thumbprint',
    };
  },
});
