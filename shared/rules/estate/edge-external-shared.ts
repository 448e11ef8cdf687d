// Requirement: every member of an Edge pool holds the same external certificate (same
// thumbprint, same key) for AccessEdgeExternal, DataEdgeExternal and AudioVideoAuthentication
// — the external names are the pool's, so clients reach any member with them.
// Citation: Microsoft Gg398920 / Edge environmental requirements; onpremdiag SfBServer rules.
import { defineEstateRule, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { listed } from './helpers.js';
import { isEdgePool } from '../../estate/environment.js';

const EXTERNAL = /^(accessedgeexternal|dataedgeexternal|audiovideoauthentication|external)$/i;

export default defineEstateRule({
  id: 'estate.edge-external-shared',
  title: 'Edge pool members share one external certificate',
  requirement: 'Every Edge server of a pool must use the same external certificate (one thumbprint) for its external uses.',
  source: 'microsoft',
  citation: ESTATE_CITE.EDGE_SAME,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Each Edge pool\'s members use one external certificate.' },
    differs: { status: 'error', meaning: 'Members of an Edge pool use different external certificates.' },
    'not-applicable': { status: 'not_applicable', meaning: 'No Edge pool with external certificates in the snapshot.' },
  },
  check(ctx) {
    const pools = (ctx.snapshot.skype?.pools ?? []).filter(isEdgePool);
    const out: EstateOutcome[] = [];
    for (const pool of pools) {
      const perMember = new Map<string, Set<string>>();
      for (const e of ctx.entries) {
        if (e.host.pool !== pool || !e.result.thumbprint) continue;
        if (!e.binding.skypeRows.some((r) => EXTERNAL.test(r.use))) continue;
        perMember.set(e.host.fqdn, (perMember.get(e.host.fqdn) ?? new Set()).add(e.result.thumbprint));
      }
      if (perMember.size === 0) continue;
      const all = new Set([...perMember.values()].flatMap((s) => [...s]));
      if (all.size > 1) {
        out.push({
          outcome: 'differs',
          title: `Edge pool ${pool.fqdn} uses ${all.size} different external certificates`,
          detail: listed([...perMember.entries()].map(([m, ts]) => `${m}: ${[...ts].join(', ')}`)) + '.',
          fix: 'Export the external certificate with its private key from one Edge and import and assign it on every member (Import-CsCertificate; Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Thumbprint <t>).',
          whatBreaks: 'Federation, remote sign-in or A/V relay fail intermittently, for the clients that reach the member with the other certificate.',
          servers: [...perMember.keys()],
          thumbprints: [...all],
        });
      } else {
        out.push({ outcome: 'pass', title: `Edge pool ${pool.fqdn}: one external certificate on ${perMember.size} member${perMember.size === 1 ? '' : 's'}`, detail: `All members use ${[...all][0]}.`, servers: [...perMember.keys()], thumbprints: [...all] });
      }
    }
    return out;
  },
});
