// Requirement: keys for Exchange OWA/ECP, Exchange UM, the Exchange Auth certificate and every
// Lync/SfB certificate must live in a legacy CryptoAPI CSP ("Microsoft RSA SChannel
// Cryptographic Provider"), not a CNG Key Storage Provider — and a legacy CSP holds RSA keys
// only, so an EC key cannot serve these roles at all (certbench request offers RSA only).
// Citation: Microsoft support (OWA/ECP redirect to FBA with CNG keys); Microsoft SfB 2015
// environmental requirements (no CNG certificates); CSS-Exchange New-ExchangeAuthCertificate.ps1
// (UseRSACryptoServiceProvider = $true); community reports for UM (event 1079) and Lync ("buffer
// supplied … too small"). The Exchange Auth EC case is exchange-auth.rsa-key's, not repeated here.
// EC for UM / OWA IM is an error (Exchange loads the key through CAPI: UM event 1079); EC for the
// Lync/SfB-only roles is a warning, because Gg398066 lists ECDH keys as supported there.
import type { RuleContext } from '../engine/types.js';
import type { RoleId } from '../engine/roles.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';

export function isKsp(provider: string): boolean {
  return /key storage provider|platform crypto provider|\bKSP\b/i.test(provider);
}

/** Roles whose product loads the key through the legacy CryptoAPI: a CNG key breaks them. */
export const LEGACY_CSP_ROLES: readonly RoleId[] = ['exchange-um', 'owa-im', 'edge-external', 'edge-internal', 'exchange-auth', 'sfb-oauth'];

const FIX_PROVIDER =
  'Request again with ProviderName="Microsoft RSA SChannel Cryptographic Provider", ProviderType=12, KeySpec=1 (certreq INF), or re-import the PFX with certutil -csp "Microsoft RSA SChannel Cryptographic Provider" -importpfx.';

export default defineRule({
  id: 'general.key-provider-cng',
  title: 'Private key is in a legacy CSP, not a CNG KSP',
  requirement:
    'Exchange OWA/ECP/UM, the Exchange Auth certificate and Lync/SfB need the private key in a legacy CryptoAPI CSP such as "Microsoft RSA SChannel Cryptographic Provider" — an RSA key, not an EC key and not a CNG Key Storage Provider.',
  roles: ['general'],
  source: 'microsoft',
  citation: `${CITE.S32b}; ${CITE.SFB_NO_CNG}; ${CITE.CSS_AUTH_CSP}; ${CITE.S32a}; ${CITE.S32c}; ${CITE.S17} (ECDH 256/384/521 listed as supported — in conflict)`,
  maxStatus: 'error',
  symptoms:
    'UM event 1079 "CryptographicException: Invalid provider type specified", then 1136 (call transfer failed); OWA/ECP silently return to the forms-based sign-in page (NoCookies=302 in the HttpProxy log); Lync/SfB: "CryptographicException: The buffer supplied to a function was too small." when assigning the certificate; certutil shows "Microsoft Software Key Storage Provider".',
  outcomes: {
    pass: { status: 'pass', title: 'Private key is in a legacy CSP' },
    'ec-lync-2013': { status: 'warn', title: 'EC key on a Lync Server 2013 certificate (sources disagree)', meaning: 'Only Lync Server 2013 pools: Gg398066 lists ECDH keys as supported, SfB 2015 supports no CNG certificates.' },
    'ec-key': { status: 'error', title: 'EC key: no legacy CSP can hold it', meaning: 'UM, OWA IM, the Lync/SfB roles and the Exchange Auth certificate load the key through a legacy CryptoAPI CSP, which holds RSA keys only.' },
    'cng-ksp': { status: 'error', title: 'Private key is in a CNG Key Storage Provider', meaning: 'For a role whose product needs a legacy CSP.' },
    'cng-ksp-general': { status: 'warn', title: 'Private key is in a CNG Key Storage Provider', meaning: 'Checked for general use only: Exchange and Lync/SfB need a legacy CSP.' },
  },
  applies: (ctx) => !!providerOf(ctx) || ecForCspRole(ctx),
  check(ctx) {
    const breaks = symptoms(ctx);
    if (ecForCspRole(ctx) && !ctx.has('exchange-um') && !ctx.has('owa-im') && onlyLync2013(ctx)) {
      // Lync/SfB roles where every pool is Lync Server 2013: Gg398066 lists ECDH 256/384/521 keys
      // as supported, while a legacy CSP holds no EC key — a documented conflict, so a warning.
      // Skype for Business Server 2015/2019 (or an unknown version): "does not support CNG
      // certificates", and an EC key lives only in CNG — an error, as `request` and `commands` say.
      return {
        outcome: 'ec-lync-2013',
        detail: `The key is ${ctx.fields.keyAlgorithm}${ctx.fields.publicKey.curve ? ` (${ctx.fields.publicKey.curve})` : ''}. Microsoft's pages disagree: the Lync Server 2013 certificate requirements (Gg398066) list ECDH 256/384/521 keys as supported, while Skype for Business Server 2015 "does not support CNG certificates" — and an EC key can only live in a CNG Key Storage Provider.`,
        fix: 'Prefer an RSA 2048-bit key in "Microsoft RSA SChannel Cryptographic Provider" for the next request (Request-CsCertificate does this by default).',
        whatBreaks: breaks || undefined,
        fieldPath: 'keyAlgorithm',
      };
    }
    if (ecForCspRole(ctx)) {
      return {
        outcome: 'ec-key',
        detail: `The key is ${ctx.fields.keyAlgorithm}${ctx.fields.publicKey.curve ? ` (${ctx.fields.publicKey.curve})` : ''}. ${roleNames(ctx)} load the key through the legacy CryptoAPI, whose providers hold RSA keys only; an EC key lives in a CNG Key Storage Provider, which these products do not support.`,
        fix: 'Request a new certificate with an RSA 2048-bit key in "Microsoft RSA SChannel Cryptographic Provider" (KeyLength=2048, ProviderType=12, KeySpec=1 in the certreq INF; New-ExchangeCertificate and Request-CsCertificate do this by default).',
        whatBreaks: breaks || undefined,
        fieldPath: 'keyAlgorithm',
      };
    }
    const provider = providerOf(ctx)!;
    const field = ctx.request ? 'cryptographicProvider' : 'key.provider';
    if (!isKsp(provider)) return { outcome: 'pass', detail: `The key provider is "${provider}" (a legacy CSP).`, fieldPath: field };
    const strict = cspRoles(ctx).length > 0;
    return {
      outcome: strict ? 'cng-ksp' : 'cng-ksp-general',
      detail: `The ${ctx.request ? 'request asks for' : 'PFX stores'} the key in "${provider}", a CNG Key Storage Provider; ${strict ? `${roleNames(ctx)} need` : 'Exchange and Lync/SfB need'} a legacy CSP.`,
      fix: FIX_PROVIDER,
      whatBreaks: breaks || undefined,
      fieldPath: field,
    };
  },
});

