// Days left and the colour of the validity bar. Day counts are whole days, rounded down, so
// "0 days left" means it expires within 24 hours.

export type ValidityTone = 'expired' | 'not-yet' | 'critical' | 'soon' | 'ok';

const DAY_MS = 86_400_000;

export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS);
}

export function validityTone(notBefore: string, notAfter: string, now: Date): ValidityTone {
  if (Date.parse(notBefore) > now.getTime()) return 'not-yet';
  const left = daysLeft(notAfter, now);
  if (Date.parse(notAfter) <= now.getTime()) return 'expired';
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

export function daysLeftLabel(notBefore: string, notAfter: string, now: Date): string {
  if (Date.parse(notBefore) > now.getTime()) {
    const until = Math.ceil((Date.parse(notBefore) - now.getTime()) / DAY_MS);
    return `not valid for ${until} more day${until === 1 ? '' : 's'}`;
  }
  const left = daysLeft(notAfter, now);
  if (Date.parse(notAfter) <= now.getTime()) {
    const ago = Math.max(0, -left - 1);
    return ago === 0 ? 'expired today' : `expired ${ago} day${ago === 1 ? '' : 's'} ago`;
  }
  return `${left} day${left === 1 ? '' : 's'} left`;
}

/** Short badge text for the documents list: "41 d", "expired". */
export function daysLeftBadge(notBefore: string, notAfter: string, now: Date): string {
  if (Date.parse(notBefore) > now.getTime()) return 'not yet';
  if (Date.parse(notAfter) <= now.getTime()) return 'expired';
  return `${daysLeft(notAfter, now)} d`;
}

export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}
