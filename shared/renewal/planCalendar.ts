// The plan as a calendar (.ics, RFC 5545) and as CSV. The calendar is written by the `ics`
// package (a maintained generator: line folding, escaping and UIDs are its job, not ours); it
// is pure JavaScript, so the app's web edition builds the same file in the browser.
// One all-day event per renew-by date, the steps in the description; UIDs are derived from the
// thumbprint and role, so re-importing a newer plan updates the events instead of doubling them.
import { createEvents, type EventAttributes } from 'ics';
import { csvField } from '../report/render/escape.js';
import type { PlanEntry, RenewalPlan } from './planTypes.js';

export const PLAN_CALENDAR_NAME = 'CertBench renewal plan';

function dateArray(isoDay: string): [number, number, number] {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function nextDay(isoDay: string): [number, number, number] {
  return dateArray(new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
}

/** The event text: why this date, the steps in order, the servers. */
export function entryDescription(e: PlanEntry): string {
  const lines = [
    `${e.subject} (${e.thumbprint}), ${e.roleTitle}${e.use ? ` — ${e.use}` : ''}.`,
    `Expires ${e.notAfter.slice(0, 10)}. ${e.why}`,
  ];
  if (e.staging) lines.push(`Takes over: ${e.staging.how}.`);
  if (e.nextLifetime) lines.push(e.nextLifetime.why);
  lines.push('', 'Steps:');
  e.steps.forEach((s, i) => lines.push(`${i + 1}. ${s.text}${s.powershell ? `\n   ${s.powershell}` : ''}`));
  if (e.servers.length) lines.push('', `Servers: ${e.servers.join(', ')}`);
  return lines.join('\n');
}

export function planToIcs(plan: RenewalPlan): string {
  if (plan.entries.length === 0) throw new Error('The plan has no certificates to put in a calendar.');
  const stamp = Date.parse(plan.at);
  const events: EventAttributes[] = plan.entries.map((e) => ({
    uid: `${e.thumbprint.toLowerCase()}-${e.role}@certbench`,
    title: `Renew ${e.subject.replace(/^CN=/, '').split(',')[0]} (${e.roleTitle})`,
    description: entryDescription(e),
    start: dateArray(e.renewBy),
    end: nextDay(e.renewBy),
    timestamp: stamp,
    calName: PLAN_CALENDAR_NAME,
    productId: 'certbench/renewal-plan',
    categories: ['CertBench', e.role],
    alarms: [{ action: 'display', description: `Renew ${e.subject}`, trigger: { days: 7, before: true } }],
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`The calendar could not be written: ${error?.message ?? 'no output'}.`);
  return value;
}

export const PLAN_CSV_COLUMNS = [
  'order', 'renewBy', 'state', 'daysLeft', 'subject', 'thumbprint', 'role', 'roleTitle', 'use', 'notAfter',
  'effectiveDate', 'nextLifetimeDays', 'why', 'steps', 'servers', 'source',
] as const;

/** RFC 4180, CRLF, a UTF-8 byte-order mark for Excel; every cell through csvField (formula-safe). */
export function planToCsv(plan: RenewalPlan): string {
  const rows = [[...PLAN_CSV_COLUMNS] as (string | number)[]];
  for (const e of plan.entries) {
    rows.push([
      e.order, e.renewBy, e.state, e.daysLeft, e.subject, e.thumbprint, e.role, e.roleTitle, e.use ?? '', e.notAfter,
      e.staging?.effectiveDate ?? '', e.nextLifetime?.days ?? '', e.why,
      e.steps.map((s, i) => `${i + 1}. ${s.text}${s.powershell ? ` [${s.powershell}]` : ''}`).join('\n'),
      e.servers.join(' '), e.source,
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
