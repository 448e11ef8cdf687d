// Every printed date of one source, collected while its objects are read, then read in ONE
// day/month order for the whole source (a shell prints all its dates in one culture). The
// order comes from the locale when given; otherwise from the text itself: a number above 12,
// NotBefore < NotAfter, a known certificate's dates, the dotted form. Where nothing settles it
// the ambiguous dates are left out and a note says so — never a silent guess.
import type { ImportNote, ImportOptions } from '../types.js';
import { isUnambiguous, localeDateOrder, scanDate, toIso, type DateOrder, type PrintedDate } from './printedDate.js';

interface DateEntry {
  raw: string;
  scanned: PrintedDate | null;
  what: string;
  thumbprint: string | null;
  set: (iso: string | undefined) => void;
}

const ORDER_WORDS: Record<DateOrder, string> = { DMY: 'day/month', MDY: 'month/day', YMD: 'year-month-day' };
const DAY_MS = 86_400_000;

export interface DateReading {
  /** For the summary, e.g. "dates read as day/month (en-GB)"; null when the source had no dates. */
  summary: string | null;
  notes: ImportNote[];
}

export class DateBook {
  private readonly entries: DateEntry[] = [];
  private readonly pairs: [DateEntry, DateEntry][] = [];

  constructor(private readonly source: string) {}

  /** Register a printed date; `set` receives the ISO value, or undefined when it is left out. */
  add(raw: string, what: string, thumbprint: string | null, set: (iso: string | undefined) => void): DateEntry | null {
    if (raw.trim() === '') return null;
    const entry: DateEntry = { raw: raw.trim(), scanned: scanDate(raw), what, thumbprint, set };
    this.entries.push(entry);
    return entry;
  }

  /** NotBefore and NotAfter of one certificate: the first must come before the second. */
  pair(notBefore: DateEntry | null, notAfter: DateEntry | null): void {
    if (notBefore && notAfter) this.pairs.push([notBefore, notAfter]);
  }

  resolve(options: ImportOptions): DateReading {
    const notes: ImportNote[] = [];
    const note = (level: ImportNote['level'], message: string, code?: ImportNote['code']) =>
      notes.push({ source: this.source, level, message, ...(code ? { code } : {}) });
    for (const e of this.entries.filter((x) => !x.scanned)) {
      e.set(undefined);
      note('warn', `${this.source}: the ${e.what} "${e.raw}" is not a date CertBench can read; it was left out.`);
    }
    const scanned = this.entries.filter((e) => e.scanned);
    const local = scanned.filter((e) => e.scanned!.iso === null);
    if (scanned.length === 0) return { summary: null, notes };
    const offsetless = local.length > 0;
    if (offsetless) {
      note('info', `${this.source}: the dates carry no time zone; they are written as UTC, so they may be off by the server's offset from UTC.`);
    }
    const needsOrder = local.filter((e) => e.scanned!.separator !== 'iso');
    if (needsOrder.length === 0) {
      for (const e of scanned) e.set(toIso(e.scanned!, 'YMD') ?? undefined);
      return { summary: 'dates read as year-month-day', notes };
    }
    const decided = this.decide(options, note);
    for (const e of scanned.filter((x) => x.scanned!.iso !== null || x.scanned!.separator === 'iso')) e.set(toIso(e.scanned!, 'YMD') ?? undefined);
    if (decided.order) {
      const order = decided.order;
      for (const e of needsOrder) {
        const iso = toIso(e.scanned!, order);
        if (!iso) note('warn', `${this.source}: the ${e.what} "${e.raw}" is not a date when read as ${ORDER_WORDS[order]}; it was left out — is the locale right?`);
        e.set(iso ?? undefined);
      }
      return { summary: `dates read as ${ORDER_WORDS[order]} (${decided.why})`, notes };
    }
    // Unsettled: keep the dates both readings agree on, leave the others out.
    const left: DateEntry[] = [];
    for (const e of needsOrder) {
      const d = e.scanned!;
      const dmy = toIso(d, 'DMY');
      const mdy = toIso(d, 'MDY');
      if (isUnambiguous(d) && (dmy === mdy || !dmy || !mdy) && (dmy ?? mdy)) e.set((dmy ?? mdy)!);
      else {
        e.set(undefined);
        left.push(e);
      }
    }
    if (left.length > 0) {
      note(
        'warn',
        `${this.source}: ${left.length} date${left.length === 1 ? '' : 's'} (e.g. "${left[0]!.raw}") can be read as day/month or month/day ${decided.why}; ` +
          `they were left out. Name the locale the shell used (e.g. en-US or en-GB) to read them.`,
        'dates-ambiguous',
      );
    }
    return { summary: left.length ? 'dates ambiguous (day/month unknown), left out' : 'dates read (no day/month ambiguity)', notes };
  }

