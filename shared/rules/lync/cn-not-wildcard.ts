// Requirement: "There is no support for a wildcard entry as the subject name (also referred to
// as the common name or CN) for any role" — Lync/SfB compare the CN with the peer's FQDN.
// Citation: Microsoft Hh202161; the UM story in seed 001 (MWI and play-on-phone broken).
// Documented conflict: for the Edge internal interface, Gg398920 / the SfB Edge requirements
// allow a wildcard subject while Hh202161 says "for any role" — so there it is one warning
// citing both, never an error.
import type { RuleContext } from '../engine/types.js';
import { LYNC_TLS_ROLES } from '../engine/roles.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { targetExchangeServer } from '../helpers/environment.js';
import { isWildcard } from '../helpers/names.js';

export default defineRule({
  id: 'lync.cn-not-wildcard',
  title: 'CN is not a wildcard',
  requirement: 'A certificate that Lync/SfB validates must not have a wildcard (*) in its subject CN, for any role.',
  roles: LYNC_TLS_ROLES,
  source: 'microsoft',
  citation: `${CITE.S1} — "There is no support for a wildcard entry as the subject name (also referred to as the common name or CN) for any role"; ${CITE.S6}; for the Edge internal interface: ${CITE.S16} and ${CITE.S15} allow a wildcard`,
  maxStatus: 'error',
  symptoms:
    'Exchange UM with a wildcard CN: calls from Lync to Exchange UM work, but Exchange → Lync fails — no message waiting indicator (MWI event 1344), play-on-phone broken, UMCore event 1400 (IP gateway not responding); Lync logs "The peer is not a configured server on this network interface" with *.domain as the peer FQDN, and ms-diagnostics 1010 "Certificate trust with another server could not be established" (0x800B010F CERT_E_CN_NO_MATCH). Edge: federation partners and remote clients refuse the Access Edge. OWA IM: no presence or IM in OWA.',
  outcomes: {
    pass: { status: 'pass', title: 'CN is not a wildcard' },
    'wildcard-edge-internal': { status: 'warn', title: 'Wildcard CN on the Edge internal interface (sources disagree)', meaning: 'Gg398920 allows a wildcard on the Edge internal interface; Hh202161 allows none for any role.' },
    wildcard: { status: 'error', title: 'CN is a wildcard' },
  },
  applies: (ctx) => !!ctx.fields.commonName,
  check(ctx) {
    const cn = ctx.fields.commonName!;
    if (!isWildcard(cn)) return { outcome: 'pass', detail: `The CN ${cn} is an explicit name.`, fieldPath: 'commonName' };
    const target = ctx.has('exchange-um') ? targetExchangeServer(ctx)?.server.fqdn : undefined;
    const otherLyncRoles = LYNC_TLS_ROLES.filter((r) => r !== 'edge-internal' && ctx.has(r));
    if (ctx.has('edge-internal') && otherLyncRoles.length === 0) {
      return {
        outcome: 'wildcard-edge-internal',
        detail: `The CN is ${cn}. Microsoft's pages disagree here: the Edge certificate requirements (Gg398920, and the SfB Edge environmental requirements) allow a wildcard on the Edge internal interface, while the wildcard support page (Hh202161) says there is no support for a wildcard subject "for any role".`,
        fix: 'Use the Edge internal FQDN (or the internal VIP) as the CN in the next request — that satisfies both pages.',
        whatBreaks: 'If Front Ends compare the CN with the Edge internal FQDN, Front End → Edge MTLS fails: CMS replication over HTTPS 4443 stops and remote users cannot sign in.',
        fieldPath: 'commonName',
      };
    }
    return {
      outcome: 'wildcard',
      detail: `The CN is ${cn}. Lync/SfB compare the CN with the FQDN of the server they talk to${target ? ` (${target})` : ''}, and "${cn}" is not an FQDN; a wildcard in the SAN does not help.`,
      fix: `Issue a certificate whose CN is the server's own FQDN${target ? ` (CN=${target})` : ''} — typically from your internal CA — and assign it to this role; keep the wildcard for IIS/SMTP if you like.`,
      whatBreaks: symptoms(ctx, cn),
      fieldPath: 'commonName',
    };
  },
});

function symptoms(ctx: RuleContext, cn: string): string {
  if (ctx.has('exchange-um')) {
    return `Calls from Lync to Exchange UM work, but Exchange → Lync fails: no message waiting indicator (MWI event 1344), play-on-phone broken, UMCore event 1400 (IP gateway not responding); Lync logs "The peer is not a configured server on this network interface" with ${cn} as the peer, and ms-diagnostics 1010 "Certificate trust with another server could not be established".`;
  }
  if (ctx.has('edge-external')) return 'Federation partners and remote clients refuse the Access Edge: the peer name does not match.';
  if (ctx.has('owa-im')) return 'Lync refuses the OWA MTLS connection: presence and IM do not appear in OWA.';
  return 'Lync/SfB servers refuse the TLS connection because the peer name does not match.';
}
