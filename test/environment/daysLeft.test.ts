// Issue 15: days left was counted in four places and the app said "expired 12 days ago" where
// the report said 13. Now one count and one set of words (shared/dates/daysLeft.ts); here the
// app's helper, the report (rendered Markdown) and the CLI's inspect text are asked about the
// same certificate (made by OpenSSL) at the same boundary instants and must say the same.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../cli/format/inspectText.js';
import { daysLeft, daysLeftWords, validityWords } from '../../shared/dates/daysLeft.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { checkAndBuildReport } from '../../shared/report/buildReport.js';
import { renderMarkdown } from '../../shared/report/render/markdown.js';
import { daysUntil } from '../../shared/rules/helpers/dates.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { daysLeftLabel } from '../../renderer/lib/validity.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

const NOT_BEFORE = '2025-01-01T00:00:00Z';
const NOT_AFTER = '2025-06-01T00:00:00Z';
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(NOT_AFTER) - days * DAY);

let dir: string;
let doc: DecodedDocument;
beforeAll(async () => {
  dir = makeWorkDir('days-left');
  const cert = selfSigned({ dir, subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], startDate: NOT_BEFORE, endDate: NOT_AFTER });
  doc = await decodeDocument(new Uint8Array(fs.readFileSync(cert.certDer)), { fileName: 'ex1.cer' });
});
afterAll(() => removeWorkDir(dir));

/** What each shell prints for the certificate at `when`. */
async function shells(when: Date): Promise<{ app: string; report: string; cli: string }> {
  const cert = doc.certificates[0]!;
  const app = daysLeftLabel(cert.notBefore, cert.notAfter, when);
  const model = await checkAndBuildReport([{ file: 'ex1.cer', document: doc }], { role: 'general', environment: {}, at: when });
  const md = renderMarkdown(model);
  const report = /\((expires [^)]*|expired [^)]*)\)/.exec(md)?.[1] ?? `no validity words in the report:\n${md}`;
  const cli = /\((expires [^)]*|expired [^)]*|not valid [^)]*)\)/.exec(documentText('ex1.cer', doc, when))?.[1] ?? 'no validity words from the CLI';
  return { app, report, cli };
}

describe('days left: one count, one sentence, in the app, the report and the CLI', () => {
  const cases: [number, string][] = [
    [-12.5, 'expired 13 days ago'],
    [-13, 'expired 13 days ago'],
    [-12, 'expired 12 days ago'],
    [-1.5, 'expired 2 days ago'],
    [-0.5, 'expired within the last day'],
    [-1 / DAY, 'expired within the last day'],
    [0, 'expires within a day'],
    [0.5, 'expires within a day'],
    [1, 'expires in 1 day'],
    [12.5, 'expires in 12 days'],
    [41.7, 'expires in 41 days'],
  ];
  for (const [days, words] of cases) {
    it(`${days} days from NotAfter: "${words}" everywhere`, async () => {
      expect(await shells(at(days))).toEqual({ app: words, report: words, cli: words });
    });
  }

  it('the count is the rules\' count: whole days rounded down, NotAfter itself still valid (RFC 5280)', () => {
    expect(daysLeft(NOT_AFTER, at(-12.5))).toBe(-13);
    expect(daysUntil(NOT_AFTER, at(-12.5))).toBe(-13);
    expect(daysLeft(NOT_AFTER, at(0))).toBe(0);
    expect(daysLeft(NOT_AFTER, at(-1 / DAY))).toBe(-1);
    expect(daysLeftWords(-2)).toBe('expired 2 days ago');
  });

  it('a certificate not valid yet says for how long', () => {
    expect(validityWords(NOT_BEFORE, NOT_AFTER, new Date(Date.parse(NOT_BEFORE) - 2.5 * DAY))).toBe('not valid for 3 more days');
    expect(validityWords(NOT_BEFORE, NOT_AFTER, new Date(Date.parse(NOT_BEFORE) - 0.5 * DAY))).toBe('not valid for 1 more day');
  });
});
