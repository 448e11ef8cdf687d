// Day arithmetic for validity checks. A "day" is 86,400 seconds, as the CA/B Forum counts it.
// Days left is the core's one count (shared/dates/daysLeft.ts), the same the report and the app show.
import { DAY_MS } from '../../dates/daysLeft.js';

export { DAY_MS, daysLeftWords } from '../../dates/daysLeft.js';
/** Whole days from `at` until `iso`, rounded down (negative once passed). */
export { daysLeft as daysUntil } from '../../dates/daysLeft.js';

export function isoDay(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

/** Validity period in days as the Baseline Requirements count it (both ends inclusive). */
export function validityDays(notBefore: string, notAfter: string): number {
  return (Date.parse(notAfter) - Date.parse(notBefore) + 1000) / DAY_MS;
}
