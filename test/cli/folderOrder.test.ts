// The order of a folder's files: localeCompare's, in every case. Names that differ only in
// their digits are sorted without building ICU's collator (costly at start-up); the claim that
// this gives the collator's order is checked here against ICU itself, locale by locale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { differOnlyInDigits, sortByName } from '../../cli/folderOrder.js';

// Locales with tailorings on ASCII letters (contractions such as cs "ch", da "aa", hu "cs",
// cy "ll"; reordered letters in et, lt, sv…), other scripts first, numeric collation,
// alternate=shifted, upper case first, digits reordered after Latin.
const LOCALES = [
  'und', 'en', 'en-US-u-kn', 'en-u-ka-shifted', 'en-u-kf-upper', 'en-u-kr-latn-digit', 'ar', 'az', 'be', 'bg', 'bs', 'ca', 'cs', 'cy',
  'da', 'de', 'de-u-co-phonebk', 'el', 'es', 'es-u-co-trad', 'et', 'fa', 'fi', 'fo', 'fr', 'fr-CA', 'gl', 'gu', 'he', 'hi', 'hr', 'hu',
  'hy', 'is', 'it', 'ja', 'ka', 'kk', 'kl', 'km', 'ko', 'ln', 'lt', 'lv', 'mk', 'mn', 'mt', 'nb', 'nn', 'pl', 'ro', 'ru', 'se', 'si',
  'sk', 'sl', 'sq', 'sr', 'sr-Latn', 'sv', 'th', 'tr', 'uk', 'ur', 'vi', 'yo', 'zh', 'zh-u-co-pinyin', 'zh-u-co-stroke', 'zh-Hant',
];

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Skeletons: '#' is a digit that varies; the rest is the same in every name of a folder.
const SKELETONS = [
  'c#####.cer', 'ch#.cer', 'aa#a.crt', 'cs#dz#ly#.pem', 'Ll#ng#ch#.der', 'y#i#j#.cer', 's#z#.cer', 'V#W#v#w#.p7b', '#-#_#.#',
  'ı#i#.cer', 'A#a#B#b#', '# #', 'x#0#9#', '##aa##', 'ch##', 'ä#å#', '-#.#,#;#', 'Z#z#',
];

function folder(skeleton: string, next: () => number): string[] {
  const names = new Set<string>();
  for (let n = 0; n < 40; n++) names.add(skeleton.replace(/#/g, () => String(Math.floor(next() * 10))));
  return [...names];
}

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('names that differ only in their digits', () => {
  it('are recognised, and other folders are not', () => {
    expect(differOnlyInDigits(['c00001.cer', 'c00002.cer', 'c10000.cer'])).toBe(true);
    expect(differOnlyInDigits(['only.cer'])).toBe(true);
    expect(differOnlyInDigits(['c1.cer', 'c10.cer'])).toBe(false); // lengths differ
    expect(differOnlyInDigits(['a1.cer', 'b1.cer'])).toBe(false); // a letter differs
    expect(differOnlyInDigits(['a1.cer', 'aa.cer'])).toBe(false); // a digit against a letter
    expect(differOnlyInDigits(['A1.cer', 'a1.cer'])).toBe(false); // case differs
    expect(differOnlyInDigits(['é1.cer', 'é2.cer'])).toBe(false); // not ASCII: left to the collator
  });

  it('sort in code order exactly as ICU sorts them, in every locale tried', () => {
    const next = random(18);
    const checked: string[] = [];
    for (const locale of LOCALES) {
      const collator = new Intl.Collator(locale);
      for (const skeleton of SKELETONS) {
        const names = folder(skeleton, next);
        if (!differOnlyInDigits(names)) continue;
        expect([...names].sort(codeOrder), `${locale} ${skeleton}`).toEqual([...names].sort(collator.compare));
        checked.push(skeleton);
      }
    }
    // The non-ASCII skeletons are refused; every other one was compared in every locale.
    expect(checked.length).toBe(LOCALES.length * (SKELETONS.length - 2));
  });

  it('the comparison can fail: names differing in letters are ordered otherwise by some locale', () => {
    const da = ['aa1.cer', 'ab1.cer', 'zz1.cer'];
    expect([...da].sort(new Intl.Collator('da').compare)).not.toEqual([...da].sort(codeOrder));
    expect(differOnlyInDigits(da)).toBe(false);
  });
});

describe('sortByName', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives localeCompare order, building no collator for numbered names', () => {
    const made = vi.spyOn(Intl, 'Collator');
    const numbered = ['c00010.cer', 'c00002.cer', 'c00100.cer', 'c00001.cer'].map((name) => ({ name }));
    expect(sortByName(numbered).map((e) => e.name)).toEqual(['c00001.cer', 'c00002.cer', 'c00010.cer', 'c00100.cer']);
    expect(made).not.toHaveBeenCalled();
  });

  it('uses the collator for any other folder', () => {
    const names = ['b.cer', 'A.cer', '_x.cer', 'a.cer', 'B10.cer', 'b2.cer', 'ch.cer', 'Zebra.pem'];
    const sorted = sortByName(names.map((name) => ({ name }))).map((e) => e.name);
    expect(sorted).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(sorted).not.toEqual([...names].sort(codeOrder));
  });

  it('is what a folder walk lists (mixed names through the collator, numbered ones without)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-order-'));
    try {
      for (const name of ['b.cer', 'A.cer', 'a.cer', 'B.cer']) fs.writeFileSync(path.join(dir, name), '');
      const { expandPaths } = await import('../../cli/inputFiles.js');
      const listed = expandPaths([dir], '/').files.map((f) => path.basename(f));
      expect(listed).toEqual(['a.cer', 'A.cer', 'b.cer', 'B.cer'].sort((x, y) => x.localeCompare(y)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
