// Requirement: a certificate is not valid before its NotBefore date; Windows refuses it until
// then. Citation: RFC 5280 §4.1.2.5.
import { CITE } from '../helpers/citations.js';
import { isoDay } from '../helpers/dates.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'general.not-yet-valid',
  title: 'Certificate is already valid',
  requirement: 'The evaluation time must not be before the certificate\'s NotBefore date.',
  roles: ['general'],
  source: 'rfc',
  citation: CITE.RFC5280_VALIDITY,
  maxStatus: 'error',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Certificate is already valid' },
    'not-yet-valid': { status: 'error', title: 'Certificate is not valid yet', meaning: 'The title gives the NotBefore date.' },
  },
  applies: () => true,
  check(ctx) {
    const notBefore = ctx.certificate!.notBefore;
    if (Date.parse(notBefore) <= ctx.at.getTime()) {
      return { outcome: 'pass', detail: `Valid since ${isoDay(notBefore)}.`, fieldPath: 'notBefore' };
    }
    return {
      outcome: 'not-yet-valid',
      title: `Certificate is not valid until ${isoDay(notBefore)}`,
      detail: `The certificate only becomes valid on ${notBefore.replace('.000Z', 'Z')}; at ${ctx.at.toISOString().replace('.000Z', 'Z')} Windows treats it as not yet valid.`,
      fix: 'Wait until the NotBefore time before assigning it, or check the clock of the CA that issued it (a CA clock running ahead produces this).',
      whatBreaks: 'TLS peers reject the certificate as not yet valid; Enable-ExchangeCertificate and Set-CsCertificate accept it but connections fail.',
      fieldPath: 'notBefore',
    };
  },
});
