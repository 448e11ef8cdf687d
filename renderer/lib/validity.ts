// Days left and the colour of the validity bar. The count and its words are the core's
// (shared/dates/daysLeft.ts): whole days rounded down, the same the report and the CLI print.
import { daysLeft, isExpired, validityWords } from '../../shared/dates/daysLeft.js';

export { daysLeft };

export type ValidityTone = 'expired' | 'not-yet' | 'critical' | 'soon' | 'ok';

export function validityTone(notBefore: string, notAfter: string, now: Date): ValidityTone {
  if (Date.parse(notBefore) > now.getTime()) return 'not-yet';
  const left = daysLeft(notAfter, now);
  if (isExpired(notAfter, now)) return 'expired';
  if (left < 30) return 'critical';
  if (left < 60) return 'soon';
  return 'ok';
}

/** How much of the lifetime has passed, 0..1. */
export function elapsedFraction(notBefore: string, notAfter: string, now: Date): number {
  const start = Date.parse(notBefore);
  const end = Date.parse(notAfter);
  if (!(end > start)) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/** `expires in 41 days`, `expired 13 days ago`, `not valid for 3 more days` — the core's words. */
export function daysLeftLabel(notBefore: string, notAfter: string, now: Date): string {
  return validityWords(notBefore, notAfter, now);
}

/** Short badge text for the documents list: "41 d", "expired". */
export function daysLeftBadge(notBefore: string, notAfter: string, now: Date): string {
  if (Date.parse(notBefore) > now.getTime()) return 'not yet';
  if (isExpired(notAfter, now)) return 'expired';
  return `${daysLeft(notAfter, now)} d`;
}

export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}
