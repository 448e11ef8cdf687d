// How statuses and verdicts are named in every format: an icon *and* a word, never colour
// alone (the report is printed in black and white as often as not).
import type { Status, Verdict } from '../../rules/engine/status.js';
import type { ExpiryBucket } from '../model.js';

export const VERDICT_LABEL: Record<Verdict, { icon: string; word: string }> = {
  fail: { icon: '✖', word: 'FAIL' },
  warn: { icon: '⚠', word: 'WARN' },
  pass: { icon: '✔', word: 'PASS' },
};

export const STATUS_LABEL: Record<Status, { icon: string; word: string }> = {
  fatal: { icon: '✖', word: 'Rule failed' },
  error: { icon: '✖', word: 'Error' },
  warn: { icon: '⚠', word: 'Warning' },
  info: { icon: 'ℹ', word: 'Info' },
  pass: { icon: '✔', word: 'Pass' },
  not_applicable: { icon: '–', word: 'N/A' },
};

export const BUCKET_LABEL: Record<ExpiryBucket | 'ok', string> = {
  expired: 'Expired',
  '30': 'Within 30 days',
  '60': 'Within 60 days',
  '120': 'Within 120 days',
  ok: 'More than 120 days',
};

export function verdictText(verdict: Verdict): string {
  const l = VERDICT_LABEL[verdict];
  return `${l.icon} ${l.word}`;
}
