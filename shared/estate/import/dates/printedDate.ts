// A date as a Windows shell printed it, in its culture's short date + long (or short) time:
// `11/28/2021 12:23:07 AM` (en-US), `12/02/2018 1:53:00 PM` (en-AU), `02.02.2028 4:22:23`
// (ru-RU), `2.12.2026 14:05:00` (de-DE), `12/8/2023 6:16 AM` (certutil, no seconds), and the
// locale-free ISO forms (`2023-02-03T14:16:02+00:00` from CliXML, `2023-02-03 14:16:02`).

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface PrintedDate {
  /** First and second number of a d/m or m/d date (for YMD: month, day). */
  first: number;
  second: number;
  year: number;
  hour: number;
  minute: number;
  second_: number;
  /** `/`, `.` or `-` between day and month; `iso` for the yyyy-MM-dd forms. */
  separator: string;
  /** Already an ISO 8601 value with an offset: taken as it is. */
  iso: string | null;
  /** The text carried a time zone offset. */
  hasOffset: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const LOCAL_YMD = /^(\d{4})[./](\d{1,2})[./](\d{1,2})(?:\s+(.+))?$/;
const LOCAL = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp]\.?\s?[Mm]\.?)?)?$/;

/** Read the numbers; null when the text is not a date in any form above. */
export function scanDate(raw: string): PrintedDate | null {
  const t = raw.trim();
  const iso = ISO.exec(t);
  if (iso) {
    const [, y, mo, d, h, mi, s, off] = iso;
    const date: PrintedDate = {
      first: Number(mo),
      second: Number(d),
      year: Number(y),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second_: Number(s ?? 0),
      separator: 'iso',
      iso: null,
      hasOffset: off !== undefined,
    };
    if (!validTime(date) || !validDay(date.year, date.first, date.second)) return null;
    if (off !== undefined) date.iso = t.replace(' ', 'T');
    return date;
  }
  const ymd = LOCAL_YMD.exec(t);
  if (ymd) {
    // Year first (ja-JP, zh-CN, ko-KR … `2026/12/02 14:05:00`): always year/month/day.
    const [, y, mo, d, rest] = ymd;
    return scanDate(`${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}${rest ? ' ' + to24h(rest) : ''}`);
  }
  const m = LOCAL.exec(t);
  if (!m) return null;
  const [, a, sep, b, y, h, mi, s, ampm] = m;
  let hour = Number(h ?? 0);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^[Pp]/.test(ampm);
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const date: PrintedDate = {
    first: Number(a),
    second: Number(b),
    year: Number(y),
    hour,
    minute: Number(mi ?? 0),
    second_: Number(s ?? 0),
    separator: sep!,
    iso: null,
    hasOffset: false,
  };
  return validTime(date) ? date : null;
}

/** `2:05:00 PM` → `14:05:00` (the ISO reader takes 24-hour times only); anything else as is. */
function to24h(time: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?\s?[Mm]\.?$/.exec(time.trim());
  if (!m) return time.trim();
  const h = Number(m[1]);
  if (h < 1 || h > 12) return 'invalid';
  return `${String((h % 12) + (/[Pp]/.test(m[4]!) ? 12 : 0)).padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

/** The (month, day) an order gives, or null when that reading is not a calendar date. */
export function monthDay(d: PrintedDate, order: DateOrder): { month: number; day: number } | null {
  if (d.separator === 'iso' && order !== 'YMD') return monthDay(d, 'YMD');
  const [month, day] = order === 'DMY' ? [d.second, d.first] : [d.first, d.second];
  return validDay(d.year, month, day) ? { month, day } : null;
}

/** The date read in `order` as ISO 8601 with `Z` (the text had no offset; see the note). */
export function toIso(d: PrintedDate, order: DateOrder): string | null {
  if (d.iso) return d.iso;
  const md = monthDay(d, order);
  if (!md) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.year, 4)}-${p(md.month)}-${p(md.day)}T${p(d.hour)}:${p(d.minute)}:${p(d.second_)}Z`;
}

/** Both readings give the same calendar date (e.g. 05/05/2025), or the form has only one. */
export function isUnambiguous(d: PrintedDate): boolean {
  return d.separator === 'iso' || d.first === d.second || d.first > 12 || d.second > 12;
}

/**
 * The day/month order of a culture's short date, asked of the runtime's own locale data
 * (Intl works the same in Node and browsers). Null when the runtime does not know the tag.
 */
export function localeDateOrder(locale: string): DateOrder | null {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return null;
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(
      new Date(Date.UTC(2001, 10, 22)),
    );
    const order = parts
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.type[0]!.toUpperCase())
      .join('');
    if (order === 'DMY' || order === 'MDY' || order === 'YMD') return order;
    return null;
  } catch {
    return null;
  }
}

function validTime(d: PrintedDate): boolean {
  return d.hour <= 23 && d.minute <= 59 && d.second_ <= 59 && d.year >= 1900 && d.year <= 9999;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}
