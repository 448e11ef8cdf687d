// Requirement: the Lync trusted application pool FQDN for OWA "must be the same name that
// appears in the Subject Name and SAN fields" of the OWA certificate.
// Citation: Microsoft JJ688055 (Integrating Lync Server 2013 and OWA 2013).
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { sameFqdn } from '../helpers/names.js';
import { owaPoolName } from '../helpers/owa.js';
import { psFqdnArg } from '../../powershell/fixText.js';

export const OWA_IM_BREAKS =
  'OWA shows "There\'s a problem with instant messaging. Please try again later." — no presence, no IM; Lync/SfB drops the MTLS connection from the Exchange server (visible in a SIPStack trace).';

export default defineRule({
  id: 'owa-im.cn-is-pool-fqdn',
  title: 'CN is the trusted application pool FQDN',
  requirement: 'The OWA certificate\'s subject CN must be the FQDN of the Lync/SfB trusted application pool created for OWA.',
  roles: ['owa-im'],
  source: 'microsoft',
  citation: CITE.S11,
  maxStatus: 'error',
  symptoms:
    OWA_IM_BREAKS,
  outcomes: {
    pass: { status: 'pass', title: 'CN is the trusted application pool FQDN' },
    'pool-unknown': { status: 'warn', title: 'Trusted application pool unknown: CN not confirmed' },
    'other-name': { status: 'error', title: 'CN is not the trusted application pool FQDN' },
  },
  applies: () => true,
  check(ctx) {
    const cn = ctx.fields.commonName;
    const pool = owaPoolName(ctx);
    if (!pool) {
      return {
        outcome: 'pool-unknown',
        detail: `The CN is ${cn ?? '(none)'}. CertBench does not know the trusted application pool FQDN, so it cannot confirm the CN.`,
        fix: 'Add owaIm.trustedApplicationPoolFqdn to the environment (Get-CsTrustedApplicationPool), or name the pool as the server this certificate is for.',
        fieldPath: 'commonName',
      };
    }
    if (sameFqdn(cn, pool.fqdn)) return { outcome: 'pass', detail: `The CN ${cn} is ${pool.how}.`, fieldPath: 'commonName' };
    return {
      outcome: 'other-name',
      detail: `The CN is ${cn ?? '(none)'}, but Lync/SfB know the OWA servers as ${pool.fqdn} (${pool.how}); the pool FQDN must be the certificate's subject name.`,
      fix: `Assign OWA a certificate with CN=${pool.fqdn} and ${pool.fqdn} in the SAN, or recreate the trusted application pool with the certificate's name (New-CsTrustedApplicationPool -Identity ${psFqdnArg(cn, '<certificate FQDN>')}).`,
      whatBreaks: OWA_IM_BREAKS,
      fieldPath: 'commonName',
    };
  },
});
