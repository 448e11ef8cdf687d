// The executive summary and the expiry timeline's data: what a reader who stops after the
// first page must know — how many certificates pass, which fail and why, what expires soon.
import { DAY_MS } from './dates.js';
import type { ExpiryBucket, ExpiryEntry, FailingEntry, ReportItem, ReportSummary, Timeline, TimelineRow } from './model.js';

/** The renewal horizons the summary counts, in days after the evaluation time. */
export const EXPIRY_HORIZONS = [30, 60, 120] as const;

export function itemLabel(item: Pick<ReportItem, 'identity' | 'result'>): string {
  return item.identity.commonName || item.identity.subject || item.result.file;
}

export function expiryBucket(daysLeft: number): ExpiryBucket | 'ok' {
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= 30) return '30';
  if (daysLeft <= 60) return '60';
  if (daysLeft <= 120) return '120';
  return 'ok';
}

export function buildSummary(items: readonly ReportItem[], unusable: number): ReportSummary {
  const verdicts = { pass: 0, warn: 0, fail: 0 };
  for (const item of items) verdicts[item.result.verdict]++;

  const failing: FailingEntry[] = items
    .filter((i) => i.result.verdict === 'fail')
    .map((i) => ({
      itemId: i.id,
      label: itemLabel(i),
      file: i.result.file,
      roles: i.roleVerdicts.filter((r) => r.verdict === 'fail').map((r) => r.role),
      problems: unique(i.result.findings.filter((f) => f.status === 'error' || f.status === 'fatal').map((f) => f.title)),
    }));

  const entries: ExpiryEntry[] = [];
  for (const item of items) {
    const { thumbprint, notAfter, daysLeft } = item.identity;
    if (!thumbprint || !notAfter || daysLeft === undefined) continue;
    const bucket = expiryBucket(daysLeft);
    if (bucket === 'ok') continue;
    entries.push({ itemId: item.id, label: itemLabel(item), file: item.result.file, thumbprint, notAfter, daysLeft, bucket });
  }
  entries.sort((a, b) => a.daysLeft - b.daysLeft || compare(a.itemId, b.itemId));
  const within = (days: number) => entries.filter((e) => e.daysLeft >= 0 && e.daysLeft <= days).length;

  return {
    items: items.length,
    certificates: items.filter((i) => i.result.kind === 'certificate').length,
    requests: items.filter((i) => i.result.kind === 'request').length,
    verdicts,
    unusable,
    failing,
    expiry: {
      expired: entries.filter((e) => e.bucket === 'expired').length,
      within30: within(30),
      within60: within(60),
      within120: within(120),
      entries,
    },
  };
}

/**
 * The timeline window: from a little before the evaluation time (further back when something
 * already expired) to past the last expiry, at least 180 days (so the 120-day band shows) and
 * at most 400 days: the chart is for renewal planning, and a five-year certificate would
 * flatten every near expiry (bars that go on past the window end in an arrow).
 */
export function buildTimeline(items: readonly ReportItem[], at: Date): Timeline {
  const rows: TimelineRow[] = [];
  for (const item of items) {
    const { notBefore, notAfter, daysLeft } = item.identity;
    if (!notBefore || !notAfter || daysLeft === undefined) continue;
    rows.push({ itemId: item.id, label: itemLabel(item), notBefore, notAfter, daysLeft, bucket: expiryBucket(daysLeft) });
  }
  const t = at.getTime();
  const earliestExpired = Math.min(t, ...rows.filter((r) => r.daysLeft < 0).map((r) => Date.parse(r.notAfter)));
  const start = Math.max(t - 365 * DAY_MS, Math.min(t - 60 * DAY_MS, earliestExpired - 30 * DAY_MS));
  const latest = Math.max(t, ...rows.map((r) => Date.parse(r.notAfter)));
  const end = Math.min(t + 400 * DAY_MS, Math.max(t + 180 * DAY_MS, latest + 30 * DAY_MS));
  return { start: iso(start), end: iso(end), at: at.toISOString(), rows };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
