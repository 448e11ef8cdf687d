// Requirement: every Front End uses the same OAuthTokenIssuer certificate — it is assigned
// once for the whole deployment (Set-CsCertificate -Identity Global -Type OAuthTokenIssuer)
// and replicated by the CMS; a Front End with another one fails server-to-server auth.
// Citation: Microsoft, Assign a server-to-server authentication certificate to SfB Server.
import { defineEstateRule } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { labels, listed } from './helpers.js';
import type { EstateHost } from '../../estate/bindings.js';
import { isEdgePool } from '../../estate/environment.js';

export default defineEstateRule({
  id: 'estate.oauth-token-issuer-same',
  title: 'Same OAuthTokenIssuer certificate on every Front End',
  requirement: 'All Front End servers must use one OAuthTokenIssuer certificate (Global scope).',
  source: 'microsoft',
  citation: ESTATE_CITE.SFB_OAUTH,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Every Front End uses the same OAuthTokenIssuer certificate.' },
    differs: { status: 'error', meaning: 'Front Ends use different OAuthTokenIssuer certificates.' },
    missing: { status: 'warn', meaning: 'Some Front Ends list no OAuthTokenIssuer certificate.' },
    'not-applicable': { status: 'not_applicable', meaning: 'No Front End in the snapshot lists an OAuthTokenIssuer certificate.' },
  },
  check(ctx) {
    const frontEnds = ctx.hosts.filter((h) => h.product === 'skype' && !(h.pool && isEdgePool(h.pool)) && (!h.pool || /front\s*end|registrar|^fe$/i.test(h.pool.kind)));
    const issuer = new Map<EstateHost, string | null>();
    for (const e of ctx.entries) {
      if (!frontEnds.includes(e.host)) continue;
      if (e.binding.skypeRows.some((r) => /^oauthtokenissuer$/i.test(r.use))) issuer.set(e.host, e.result.thumbprint);
    }
    if (issuer.size === 0) return [{ outcome: 'not-applicable', title: 'No OAuthTokenIssuer certificate in the snapshot', detail: 'No Front End lists a Get-CsCertificate row of use OAuthTokenIssuer.' }];
    const groups = new Map<string, EstateHost[]>();
    for (const [h, t] of issuer) if (t) groups.set(t, [...(groups.get(t) ?? []), h]);
    const out = [];
    if (groups.size > 1) {
      const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
      const [majority, majorityHosts] = sorted[0]!;
      const others = sorted.slice(1).flatMap(([, hs]) => hs);
      out.push({
        outcome: 'differs',
        title: `Different OAuthTokenIssuer certificate on ${labels(others)}`,
        detail: sorted.map(([t, hs]) => `${listed(hs.map((h) => h.fqdn), ', ')} use${hs.length === 1 ? 's' : ''} ${t}`).join('; ') + `. One certificate is assigned with Global scope; ${majorityHosts.length > others.length ? `most Front Ends use ${majority}` : 'they should all use one'}.`,
        fix: 'Assign one certificate for the whole deployment: Set-CsCertificate -Identity Global -Type OAuthTokenIssuer -Thumbprint <t> (roll with -Roll -EffectiveDate), then let the CMS replicate (Get-CsManagementStoreReplicationStatus).',
        whatBreaks: 'Server-to-server authentication with Exchange and SharePoint (OWA IM, unified contact store, archiving) fails from the Front Ends with the other certificate.',
        servers: [...issuer.keys()].map((h) => h.fqdn),
        thumbprints: [...groups.keys()],
      });
    }
    const missing = frontEnds.filter((h) => !issuer.has(h) && ctx.entries.some((e) => e.host === h));
    if (missing.length) {
      out.push({ outcome: 'missing', title: `No OAuthTokenIssuer certificate on ${labels(missing)}`, detail: `${listed(missing.map((h) => h.fqdn), ', ')} list certificates but none of use OAuthTokenIssuer.`, fix: 'Check the CMS replication to these Front Ends and the Global OAuthTokenIssuer assignment (Get-CsCertificate -Type OAuthTokenIssuer).', servers: missing.map((h) => h.fqdn) });
    }
    if (out.length === 0) {
      const [t, hs] = [...groups.entries()][0] ?? ['', []];
      out.push({ outcome: 'pass', title: `One OAuthTokenIssuer certificate on all ${hs.length} Front Ends`, detail: `${listed(hs.map((h) => h.name), ', ')} use ${t}.`, servers: hs.map((h) => h.fqdn), thumbprints: t ? [t] : [] });
    }
    return out;
  },
});
