// The order a folder's entries are listed in: what localeCompare gives in the user's locale,
// with one collator for the whole run rather than one per comparison (10,000 names sort in half
// the time). Building that collator is costly — V8 first canonicalises every locale ICU knows,
// ~68 million instructions, ~15 ms, a third of `inspect`'s start-up — so it is built on first
// need, and not at all for a folder whose order is already known without it (below).

let collator: Intl.Collator | undefined;

/** Compare two names as localeCompare does. */
export function byName(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Names of one length, in ASCII, that differ only where each holds a digit: c00001.cer,
 * c00002.cer… (numbered exports). Every collation of every locale orders such names as their
 * code units do — the letters and signs around the digits are the same in all of them, no
 * tailoring puts a digit into a contraction, and digits collate in numeric order, which for
 * runs of one length at one place is their code order — so sorting them needs no collator.
 * (test/cli/folderOrder.test.ts checks this against ICU for dozens of locales.)
 */
export function differOnlyInDigits(names: readonly string[]): boolean {
  const first = names[0];
  if (first === undefined) return true;
  for (let i = 0; i < first.length; i++) if (first.charCodeAt(i) > 0x7f) return false;
  for (const name of names) {
    if (name.length !== first.length) return false;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      const f = first.charCodeAt(i);
      if (c !== f && !(isDigit(c) && isDigit(f))) return false;
    }
  }
  return true;
}

/** `entries` sorted in place by `name`, in the order byName gives. */
export function sortByName<T extends { name: string }>(entries: T[]): T[] {
  if (entries.length < 2) return entries;
  if (differOnlyInDigits(entries.map((e) => e.name))) return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.sort((a, b) => byName(a.name, b.name));
}
