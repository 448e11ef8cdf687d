// Verdicts and statuses: icon + word + colour, so they read without colour too.
import type { Status, Verdict } from '../../shared/rules/engine/status.js';
import { Icon } from './Icon.js';

const STATUS_WORD: Record<Status, string> = {
  fatal: 'Rule failed',
  error: 'Error',
  warn: 'Warning',
  info: 'Info',
  pass: 'Pass',
  not_applicable: 'N/A',
};

export function statusWord(status: Status): string {
  return STATUS_WORD[status];
}

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`status status-${status}`}>
      <Icon name={status} size={13} />
      {STATUS_WORD[status]}
    </span>
  );
}

const VERDICT_ICON: Record<Verdict, string> = { fail: 'error', warn: 'warn', pass: 'pass' };

export function VerdictBadge({ verdict, compact }: { verdict: Verdict; compact?: boolean }) {
  return (
    <span className={`verdict verdict-${verdict}${compact ? ' verdict-compact' : ''}`} data-verdict={verdict}>
      <Icon name={VERDICT_ICON[verdict]} size={12} />
      {verdict.toUpperCase()}
    </span>
  );
}
