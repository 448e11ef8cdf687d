// Requirement: request the OAuthTokenIssuer certificate with an exportable key and import it
// once with Import-CsCertificate -Identity Global -Type OAuthTokenIssuer; the CMS replicates it
// to every Front End. Exportability is not visible in a certificate, so this is a reminder.
// Citation: Microsoft "Assign a server-to-server authentication certificate to SfB Server".
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'sfb-oauth.exportable-key',
  title: 'OAuthTokenIssuer key is exportable',
  requirement: 'The OAuthTokenIssuer certificate must be requested with an exportable private key so the CMS can replicate it to all Front Ends.',
  roles: ['sfb-oauth'],
  source: 'microsoft',
  citation: CITE.S22,
  maxStatus: 'info',
  outcomes: {
    pass: { status: 'pass', title: 'OAuthTokenIssuer key is exportable' },
    request: { status: 'info', title: 'Key exportability not visible in a request' },
    'no-key': { status: 'info', title: 'No private key in the file' },
  },
  applies: () => true,
  check(ctx) {
    if (ctx.certificate?.hasPrivateKey) {
      return { outcome: 'pass', detail: 'The file carries the private key (it was exported, so it is exportable). Import it once: Import-CsCertificate -Identity Global -Type OAuthTokenIssuer -Path <pfx> -Password <…>.', fieldPath: 'hasPrivateKey' };
    }
    return {
      outcome: ctx.request ? 'request' : 'no-key',
      detail: ctx.request
        ? 'Make sure this request was generated with an exportable key (Request-CsCertificate -PrivateKeyExportable $true).'
        : 'This file has no private key; the OAuthTokenIssuer certificate is imported once as a PFX with its key (Import-CsCertificate -Identity Global -Type OAuthTokenIssuer).',
      fix: 'Request with -PrivateKeyExportable $true and import the PFX with -Identity Global.',
      fieldPath: 'hasPrivateKey',
    };
  },
});
