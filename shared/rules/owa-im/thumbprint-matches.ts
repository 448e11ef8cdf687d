// Requirement: the thumbprint configured for OWA IM (IMCertificateThumbprint /
// -InstantMessagingCertificateThumbprint) must be this certificate's, as 40 hex characters —
// a copy from the Windows certificate dialog carries an invisible U+200E that breaks the lookup.
// Citation: Microsoft Set-OwaVirtualDirectory, New-SettingOverride; KB 2023835 (seed 000).
import { cleanThumbprint } from '../../model/thumbprint.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { exchangeVersionFor } from '../helpers/environment.js';
import { OWA_IM_BREAKS } from './cn-is-pool-fqdn.js';

export default defineRule({
  id: 'owa-im.thumbprint-matches',
  title: 'Configured IM certificate thumbprint is this certificate',
  requirement: 'The OWA IM certificate thumbprint in Exchange must equal this certificate\'s SHA-1 thumbprint: 40 hex characters, no spaces, no invisible characters.',
  roles: ['owa-im'],
  source: 'microsoft',
  citation: `${CITE.S10}; ${CITE.S12}; ${CITE.S14}`,
  maxStatus: 'error',
  subjects: ['certificate'],
  // Exchange 2010 RTM names the certificate by issuer and serial instead (see the version notes).
  applies: (ctx) => !!ctx.env.owaIm?.certificateThumbprint && exchangeVersionFor(ctx) !== '2010',
  check(ctx) {
    const configured = ctx.env.owaIm!.certificateThumbprint!;
    const mine = ctx.certificate!.thumbprint;
    const cleaned = cleanThumbprint(configured);
    const fix = `Set the thumbprint to ${mine} (typed, or copied from Get-ExchangeCertificate — not from the certificate dialog), then refresh the setting and restart MSExchangeOWAAppPool.`;
    if (!cleaned.valid) {
      const problem = cleaned.unexpected.length
        ? `contains ${cleaned.unexpected.map((c) => JSON.stringify(c)).join(' ')}, which are not hex digits`
        : `has ${cleaned.value.length} hex characters after cleaning; a thumbprint has exactly 40`;
      return {
        status: 'error',
        detail: `The configured IM certificate thumbprint "${configured}" is not a SHA-1 thumbprint: it ${problem}. This certificate's thumbprint is ${mine}.`,
        fix,
        whatBreaks: `${OWA_IM_BREAKS} The OWA.Protocol.Dep health set reports "Instant Messaging Certificate Thumbprint is null or empty".`,
        fieldPath: 'thumbprint',
      };
    }
    if (cleaned.value !== mine) {
      const other = ctx.batchThumbprints.includes(cleaned.value) ? ' It is the thumbprint of another certificate among the files you checked.' : '';
      return {
        status: 'error',
        detail: `The configured IM certificate thumbprint is ${cleaned.value}, but this certificate's is ${mine}: OWA would present another certificate (or none) to Lync/SfB.${other}`,
        fix,
        whatBreaks: OWA_IM_BREAKS,
        fieldPath: 'thumbprint',
      };
    }
    const changes: string[] = [];
    if (cleaned.invisibleRemoved.length) changes.push(`the invisible character${cleaned.invisibleRemoved.length > 1 ? 's' : ''} ${[...new Set(cleaned.invisibleRemoved)].join(', ')}`);
    if (/[\s:-]/.test(configured)) changes.push('spaces or separators');
    if (/[a-f]/.test(configured)) changes.push('lower case');
    if (changes.length === 0) return { status: 'pass', detail: `The configured thumbprint is this certificate's: ${mine}.`, fieldPath: 'thumbprint' };
    return {
      status: 'info',
      detail: `The configured thumbprint matches this certificate (${mine}) once ${changes.join(' and ')} ${changes.length > 1 ? 'are' : 'is'} removed. If Exchange holds the value exactly as pasted, its certificate lookup fails${cleaned.invisibleRemoved.length ? ' (U+200E comes from copying out of the Windows certificate dialog and shows up as "?" after an ANSI conversion)' : ''}.`,
      fix: `Enter the cleaned value ${mine} in the Exchange setting.`,
      whatBreaks: cleaned.invisibleRemoved.length ? OWA_IM_BREAKS : undefined,
      fieldPath: 'thumbprint',
    };
  },
});
