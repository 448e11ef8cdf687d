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
  symptoms:
    `${OWA_IM_BREAKS} OWA.Protocol.Dep health set: "Instant Messaging Certificate Thumbprint is null or empty". A thumbprint copied from the certificate dialog carries an invisible U+200E that shows up as "?" after an ANSI conversion (KB 2023835).`,
  subjects: ['certificate'],
  // Exchange 2010 RTM names the certificate by issuer and serial instead (see the version notes).
  outcomes: {
    pass: { status: 'pass', title: 'Configured IM certificate thumbprint is this certificate' },
    invalid: { status: 'error', title: 'Configured IM thumbprint is not a thumbprint' },
    mismatch: { status: 'error', title: 'Configured IM thumbprint is another certificate\'s' },
    invisible: { status: 'warn', title: 'Configured thumbprint hides an invisible character', meaning: 'The hex digits match, but the value carries U+200E or another invisible character: IM fails if Exchange holds it like this (KB 2023835).' },
    formatting: { status: 'info', title: 'Configured thumbprint is written with spaces or lower case' },
  },
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
        outcome: 'invalid',
        detail: `The configured IM certificate thumbprint "${configured}" is not a SHA-1 thumbprint: it ${problem}. This certificate's thumbprint is ${mine}.`,
        fix,
        whatBreaks: `${OWA_IM_BREAKS} The OWA.Protocol.Dep health set reports "Instant Messaging Certificate Thumbprint is null or empty".`,
        fieldPath: 'thumbprint',
      };
    }
    if (cleaned.value !== mine) {
      const other = ctx.batchThumbprints.includes(cleaned.value) ? ' It is the thumbprint of another certificate among the files you checked.' : '';
      return {
        outcome: 'mismatch',
        detail: `The configured IM certificate thumbprint is ${cleaned.value}, but this certificate's is ${mine}: OWA would present another certificate (or none) to Lync/SfB.${other}`,
        fix,
        whatBreaks: OWA_IM_BREAKS,
        fieldPath: 'thumbprint',
      };
    }
    const invisible = invisibleCharacters(configured);
    if (invisible.length) {
      // The configured value is what Exchange compares: an invisible character breaks the lookup
      // (KB 2023835) — never a quiet pass, even though the hex digits are right.
      const where = invisible.map((c) => `${c.name} at position ${c.position}`).join(', ');
      return {
        outcome: 'invisible',
        title: `Configured thumbprint hides ${invisible.length === 1 ? 'an invisible character' : `${invisible.length} invisible characters`}`,
        detail: `The configured IM certificate thumbprint carries ${where} (of ${[...configured].length} characters, counted from 1). Its hex digits are this certificate's (${mine}), but if Exchange holds the value like this, IM fails: the certificate lookup by thumbprint finds nothing (KB 2023835; the mark comes from copying out of the Windows certificate dialog and shows up as "?" after an ANSI conversion).`,
        fix: `Set the clean value ${mine} in the Exchange setting (typed, or copied from Get-ExchangeCertificate — not from the certificate dialog), then refresh the setting and restart MSExchangeOWAAppPool.`,
        whatBreaks: OWA_IM_BREAKS,
        fieldPath: 'thumbprint',
      };
    }
    const changes: string[] = [];
    if (/[\s:-]/.test(configured)) changes.push('spaces or separators');
    if (/[a-f]/.test(configured)) changes.push('lower case');
    if (changes.length === 0) return { outcome: 'pass', detail: `The configured thumbprint is this certificate's: ${mine}.`, fieldPath: 'thumbprint' };
    return {
      outcome: 'formatting',
      detail: `The configured thumbprint matches this certificate (${mine}) once ${changes.join(' and ')} ${changes.length > 1 ? 'are' : 'is'} removed. Enter it as Get-ExchangeCertificate shows it.`,
      fix: `Enter the cleaned value ${mine} in the Exchange setting.`,
      fieldPath: 'thumbprint',
    };
  },
});

/** Invisible characters in a pasted value, each with its code point name and 1-based position. */
function invisibleCharacters(value: string): { name: string; position: number }[] {
  const out: { name: string; position: number }[] = [];
  [...value].forEach((ch, i) => {
    if (cleanThumbprint(ch).invisibleRemoved.length) {
      out.push({ name: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}${NAMES[ch] ? ` (${NAMES[ch]})` : ''}`, position: i + 1 });
    }
  });
  return out;
}

const NAMES: Record<string, string> = {
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u200B': 'ZERO WIDTH SPACE',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
};
