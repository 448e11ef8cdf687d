// Requirement: the Edge external private key must be exportable "regardless of whether it is
// used on one Edge Server or many" — every pool member needs the same certificate and key.
// The key's exportability cannot be read from a certificate, so this is a reminder at most.
// Citation: Microsoft Gg398920; Edge environmental requirements.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'edge-external.exportable-key',
  title: 'Private key is exportable (same key on every Edge)',
  requirement: 'The Edge external certificate must be requested with an exportable private key, and every Edge pool member must hold the same certificate and key.',
  roles: ['edge-external'],
  source: 'microsoft',
  citation: `${CITE.S16}; ${CITE.S15}`,
  maxStatus: 'info',
  outcomes: {
    pass: { status: 'pass', title: 'Private key is exportable (same key on every Edge)' },
    request: { status: 'info', title: 'Key exportability not visible in a request' },
    'no-key': { status: 'info', title: 'No private key in the file' },
  },
  applies: () => true,
  check(ctx) {
    if (ctx.certificate?.hasPrivateKey) {
      return { outcome: 'pass', detail: 'The file carries the private key, so it was exportable where it came from; import the same PFX on every Edge in the pool.', fieldPath: 'hasPrivateKey' };
    }
    const how = 'Request-CsCertificate -PrivateKeyExportable $true, or Exportable=TRUE in the certreq INF';
    return {
      outcome: ctx.request ? 'request' : 'no-key',
      detail: ctx.request
        ? `Make sure this request was generated with an exportable key (${how}): every Edge in the pool needs the same certificate and key.`
        : 'This file has no private key, so CertBench cannot tell whether the key is exportable; every Edge in the pool needs the same certificate and key.',
      fix: `Generate the key as exportable (${how}) and export a PFX with the private key for the other pool members.`,
      fieldPath: 'hasPrivateKey',
    };
  },
});
