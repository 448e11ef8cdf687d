// Day arithmetic and date text for the report. Dates are shown as ISO days in UTC, never in the
// reader's locale: a report printed in Berlin and read in Seattle must say the same thing.
// Days left and their words are the core's one count (shared/dates/daysLeft.ts): the rules,
// the app and the CLI say the same.
import { daysLeftWords } from '../dates/daysLeft.js';

export { DAY_MS } from '../dates/daysLeft.js';
/** Whole days from `at` until `iso`, rounded down (negative once passed). */
export { daysLeft as daysUntil } from '../dates/daysLeft.js';

/** `2026-03-01`. */
export function isoDay(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

/** `2026-03-01 14:05 UTC`. */
export function isoMinute(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** `expires in 41 days`, `expires within a day`, `expired 13 days ago` (daysLeftWords). */
export function daysLeftText(days: number): string {
  return daysLeftWords(days);
}
