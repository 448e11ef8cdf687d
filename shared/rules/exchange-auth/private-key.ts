// Requirement: Exchange signs OAuth tokens with the Auth certificate's private key, so the
// certificate must be on every Mailbox/CAS server with its key (exported as a PFX with the
// key to copy it). Citation: Microsoft KB 2617816; CSS-Exchange MonitorExchangeAuthCertificate.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export default defineRule({
  id: 'exchange-auth.private-key',
  title: 'Private key travels with the Auth certificate',
  requirement: 'The Exchange Auth certificate must be installed with its private key on every Mailbox/CAS server; a PFX of it must contain the key.',
  roles: ['exchange-auth'],
  source: 'microsoft',
  citation: `${CITE.S24}; ${CITE.S25}`,
  maxStatus: 'error',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'Private key travels with the Auth certificate' },
    'pfx-without-key': { status: 'error', title: 'PFX holds the Auth certificate without its private key' },
    'no-key-in-file': { status: 'warn', title: 'File holds the Auth certificate without its private key' },
  },
  applies: () => true,
  check(ctx) {
    const cert = ctx.certificate!;
    const kind = ctx.subject.kind === 'certificate' ? ctx.subject.documentKind : undefined;
    if (cert.hasPrivateKey) return { outcome: 'pass', detail: 'The file carries the matching private key.', fieldPath: 'hasPrivateKey' };
    const fix = 'Export it with the private key (Export-ExchangeCertificate -BinaryEncoded -Password …, or Export-PfxCertificate) and import that PFX on every Mailbox/CAS server.';
    if (kind === 'pkcs12') {
      return {
        outcome: 'pfx-without-key',
        detail: 'The PFX holds the Auth certificate without its private key; Exchange cannot sign OAuth tokens with it.',
        fix,
        whatBreaks: 'Server-to-server OAuth (Skype for Business, SharePoint, hybrid) fails on the servers that got this copy.',
        fieldPath: 'hasPrivateKey',
      };
    }
    return {
      outcome: 'no-key-in-file',
      detail: 'This file holds only the certificate, no private key. The servers need the key too: copying a .cer is not enough.',
      fix,
      fieldPath: 'hasPrivateKey',
    };
  },
});
