// Day arithmetic for validity checks. A "day" is 86,400 seconds, as the CA/B Forum counts it.
export const DAY_MS = 86_400_000;

/** Whole days from `at` until `iso` (negative once passed). */
export function daysUntil(iso: string, at: Date): number {
  return Math.floor((Date.parse(iso) - at.getTime()) / DAY_MS);
}

export function isoDay(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

/** Validity period in days as the Baseline Requirements count it (both ends inclusive). */
export function validityDays(notBefore: string, notAfter: string): number {
  return (Date.parse(notAfter) - Date.parse(notBefore) + 1000) / DAY_MS;
}
