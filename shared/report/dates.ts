// Day arithmetic and date text for the report. Dates are shown as ISO days in UTC, never in the
// reader's locale: a report printed in Berlin and read in Seattle must say the same thing.
export const DAY_MS = 86_400_000;

/** Whole days from `at` until `iso` (negative once passed) — the rules count the same way. */
export function daysUntil(iso: string, at: Date): number {
  return Math.floor((Date.parse(iso) - at.getTime()) / DAY_MS);
}

/** `2026-03-01`. */
export function isoDay(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

/** `2026-03-01 14:05 UTC`. */
export function isoMinute(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** `41 days left`, `less than a day left`, `expired 12 days ago`. */
export function daysLeftText(days: number): string {
  if (days > 1) return `${days} days left`;
  if (days === 1) return '1 day left';
  if (days === 0) return 'less than a day left';
  if (days === -1) return 'expired 1 day ago';
  return `expired ${-days} days ago`;
}
