// An estate snapshot → the certificates a plan covers: every bound certificate, once per
// thumbprint, with the role its bindings imply (shared/estate/bindings.ts, the same reading the
// estate audit uses), the servers it is bound on, and a successor already staged in AuthConfig.
// The Auth certificate must be on every Exchange server and the OAuthTokenIssuer on every Front
// End, so those list every server of the product, not only where the snapshot saw them.
import { estateBindings, type HostCertificate } from '../estate/bindings.js';
import type { Snapshot } from '../estate/snapshot.js';
import type { RoleId } from '../rules/engine/roles.js';
import type { PlanCertificate } from './planTypes.js';

/** When a certificate serves several roles, the one whose renewal is the most demanding. */
const ROLE_PRIORITY: readonly RoleId[] = ['exchange-auth', 'sfb-oauth', 'edge-external', 'exchange-um', 'owa-im', 'edge-internal', 'general'];

export interface SnapshotPlanInput {
  certificates: PlanCertificate[];
  /** Bound certificates the plan cannot date (no NotAfter in the snapshot), one sentence each. */
  notes: string[];
}

export function planCertificatesFromSnapshot(snapshot: Snapshot, source: string): SnapshotPlanInput {
  const { hosts, certificates } = estateBindings(snapshot);
  const fqdnOf = new Map(hosts.map((h) => [h.key, h.fqdn]));
  const byThumbprint = new Map<string, HostCertificate[]>();
  const notes: string[] = [];
  for (const hc of certificates) {
    if (hc.bindings.length === 0) continue;
    if (!hc.thumbprint) {
      notes.push(`A certificate bound on ${fqdnOf.get(hc.host) ?? hc.host} has a masked thumbprint in ${source}; collect again without masking to plan it.`);
      continue;
    }
    byThumbprint.set(hc.thumbprint, [...(byThumbprint.get(hc.thumbprint) ?? []), hc]);
  }
  const auth = snapshot.exchange?.authConfig;
  const out: PlanCertificate[] = [];
  for (const [thumbprint, group] of byThumbprint) {
    const text = textOf(group);
    const roles = new Set(group.flatMap((g) => g.roles));
    const role = ROLE_PRIORITY.find((r) => roles.has(r)) ?? 'general';
    const servers = group.map((g) => fqdnOf.get(g.host) ?? g.host);
    if (role === 'exchange-auth') servers.push(...(snapshot.exchange?.servers ?? []).filter((s) => !(s.roles ?? []).some((r) => /edge/i.test(r))).map((s) => s.fqdn));
    if (role === 'sfb-oauth') servers.push(...(snapshot.skype?.pools ?? []).filter((p) => /frontend/i.test(p.kind)).flatMap((p) => p.computers));
    const uses = [...new Set(group.flatMap((g) => g.bindings.map((b) => b.name)))];
    if (!text?.notAfter) {
      notes.push(`${text?.subject ?? thumbprint} (bound on ${[...new Set(servers)].join(', ')}) has no expiry date in ${source}; open the certificate file to plan it.`);
      continue;
    }
    const staged =
      role === 'exchange-auth' && auth?.currentCertificateThumbprint === thumbprint && auth.nextCertificateThumbprint && auth.nextCertificateThumbprint !== thumbprint
        ? { thumbprint: auth.nextCertificateThumbprint, ...(auth.nextCertificateEffectiveDate ? { effectiveDate: auth.nextCertificateEffectiveDate } : {}) }
        : rolledSuccessor(snapshot, group, thumbprint);
    out.push({
      source: `${source} (${[...new Set(group.map((g) => (fqdnOf.get(g.host) ?? g.host).split('.')[0]!.toUpperCase()))].join(', ')})`,
      thumbprint,
      subject: text.subject ?? '',
      issuer: text.issuer ?? '',
      notBefore: text.notBefore ?? text.notAfter,
      notAfter: text.notAfter,
      publicCa: group.some((g) => g.exchangeRow?.rootCAType === 'ThirdParty'),
      role,
      ...(uses.length ? { use: uses.join(', ') } : {}),
      servers: [...new Set(servers)],
      ...(staged ? { staged } : {}),
    });
  }
  return { certificates: out, notes };
}

/** The text facts the snapshot carries for one thumbprint (any row that has them). */
function textOf(group: HostCertificate[]): { subject?: string; issuer?: string; notBefore?: string; notAfter?: string } | undefined {
  for (const g of group) {
    for (const row of [g.exchangeRow, ...g.skypeRows]) if (row?.notAfter) return row;
  }
  return group[0]?.exchangeRow ?? group[0]?.skypeRows[0];
}

/**
 * A Lync/SfB successor already staged with -Roll: Get-CsCertificate lists it next to the current
 * certificate, for the same use, with an EffectiveDate after the snapshot was taken.
 */
function rolledSuccessor(snapshot: Snapshot, group: HostCertificate[], thumbprint: string): { thumbprint: string; effectiveDate: string } | undefined {
  const uses = new Set(group.flatMap((g) => g.skypeRows.map((r) => r.use.toLowerCase())));
  const taken = Date.parse(snapshot.collectedAt);
  const row = (snapshot.skype?.certificates ?? []).find(
    (r) => uses.has(r.use.toLowerCase()) && r.thumbprint && r.thumbprint !== thumbprint && r.effectiveDate && Date.parse(r.effectiveDate) > taken,
  );
  return row ? { thumbprint: row.thumbprint!, effectiveDate: row.effectiveDate! } : undefined;
}
