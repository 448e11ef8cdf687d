// buildPlan(certificates, { at, environment }): the renewal plan. Each certificate gets its
// role's renew-by date (planWindows.ts), the steps (planSteps.ts) and the servers; the plan is
// ordered by that date, and on the same day the staged roles first — Exchange Auth, then the
// Lync/SfB OAuthTokenIssuer (whose partner applications read Exchange's metadata), then the
// Edge A/V roll — because their effective dates fall later than the day they are staged.
import type { Environment } from '../environment/types.js';
import { ROLE_TITLES, type RoleId } from '../rules/engine/roles.js';
import { DAY_MS } from '../rules/helpers/dates.js';
import type { PlanCertificate, PlanEntry, PlanState, RenewalPlan } from './planTypes.js';
import { planCommands, planSteps } from './planSteps.js';
import { nextPublicLifetime, renewalWindow } from './planWindows.js';

const STAGE_ORDER: Partial<Record<RoleId, number>> = { 'exchange-auth': 0, 'sfb-oauth': 1, 'edge-external': 2 };
/** A renew-by date this close is "due soon". */
export const DUE_SOON_DAYS = 30;

export interface PlanOptions {
  at: Date;
  environment: Environment;
}

export function buildPlan(certificates: readonly PlanCertificate[], options: PlanOptions): RenewalPlan {
  const at = options.at.getTime();
  if (Number.isNaN(at)) throw new Error('The plan date is not a valid date.');
  const entries = mergeSame(certificates).map((c) => entryFor(c, options));
  entries.sort(
    (a, b) =>
      a.renewBy.localeCompare(b.renewBy) ||
      (STAGE_ORDER[a.role] ?? 9) - (STAGE_ORDER[b.role] ?? 9) ||
      a.notAfter.localeCompare(b.notAfter) ||
      a.subject.localeCompare(b.subject),
  );
  entries.forEach((e, i) => (e.order = i + 1));
  return { at: options.at.toISOString(), entries, notes: [] };
}

function entryFor(c: PlanCertificate, options: PlanOptions): PlanEntry {
  const window = renewalWindow(c);
  const at = options.at.getTime();
  const daysLeft = Math.floor((window.renewBy - Math.floor(at / DAY_MS) * DAY_MS) / DAY_MS);
  const state: PlanState = Date.parse(c.notAfter) < at ? 'expired' : window.renewBy < at - DAY_MS + 1 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'planned';
  let why = window.why;
  if (c.staged) {
    why += ` A successor (${c.staged.thumbprint}) is already staged${c.staged.effectiveDate ? `, effective ${c.staged.effectiveDate.slice(0, 10)}` : ''}: check it is on every server and complete the swap.`;
  }
  const issueDay = Math.max(window.renewBy, Math.floor(at / DAY_MS) * DAY_MS);
  const nextLifetime = nextPublicLifetime(c, issueDay);
  const commands = planCommands(c);
  return {
    order: 0,
    source: c.source,
    thumbprint: c.thumbprint,
    subject: c.subject,
    role: c.role,
    roleTitle: ROLE_TITLES[c.role],
    ...(c.use ? { use: c.use } : {}),
    notAfter: c.notAfter,
    renewBy: new Date(window.renewBy).toISOString().slice(0, 10),
    state,
    daysLeft,
    why,
    ...(window.staging ? { staging: { effectiveDate: new Date(window.staging.effectiveDate).toISOString(), how: window.staging.how } } : {}),
    ...(nextLifetime ? { nextLifetime } : {}),
    steps: planSteps(c, window, options.environment),
    servers: [...new Set(c.servers)].sort(),
    commands,
  };
}

/** One entry per certificate and role: the same thumbprint seen on several servers is one renewal. */
function mergeSame(certificates: readonly PlanCertificate[]): PlanCertificate[] {
  const byKey = new Map<string, PlanCertificate>();
  for (const c of certificates) {
    const key = `${c.thumbprint}|${c.role}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...c, servers: [...c.servers] });
      continue;
    }
    seen.servers.push(...c.servers);
    if (c.use && !(seen.use ?? '').includes(c.use)) seen.use = seen.use ? `${seen.use}, ${c.use}` : c.use;
    if (!seen.source.split(', ').includes(c.source)) seen.source = `${seen.source}, ${c.source}`;
    seen.staged ??= c.staged;
  }
  return [...byKey.values()];
}