/** Every Lync/SfB pool the environment lists is Lync Server 2013 (and it lists at least one). */
function onlyLync2013(ctx: RuleContext): boolean {
  const versions = [...(ctx.env.sfbPools ?? []), ...(ctx.env.edgePools ?? [])].map((p) => p.version).filter((v) => v !== undefined);
  return versions.length > 0 && versions.every((v) => v === 'Lync2013');
}

function cspRoles(ctx: RuleContext): RoleId[] {
  return LEGACY_CSP_ROLES.filter((r) => ctx.has(r));
}

/** An EC (non-RSA) key for a role that needs a legacy CSP; Exchange Auth has its own rule. */
function ecForCspRole(ctx: RuleContext): boolean {
  return ctx.fields.keyAlgorithm !== 'RSA' && cspRoles(ctx).some((r) => r !== 'exchange-auth');
}

function roleNames(ctx: RuleContext): string {
  const names: Partial<Record<RoleId, string>> = {
    'exchange-um': 'Exchange UM',
    'owa-im': 'OWA IM',
    'edge-external': 'the Lync/SfB Edge',
    'edge-internal': 'the Lync/SfB Edge',
    'exchange-auth': 'the Exchange Auth certificate',
    'sfb-oauth': 'the Lync/SfB OAuthTokenIssuer',
  };
  const list = [...new Set(cspRoles(ctx).map((r) => names[r]!))];
  return list.length ? list.join(', ') : 'Exchange and Lync/SfB';
}

function symptoms(ctx: RuleContext): string {
  const breaks: string[] = [];
  if (ctx.has('exchange-um')) breaks.push('UM event 1079 "CryptographicException: Invalid provider type specified", then 1136 (call transfer failed)');
  if (ctx.has('owa-im') || ctx.roles.length === 1) breaks.push('OWA/ECP silently return to the forms-based sign-in page (NoCookies=302 in the HttpProxy log)');
  if (ctx.has('edge-external') || ctx.has('edge-internal') || ctx.has('exchange-um') || ctx.has('owa-im') || ctx.has('sfb-oauth')) {
    breaks.push('Lync/SfB cannot use it: "CryptographicException: The buffer supplied to a function was too small." when assigning it');
  }
  if (ctx.has('exchange-auth')) breaks.push('Exchange cannot sign OAuth tokens with it: server-to-server OAuth (SfB, SharePoint, hybrid) fails');
  return breaks.join('; ');
}

function providerOf(ctx: RuleContext): string | null {
  if (ctx.request) return ctx.request.cryptographicProvider ?? null;
  if (ctx.subject.kind === 'certificate') return ctx.subject.key?.provider ?? null;
  return null;
}
