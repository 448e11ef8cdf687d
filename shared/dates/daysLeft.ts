// Days left until a certificate expires, and the words for it: one count and one sentence for
// the rules, the report, the app and the CLI, so they can never say 12 where another says 13.
//
// The count is whole days from the evaluation time to NotAfter, rounded down (a day is 86,400
// seconds, as the CA/B Forum counts it): 41.7 days ahead is 41, 0.5 days ahead is 0 ("expires
// within a day"), and once NotAfter has passed the count is negative — half a day past is -1,
// 12.5 days past is -13: the 13th day after expiry. RFC 5280 §4.1.2.5 makes NotAfter itself
// the last valid instant, so at exactly NotAfter the count is 0 and the certificate is valid.
export const DAY_MS = 86_400_000;

/** Whole days from `at` until `notAfter`, rounded down; negative once NotAfter has passed. */
export function daysLeft(notAfter: string, at: Date): number {
  return Math.floor((Date.parse(notAfter) - at.getTime()) / DAY_MS);
}

/** Has NotAfter passed at `at`? (The same test as `daysLeft(...) < 0`.) */
export function isExpired(notAfter: string, at: Date): boolean {
  return Date.parse(notAfter) < at.getTime();
}

/** Whole days from `at` until NotBefore, rounded up: "not valid for 3 more days". */
export function daysUntilValid(notBefore: string, at: Date): number {
  return Math.ceil((Date.parse(notBefore) - at.getTime()) / DAY_MS);
}

/** `expires in 41 days`, `expires in 1 day`, `expires within a day`, `expired within the last day`, `expired 13 days ago`. */
export function daysLeftWords(days: number): string {
  if (days > 1) return `expires in ${days} days`;
  if (days === 1) return 'expires in 1 day';
  if (days === 0) return 'expires within a day';
  if (days === -1) return 'expired within the last day';
  return `expired ${-days} days ago`;
}

/** The words for a certificate's validity at `at`, including one not valid yet. */
export function validityWords(notBefore: string, notAfter: string, at: Date): string {
  if (Date.parse(notBefore) > at.getTime()) {
    const until = daysUntilValid(notBefore, at);
    return `not valid for ${until} more day${until === 1 ? '' : 's'}`;
  }
  return daysLeftWords(daysLeft(notAfter, at));
}
