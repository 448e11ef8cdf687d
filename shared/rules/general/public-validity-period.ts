// Requirement: a public TLS certificate may be valid for at most 398 days (issued from
// 2020-09-01), 200 days (from 2026-03-15), 100 days (from 2027-03-15), 47 days (from
// 2029-03-15), counted by issue date. Private PKI is out of scope.
// Citation: CA/B Forum BR §6.3.2 and ballot SC-081v3; Chromium certificate_lifetimes.md.
import { CITE } from '../helpers/citations.js';
import { validityDays } from '../helpers/dates.js';
import { defineRule } from '../helpers/defineRule.js';

/** Latest first: the cap in force on the issue date. */
const CAPS: { from: string; days: number }[] = [
  { from: '2029-03-15T00:00:00Z', days: 47 },
  { from: '2027-03-15T00:00:00Z', days: 100 },
  { from: '2026-03-15T00:00:00Z', days: 200 },
  { from: '2020-09-01T00:00:00Z', days: 398 },
];

export function maxPublicValidityDays(issued: number): number | null {
  return CAPS.find((c) => issued >= Date.parse(c.from))?.days ?? null;
}

export default defineRule({
  id: 'general.public-validity-period',
  title: 'Public certificate validity within the CA/B Forum cap',
  requirement: 'A publicly trusted TLS certificate must not be valid longer than the cap in force on its issue date (398, 200, 100 or 47 days).',
  roles: ['general'],
  source: 'cabf',
  citation: CITE.S28,
  maxStatus: 'error',
  effective: '2020-09-01T00:00:00Z',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Public certificate validity within the CA/B Forum cap' },
    'too-long': { status: 'error', title: 'Public certificate is valid longer than the CA/B Forum cap' },
  },
  applies: (ctx) => ctx.intendedPublic,
  check(ctx) {
    const cert = ctx.certificate!;
    const cap = maxPublicValidityDays(Date.parse(cert.notBefore))!;
    const days = validityDays(cert.notBefore, cert.notAfter);
    const shown = Math.round(days * 10) / 10;
    if (days <= cap) return { outcome: 'pass', detail: `Valid for ${shown} days; the cap for a certificate issued on ${cert.notBefore.slice(0, 10)} is ${cap} days.`, fieldPath: 'notAfter' };
    return {
      outcome: 'too-long',
      detail: `The certificate is valid for ${shown} days, but a public certificate issued on ${cert.notBefore.slice(0, 10)} may be valid for at most ${cap} days.`,
      fix: 'Browsers distrust it; ask the CA to re-issue with a compliant lifetime, and plan for shorter renewals (200 days from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15).',
      whatBreaks: 'Chrome and Safari reject over-long public certificates.',
      fieldPath: 'notAfter',
    };
  },
});
