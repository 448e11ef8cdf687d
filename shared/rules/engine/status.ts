// Finding statuses and how they rank. `fatal` means the rule itself threw: the run goes on and
// the verdict fails, because a rule that could not look is not a rule that passed.

export type Status = 'pass' | 'info' | 'warn' | 'error' | 'fatal' | 'not_applicable';

/** The statuses a rule may declare as its ceiling (`fatal` is the engine's, never a rule's). */
export type MaxStatus = 'info' | 'warn' | 'error';

/** The status a declared outcome reports: `pass`, `not_applicable`, or at most the rule's ceiling. */
export type OutcomeStatus = 'pass' | 'not_applicable' | MaxStatus;

export type Verdict = 'pass' | 'warn' | 'fail';

const RANK: Record<Status, number> = {
  not_applicable: 0,
  pass: 1,
  info: 2,
  warn: 3,
  error: 4,
  fatal: 5,
};

export function statusRank(status: Status): number {
  return RANK[status];
}

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'not_applicable';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/** A rule never reports worse than its declared ceiling (an [UNC] fact stays a warning). */
export function capStatus(status: Status, max: MaxStatus): Status {
  return RANK[status] > RANK[max] && status !== 'fatal' ? max : status;
}

/** `fail` on any error or fatal, else `warn` on any warning, else `pass`. */
export function verdictOf(statuses: Iterable<Status>): Verdict {
  const worst = worstStatus(statuses);
  if (worst === 'error' || worst === 'fatal') return 'fail';
  if (worst === 'warn') return 'warn';
  return 'pass';
}

/** Display order of the findings list: Error → Warning → Info → Pass → N/A. */
export const STATUS_ORDER: Status[] = ['fatal', 'error', 'warn', 'info', 'pass', 'not_applicable'];
