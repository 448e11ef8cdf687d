// Random line damage on every kind of sample: each parser ends in a result or one clear
// message (an InputError, or an error note naming the source), never another throw, quickly.
// FUZZ_RUNS raises the count for a long run (npm run fuzz).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readClixml } from '../../../shared/estate/import/clixml/readClixml.js';
import { scanDate } from '../../../shared/estate/import/dates/printedDate.js';
import { detectServerOutput, importServerOutput } from '../../../shared/estate/import/index.js';
import { readCertutil } from '../../../shared/estate/import/text/certutil.js';
import { sectionsOf } from '../../../shared/estate/import/text/cleanPaste.js';
import { readColumnTable } from '../../../shared/estate/import/text/columnTable.js';
import { readCertificateTable } from '../../../shared/estate/import/text/exchangeCertificateTable.js';
import { readFormatList } from '../../../shared/estate/import/text/formatList.js';
import { findThumbprints } from '../../../shared/model/findThumbprints.js';
import { InputError } from '../../../shared/x509/inputError.js';
import { CSS_EXCHANGE, sample } from './support.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

type Damage =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'replace-char'; at: number; pos: number; ch: string }
  | { kind: 'blank-after-each' }
  | { kind: 'dedent'; at: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat(80) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('Thumbprint : ***', '{', '}', ' : ', '[PS] C:\\>', '================ Certificate 9 ================', 'Thumbprint  Services  Subject', '<Obj RefId="9">', '<Ref RefId="0" />', '\u200e', 'NotAfter : 99/99/9999 99:99:99 XM')) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), pos: fc.nat(120), ch: fc.string({ minLength: 1, maxLength: 2, unit: 'binary' }) }),
  fc.constant({ kind: 'blank-after-each' as const }),
  fc.record({ kind: fc.constant('dedent' as const), at: fc.nat() }),
);

function apply(text: string, damages: Damage[]): string {
  let lines = text.split('\n');
  for (const d of damages) {
    const n = Math.max(lines.length, 1);
    if (d.kind === 'blank-after-each') lines = lines.flatMap((l) => [l, '']);
    else if (d.kind === 'delete') lines.splice(d.at % n, 1);
    else if (d.kind === 'duplicate') lines.splice(d.at % n, 0, lines[d.at % n] ?? '');
    else if (d.kind === 'truncate') lines[d.at % n] = (lines[d.at % n] ?? '').slice(0, d.keep);
    else if (d.kind === 'insert') lines.splice(d.at % n, 0, d.text);
    else if (d.kind === 'swap') [lines[d.at % n], lines[d.with % n]] = [lines[d.with % n] ?? '', lines[d.at % n] ?? ''];
    else if (d.kind === 'dedent') lines[d.at % n] = (lines[d.at % n] ?? '').trimStart();
    else {
      const l = lines[d.at % n] ?? '';
      const p = d.pos % (l.length + 1);
      lines[d.at % n] = l.slice(0, p) + d.ch + l.slice(p + 1);
    }
  }
  return lines.join('\n');
}

const TEXT_SEEDS = [
  'ex1-fl-en-GB.txt',
  'ex2-fl-identity-en-US.txt',
  'masked-messy.txt',
  'table-7-en.txt',
  'table-remote.txt',
  'table-empty.txt',
  'certutil-store-my.txt',
  'certutil-dump.txt',
  'authconfig.txt',
  'settingoverride.txt',
  'owavd-2010.txt',
  'exchangeserver.txt',
  'cscertificate.txt',
  'dotted-ru.txt',
  'fl-star-en-AU.txt',
  'exchangeserver-table.txt',
];
const CLIXML_SEEDS = ['Diagnostics__HealthChecker__Tests__DataCollection__E19__Exchange__GetExchangeCertificate.xml', 'Diagnostics__HealthChecker__Tests__DataCollection__E19__Exchange__GetAuthConfig.xml', 'Diagnostics__HealthChecker__Tests__DataCollection__E19__Exchange__GetSettingOverride.xml'];

/** The whole importer: a result; every note one line that names the source; quick. */
function checkImport(name: string, text: string): void {
  const started = performance.now();
  const result = importServerOutput([{ name, text }], { locale: 'en-GB' });
  expect(performance.now() - started).toBeLessThan(3000);
  expect(() => JSON.stringify(result)).not.toThrow();
  for (const n of result.notes) {
    expect(n.message).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/);
    expect(n.message.startsWith(name) || n.message.includes(name)).toBe(true);
  }
  for (const c of result.snapshot.exchange?.certificates ?? []) expect(c.thumbprint === null || /^[0-9A-F]{40}$/.test(c.thumbprint)).toBe(true);
  detectServerOutput(text);
}

/** A parser that may throw only InputError, with one line naming the file. */
function onlyInputError(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`not an InputError: ${String(e)}`);
    expect(e.message).toMatch(/^fuzz\.xml /);
    expect(e.message).not.toMatch(/\n/);
  }
}

describe('fuzz: damaged pastes', () => {
  for (const seed of TEXT_SEEDS) {
    it(`${seed}: importer and its parsers end in a result`, () => {
      const text = sample(seed);
      fc.assert(
        fc.property(fc.array(damage, { minLength: 1, maxLength: 6 }), (damages) => {
          const broken = apply(text, damages);
          checkImport(seed, broken);
          for (const s of sectionsOf(broken)) {
            readFormatList(s.lines);
            readCertutil(s.lines);
            readCertificateTable(s.lines); // also on sections that do not start with its header
            readColumnTable(s.lines);
          }
          findThumbprints(broken);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('fuzz: damaged Export-Clixml', () => {
  for (const seed of CLIXML_SEEDS) {
    it(`${seed.replace(/^.*__/, '')}: readClixml throws only InputError; the importer gives a result`, () => {
      const text = readFileSync(join(CSS_EXCHANGE, seed), 'utf8');
      fc.assert(
        fc.property(fc.array(damage, { minLength: 1, maxLength: 4 }), (damages) => {
          const broken = apply(text, damages);
          onlyInputError(() => readClixml(broken, 'fuzz.xml'));
          checkImport('fuzz.xml', broken);
        }),
        { numRuns: Math.max(10, Math.floor(RUNS / 3)) },
      );
    });
  }

  it('hostile structures: deep nesting and self-references end in one message', () => {
    const head = '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">';
    const deep = head + '<Obj RefId="0"><Props>' + '<Obj N="x"><LST>'.repeat(300) + '</LST></Obj>'.repeat(300) + '</Props></Obj></Objs>';
    onlyInputError(() => readClixml(deep, 'fuzz.xml'));
    const selfRef = head + '<Obj RefId="0"><Props><Ref N="Thumbprint" RefId="0" /></Props></Obj></Objs>';
    onlyInputError(() => readClixml(selfRef, 'fuzz.xml'));
    checkImport('fuzz.xml', deep);
    checkImport('fuzz.xml', selfRef);
  });
});

describe('fuzz: arbitrary text', () => {
  it('any string: importer, detector, date scanner and thumbprint finder never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        checkImport('fuzz.txt', s);
        scanDate(s);
        findThumbprints(s);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
