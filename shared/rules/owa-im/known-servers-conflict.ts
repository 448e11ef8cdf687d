// Requirement: do not create a Lync trusted application pool for OWA on an Exchange server
// that hosts a SipName UM dial plan — Lync already adds that server to its known servers table
// (ExUMRouting, version 0); the duplicate entry is illegal and both are dropped.
// Citation: Microsoft JJ688055; Lync team posts (seed 004: event 14563, 14493, 44030).
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { sameFqdn } from '../helpers/names.js';

export default defineRule({
  id: 'owa-im.known-servers-conflict',
  title: 'No trusted application pool on a SipName UM dial-plan server',
  requirement: 'The OWA trusted application pool must not be an Exchange server that hosts a SipName UM dial plan (Lync discovers that server itself).',
  roles: ['owa-im'],
  source: 'microsoft',
  citation: `${CITE.S11}; ${CITE.SEED004}`,
  maxStatus: 'error',
  applies: (ctx) => !!ctx.env.owaIm?.trustedApplicationPoolFqdn,
  check(ctx) {
    const pool = ctx.env.owaIm!.trustedApplicationPoolFqdn!;
    const clash = (ctx.env.exchangeServers ?? []).find((s) => s.hostsSipNameDialPlan && sameFqdn(s.fqdn, pool));
    if (!clash) return { status: 'pass', detail: `The trusted application pool ${pool} is not an Exchange server hosting a SipName UM dial plan.` };
    return {
      status: 'error',
      detail: `The OWA trusted application pool ${pool} is also the Exchange server that hosts a SipName UM dial plan. Lync already adds that server to its known servers table as an "Authorized Host"; the trusted application pool adds a second entry with another version, and Lync removes both.`,
      fix: `Remove the OWA trusted application and pool (Remove-CsTrustedApplication, Remove-CsTrustedApplicationPool ${pool}, Enable-CsTopology) and restart RTCSRV; OWA IM works through the auto-discovered entry. Re-create them if UM and OWA are ever separated.`,
      whatBreaks: 'LS Protocol Stack event 14563 at RTCSRV start (two known-server entries with different versions) and both entries are dropped: OWA IM and UM routing to that server stop; warning 44030 follows.',
    };
  },
});
