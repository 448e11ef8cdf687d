// Requirement: do not create a Lync trusted application pool for OWA on an Exchange server
// that hosts a SipName UM dial plan — Lync already adds that server to its known servers table
// (ExUMRouting, version 0). What happens depends on the Lync version (seed 004): on Lync 2010
// event 14563 is logged and can be ignored (14493 adds the Application Server entry shortly
// after); on Lync 2013 and later the duplicate is illegal and both entries are dropped. So:
// info for Lync 2010, error for Lync 2013 / SfB, a warning when the version is unknown.
// Citation: Microsoft JJ688055; Lync team posts (seed 004: event 14563, 14493, 44030).
import type { SfbVersion } from '../../environment/types.js';
import type { RuleContext } from '../engine/types.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { sameFqdn } from '../helpers/names.js';
import { psFqdnArg } from '../../powershell/fixText.js';

export default defineRule({
  id: 'owa-im.known-servers-conflict',
  title: 'No trusted application pool on a SipName UM dial-plan server',
  requirement: 'The OWA trusted application pool must not be an Exchange server that hosts a SipName UM dial plan (Lync discovers that server itself).',
  roles: ['owa-im'],
  source: 'microsoft',
  citation: `${CITE.S11}; ${CITE.SEED004}`,
  maxStatus: 'error',
  symptoms:
    'LS Protocol Stack event 14563 at RTCSRV start: two known-server entries for the same FQDN with different versions ("Application Server" version 5/6 from the trusted application pool, "Authorized Host" version 0 from ExUMRouting). Lync Server 2010: the error can be ignored — information event 14493 adds the Application Server entry shortly after. Lync Server 2013 and later: both entries are removed from the known servers table, OWA IM and UM routing to that server stop; warning 44030 follows, and restarting RTCSRV brings 14563 again before 14493.',
  outcomes: {
    pass: { status: 'pass', title: 'No trusted application pool on a SipName UM dial-plan server' },
    lync2010: { status: 'info', title: 'Known servers table: duplicate entry on Lync 2010 (event 14563, ignorable)' },
    'drops-both': { status: 'error', title: 'Known servers table: duplicate entry drops both (event 14563)', meaning: 'Lync Server 2013 and Skype for Business Server remove both entries.' },
    'version-unknown': { status: 'warn', title: 'Known servers table: duplicate entry (Lync version unknown)' },
  },
  applies: (ctx) => !!ctx.env.owaIm?.trustedApplicationPoolFqdn,
  check(ctx) {
    const pool = ctx.env.owaIm!.trustedApplicationPoolFqdn!;
    const clash = (ctx.env.exchangeServers ?? []).find((s) => s.hostsSipNameDialPlan && sameFqdn(s.fqdn, pool));
    if (!clash) return { outcome: 'pass', detail: `The trusted application pool ${pool} is not an Exchange server hosting a SipName UM dial plan.` };
    const version = lyncVersion(ctx);
    const removeFix = `Remove the OWA trusted application and pool (Remove-CsTrustedApplication, Remove-CsTrustedApplicationPool ${psFqdnArg(pool, '<pool FQDN>')}, Enable-CsTopology) and restart RTCSRV; OWA IM works through the auto-discovered entry. Re-create them if UM and OWA are ever separated.`;
    const entries = `The OWA trusted application pool ${pool} is also the Exchange server that hosts a SipName UM dial plan. Lync already adds that server to its known servers table as an "Authorized Host" (version 0); the trusted application pool adds a second entry with another version.`;
    if (version === 'Lync2010') {
      return {
        outcome: 'lync2010',
        detail: `${entries} On Lync Server 2010 this logs event 14563 at RTCSRV start, which can be ignored: information event 14493 adds the Application Server entry shortly after.`,
        fix: `Nothing is required on Lync 2010. To silence the event, remove the OWA trusted application (and add it back if UM and OWA are ever separated). Before moving to Lync 2013 or later: ${removeFix}`,
        whatBreaks: 'Lync 2010: event 14563 (LS Protocol Stack) at RTCSRV start, then 14493; IM keeps working. Lync 2013 and later drop both entries.',
      };
    }
    return {
      outcome: version ? 'drops-both' : 'version-unknown',
      detail: `${entries} ${version ? `On ${version === 'Lync2013' ? 'Lync Server 2013' : 'Skype for Business Server'} the duplicate is illegal and Lync removes both entries.` : 'On Lync 2013 and later Lync removes both entries; on Lync 2010 the event can be ignored. The environment does not say which Lync/SfB version serves OWA IM.'}`,
      fix: version ? removeFix : `Add the pool's version to the environment (sfbPools[].version). On Lync 2013 or later: ${removeFix}`,
      whatBreaks: 'Lync 2013 and later: LS Protocol Stack event 14563 at RTCSRV start (two known-server entries with different versions) and both entries are dropped: OWA IM and UM routing to that server stop; warning 44030 follows. Lync 2010: event 14563 then 14493, and it keeps working.',
    };
  },
});

/** The Lync/SfB version serving OWA IM: the IM pool's, else the only version the environment lists. */
function lyncVersion(ctx: RuleContext): SfbVersion | null {
  const pools = ctx.env.sfbPools ?? [];
  const im = ctx.env.owaIm?.imServerName;
  const own = pools.find((p) => sameFqdn(p.fqdn, im))?.version;
  if (own) return own;
  const versions = [...new Set(pools.map((p) => p.version).filter((v): v is SfbVersion => !!v))];
  return versions.length === 1 ? versions[0]! : null;
}
