// Requirement: the OAuthTokenIssuer certificate is the same on all Front Ends — set once with
// -Identity Global and replicated by the CMS. Microsoft states it as a MUST, so a Front End the
// environment lists with another certificate is an error; with no per-Front-End list it is a note.
// Citation: Microsoft "Assign a server-to-server authentication certificate to SfB Server".
import { cleanThumbprint } from '../../model/thumbprint.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'sfb-oauth.same-on-all-front-ends',
  title: 'Same OAuthTokenIssuer certificate on every Front End',
  requirement: 'Every Front End must use the same OAuthTokenIssuer certificate, assigned once with -Identity Global.',
  roles: ['sfb-oauth'],
  source: 'microsoft',
  citation: CITE.S22,
  maxStatus: 'error',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Same OAuthTokenIssuer certificate on every Front End' },
    'not-listed': { status: 'info', title: 'OAuthTokenIssuer thumbprints per Front End not in the environment' },
    differs: { status: 'error', title: 'Front Ends use another OAuthTokenIssuer certificate' },
  },
  applies: () => true,
  check(ctx) {
    const mine = ctx.certificate!.thumbprint;
    const perServer = Object.entries(ctx.env.oauthTokenIssuerThumbprints ?? {});
    if (perServer.length === 0) {
      return {
        outcome: 'not-listed',
        detail: `Thumbprint ${mine}. The environment lists no OAuthTokenIssuer thumbprints per Front End, so CertBench cannot compare; all Front Ends must use the same certificate.`,
        fix: 'Check with Get-CsCertificate -Type OAuthTokenIssuer on each Front End, or list them in the environment (oauthTokenIssuerThumbprints).',
        fieldPath: 'thumbprint',
      };
    }
    const different = perServer.filter(([, t]) => cleanThumbprint(t).value !== mine);
    if (different.length === 0) return { outcome: 'pass', detail: `All ${perServer.length} Front Ends listed use this certificate (${mine}).`, fieldPath: 'thumbprint' };
    return {
      outcome: 'differs',
      title: `${different.length} Front End${different.length === 1 ? ' uses' : 's use'} another OAuthTokenIssuer certificate`,
      detail: `${different.map(([s, t]) => `${s} uses ${cleanThumbprint(t).value}`).join(', ')}, not this certificate (${mine}).`,
      fix: 'Assign it once for the whole deployment: Set-CsCertificate -Identity Global -Type OAuthTokenIssuer -Thumbprint <t> (roll with -Roll -EffectiveDate at least 24 hours before the old one expires).',
      whatBreaks: 'Server-to-server authentication with Exchange and SharePoint fails from the Front Ends with the other certificate.',
      fieldPath: 'thumbprint',
    };
  },
});
