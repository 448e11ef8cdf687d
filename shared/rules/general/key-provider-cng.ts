// Requirement: keys for Exchange OWA/ECP, Exchange UM and Lync/SfB server certificates must
// live in a legacy CryptoAPI CSP ("Microsoft RSA SChannel Cryptographic Provider"), not a CNG
// Key Storage Provider. Citation: Microsoft support (OWA/ECP redirect to FBA with CNG keys);
// community reports for UM (event 1079) and Lync ("buffer supplied … too small").
import type { RuleContext } from '../engine/types.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export function isKsp(provider: string): boolean {
  return /key storage provider|platform crypto provider|\bKSP\b/i.test(provider);
}

export default defineRule({
  id: 'general.key-provider-cng',
  title: 'Private key is in a legacy CSP, not a CNG KSP',
  requirement: 'Exchange OWA/ECP/UM and Lync/SfB need the private key in a legacy CryptoAPI CSP such as "Microsoft RSA SChannel Cryptographic Provider", not a CNG Key Storage Provider.',
  roles: ['general'],
  source: 'microsoft',
  citation: `${CITE.S32b}; ${CITE.S32a}; ${CITE.S32c}`,
  maxStatus: 'error',
  applies: (ctx) => !!providerOf(ctx),
  check(ctx) {
    const provider = providerOf(ctx)!;
    const field = ctx.request ? 'cryptographicProvider' : 'key.provider';
    if (!isKsp(provider)) return { status: 'pass', detail: `The key provider is "${provider}" (a legacy CSP).`, fieldPath: field };
    const strict = ctx.has('exchange-um') || ctx.has('owa-im') || ctx.has('edge-external') || ctx.has('edge-internal');
    const breaks: string[] = [];
    if (ctx.has('exchange-um')) breaks.push('UM event 1079 "CryptographicException: Invalid provider type specified", then 1136 (call transfer failed)');
    if (ctx.has('owa-im') || ctx.roles.length === 1) breaks.push('OWA/ECP silently return to the forms-based sign-in page (NoCookies=302 in the HttpProxy log)');
    if (ctx.has('edge-external') || ctx.has('edge-internal') || ctx.has('exchange-um') || ctx.has('owa-im')) {
      breaks.push('Lync/SfB services fail with "CryptographicException: The buffer supplied to a function was too small."');
    }
    return {
      status: strict ? 'error' : 'warn',
      detail: `The ${ctx.request ? 'request asks for' : 'PFX stores'} the key in "${provider}", a CNG Key Storage Provider; Exchange and Lync/SfB need a legacy CSP.`,
      fix: 'Request again with ProviderName="Microsoft RSA SChannel Cryptographic Provider", ProviderType=12, KeySpec=1 (certreq INF), or re-import the PFX with certutil -csp "Microsoft RSA SChannel Cryptographic Provider" -importpfx.',
      whatBreaks: breaks.join('; ') || undefined,
      fieldPath: field,
    };
  },
});

function providerOf(ctx: RuleContext): string | null {
  if (ctx.request) return ctx.request.cryptographicProvider ?? null;
  if (ctx.subject.kind === 'certificate') return ctx.subject.key?.provider ?? null;
  return null;
}
