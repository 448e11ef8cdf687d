// Requirement: the UM certificate's subject CN must be the UM server's own FQDN. A stand-alone
// UM server "does not use SAN entries", so an FQDN only in the SAN does not count.
// Citation: Microsoft JJ688055 ("the server FQDN is used for the subject name"); the seeds:
// uccramblings (seed 002) — remote users through the Edge get no greeting when the FQDN is only
// in the SAN; eightwone (seed 001) and its readers — Lync compares the CN and ignores the SAN.
// (Hh202161 only says a stand-alone UM server does not use SAN entries — less than this rule.)
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { howFound, targetExchangeServer, umServers, umUnavailableReason } from '../helpers/environment.js';
import { isWildcard, listHasExact, sameFqdn } from '../helpers/names.js';

const REPORTED =
  ' Reported by admins (seed 001): Exchange logs "Certificate subject name is not valid. UM local monitoring sip options probe will fail" (UMCore, SipPeerManager.GetSipPeerFromUMCertificateSubjectName), and the SIP response carries ms-diagnostics 1010 "Certificate trust with another server could not be established" with msexchHRESULT=0x800B010F (CERT_E_CN_NO_MATCH).';
const SAN_ONLY_BREAKS =
  'Internal calls to Subscriber Access work, but remote users through the Edge are connected to voicemail and hear no greeting; FE event 32263 (0xC3E93C2F SIPPROXY_E_UNKNOWN_USER_OR_EPID); CDR diagnostic ID 21 "media connectivity failure where one endpoint is of unknown type".' +
  REPORTED;
const WRONG_CN_BREAKS =
  'Lync/SfB reject the UM server as a SIP peer: MWI (event 1344) and play-on-phone fail, UMCore event 1400; remote users hear no greeting (FE event 32263).' + REPORTED;

export default defineRule({
  id: 'exchange-um.cn-is-server-fqdn',
  title: 'CN is the UM server\'s own FQDN',
  requirement: 'The subject CN of the Exchange UM / UM Call Router certificate must equal the FQDN of the server it is assigned on; the SAN alone does not count.',
  roles: ['exchange-um'],
  source: 'microsoft',
  citation: `${CITE.S11} — "the server FQDN is used for the subject name"; ${CITE.S5}; ${CITE.S6}`,
  maxStatus: 'error',
  symptoms:
    `${SAN_ONLY_BREAKS} ${WRONG_CN_BREAKS.replace(REPORTED, '')}`,
  outcomes: {
    pass: { status: 'pass', title: 'CN is the UM server\'s own FQDN' },
    'no-cn': { status: 'error', title: 'Certificate has no CN' },
    wildcard: { status: 'error', title: 'CN is a wildcard, not the UM server FQDN' },
    'unknown-server': { status: 'warn', title: 'UM server unknown: CN not confirmed' },
    'san-only': { status: 'error', title: 'UM server FQDN is only in the SAN' },
    'other-name': { status: 'error', title: 'CN is not the UM server FQDN' },
  },
  applies: (ctx) => umUnavailableReason(ctx) === null,
  check(ctx) {
    const cn = ctx.fields.commonName;
    const target = targetExchangeServer(ctx, umServers(ctx));
    const fqdn = target?.server.fqdn;
    const fix = `Issue a certificate with CN=${fqdn ?? '<UM server FQDN>'} (and the same name in the SAN), usually from your internal CA, then Enable-ExchangeCertificate -Services UM,UMCallRouter on that server and restart MSExchangeUM and MSExchangeUMCR.`;
    if (!cn) {
      return { outcome: 'no-cn', detail: 'The certificate has no subject CN; Lync/SfB identify the UM server by the CN and ignore the SAN.', fix, whatBreaks: WRONG_CN_BREAKS, fieldPath: 'commonName' };
    }
    if (!target) {
      if (isWildcard(cn)) {
        return { outcome: 'wildcard', detail: `The CN is ${cn}; a wildcard is never the FQDN of a UM server, and Lync/SfB ignore the SAN here.`, fix, whatBreaks: WRONG_CN_BREAKS, fieldPath: 'commonName' };
      }
      return {
        outcome: 'unknown-server',
        detail: `The CN is ${cn}. CertBench cannot tell which UM server this certificate is for, so it cannot confirm that the CN is that server's own FQDN (the SAN does not count).`,
        fix: 'Name the UM server this certificate is for, or list the Exchange servers in the environment.',
        fieldPath: 'commonName',
      };
    }
    if (sameFqdn(cn, fqdn)) {
      return { outcome: 'pass', detail: `The CN ${cn} is the UM server's FQDN (${howFound(target.how)}).`, fieldPath: 'commonName' };
    }
    if (listHasExact(ctx.fields.dnsNames, fqdn!)) {
      return {
        outcome: 'san-only',
        detail: `The CN is ${cn}; the server FQDN ${fqdn} is only in the SAN. Lync/SfB compare the CN with the UM server FQDN ${fqdn} and ignore the SAN.`,
        fix,
        whatBreaks: SAN_ONLY_BREAKS,
        fieldPath: 'commonName',
      };
    }
    return {
      outcome: 'other-name',
      detail: `The CN is ${cn}, but the UM server is ${fqdn} (${howFound(target.how)}); Lync/SfB compare the CN with the UM server FQDN and ignore the SAN.`,
      fix,
      whatBreaks: WRONG_CN_BREAKS,
      fieldPath: 'commonName',
    };
  },
});