  private decide(options: ImportOptions, note: (level: ImportNote['level'], message: string) => void): { order: DateOrder | null; why: string } {
    const local = this.entries.filter((e) => e.scanned && e.scanned.iso === null && e.scanned.separator !== 'iso');
    if (options.locale) {
      const order = localeDateOrder(options.locale);
      const misfit = order ? local.find((e) => toIso(e.scanned!, order) === null) : undefined;
      if (order && !misfit) return { order, why: options.locale };
      if (order && misfit) {
        // One locale is given for several files; this one was printed in another culture.
        const fromText = this.fromText(local, options);
        if (fromText.order && fromText.order !== order) {
          note('warn', `${this.source}: "${misfit.raw}" is not a date in ${options.locale}, so this text was printed in another culture; its dates were read as ${ORDER_WORDS[fromText.order]} (${fromText.why}).`);
          return fromText;
        }
        return { order, why: options.locale };
      }
      note('warn', `${this.source}: the locale "${options.locale}" is not one CertBench knows; the day/month order was worked out from the text instead.`);
    }
    const fromText = this.fromText(local, options);
    if (fromText.contradiction) {
      note('error', `${this.source}: the dates contradict each other (some read only as day/month, others only as month/day); the ambiguous ones were left out.`);
    }
    return fromText;
  }

  /** The order the text itself proves, without a locale. */
  private fromText(local: DateEntry[], options: ImportOptions): { order: DateOrder | null; why: string; contradiction?: boolean } {
    let candidates: DateOrder[] = ['DMY', 'MDY'];
    const why: string[] = [];
    // 1. A number above 12 can only be the day.
    const big = local.find((e) => e.scanned!.first > 12 || e.scanned!.second > 12);
    const firstBig = local.some((e) => e.scanned!.first > 12);
    const secondBig = local.some((e) => e.scanned!.second > 12);
    if (firstBig) candidates = candidates.filter((c) => c !== 'MDY');
    if (secondBig) candidates = candidates.filter((c) => c !== 'DMY');
    if (big && candidates.length === 1) why.push(`"${big.raw}" has a day above 12`);
    // 2. Known certificates with the same thumbprint (open files).
    const known = new Map((options.knownCertificates ?? []).map((k) => [k.thumbprint.toUpperCase(), k]));
    for (const e of local) {
      const k = e.thumbprint ? known.get(e.thumbprint) : undefined;
      if (!k) continue;
      const target = Date.parse(/notbefore/i.test(e.what) ? k.notBefore : k.notAfter);
      if (Number.isNaN(target)) continue;
      const fits = candidates.filter((c) => {
        const iso = toIso(e.scanned!, c);
        return iso !== null && Math.abs(Date.parse(iso) - target) <= 1.5 * DAY_MS;
      });
      if (fits.length > 0 && fits.length < candidates.length) {
        candidates = fits;
        why.push('it matches an open certificate with the same thumbprint');
      }
    }
    // 3. NotBefore must come before NotAfter.
    for (const [nb, na] of this.pairs) {
      if (!nb.scanned || !na.scanned) continue;
      const fits = candidates.filter((c) => {
        const a = toIso(nb.scanned!, c);
        const b = toIso(na.scanned!, c);
        return a !== null && b !== null && Date.parse(a) < Date.parse(b);
      });
      if (fits.length > 0 && fits.length < candidates.length) {
        candidates = fits;
        why.push('only that reading puts NotBefore before NotAfter');
      }
    }
    if (candidates.length === 0) return { order: null, why: 'and the text contradicts itself', contradiction: true };
    // 4. Dotted dates (de-DE, ru-RU, …) are day.month.year in every culture that prints them.
    if (candidates.length === 2 && local.every((e) => e.scanned!.separator === '.')) {
      return { order: 'DMY', why: 'dotted dates are day.month.year' };
    }
    if (candidates.length === 1) return { order: candidates[0]!, why: [...new Set(why)].join('; ') };
    return { order: null, why: 'and nothing in the text settles which' };
  }
}
