// Issue 18.7 in the web edition: a certificate whose CN holds a RIGHT-TO-LEFT OVERRIDE (U+202E)
// and one whose CN holds a ZERO WIDTH SPACE (U+200B). In the Documents list, the inspector, the
// findings and the report preview each name is isolated (<bdi>, computed unicode-bidi: isolate)
// and each hidden character is a visible marker; the rule general.invisible-characters reports
// both in the role chosen; no hidden character is left in the text a person reads.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { chooseFiles } from './driver.js';
import { test } from './guardedTest.js';
import { OUTPUT_DIR } from './fixtures.js';

const DIR = path.join(OUTPUT_DIR, 'e2e-bidi');
const RLO_CN = 'ex1.contoso.com\u202emoc.live';
const ZWSP_CN = 'ex1\u200b.contoso.com';
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

/** A self-signed certificate with this CN (UTF-8), made by OpenSSL. */
function certificate(name: string, cn: string): string {
  const out = path.join(DIR, `${name}.cer`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(DIR, `${name}.key`), '-out', out, '-utf8', '-subj', `/O=Contoso/CN=${cn}`, '-days', '365', '-addext', 'subjectAltName=DNS:ex1.contoso.com'], { stdio: 'ignore' });
  return out;
}

let files: string[] = [];
test.beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  files = [certificate('rlo', RLO_CN), certificate('zwsp', ZWSP_CN)];
});

/** The computed unicode-bidi of every <bdi> under the locator, and its text. */
const isolation = (where: Locator) => where.evaluate((el) => [...el.querySelectorAll('bdi')].map((b) => ({ text: b.textContent, bidi: getComputedStyle(b).unicodeBidi })));

test('bidi and invisible characters are isolated and shown in the app and the report preview', async ({ page }) => {
  await page.goto('/');
  await chooseFiles(page, files);
  const rows = page.getByTestId('document-item');
  await expect(rows).toHaveCount(2);

  // Documents list: the headline is an isolated name with a visible marker.
  const rlo = rows.filter({ hasText: 'rlo.cer' });
  await expect(rlo.getByTestId('invisible-char')).toHaveText('[U+202E]');
  expect(await isolation(rlo)).toContainEqual({ text: 'ex1.contoso.com[U+202E]moc.live', bidi: 'isolate' });
  await expect(rows.filter({ hasText: 'zwsp.cer' }).getByTestId('invisible-char')).toHaveText('[U+200B]');

  // Inspector: the CN large, isolated, marked; its tooltip names the character.
  await rlo.click();
  const cn = page.getByTestId('common-name');
  await expect(cn).toHaveText('ex1.contoso.com[U+202E]moc.live');
  expect(await isolation(cn)).toEqual([{ text: 'ex1.contoso.com[U+202E]moc.live', bidi: 'isolate' }]);
  await expect(cn.getByTestId('invisible-char')).toHaveAttribute('title', /RIGHT-TO-LEFT OVERRIDE/);

  // Findings: the rule reports it as an error, and no finding text holds the raw override.
  const finding = page.locator('[data-testid="finding"][data-rule="general.invisible-characters"]');
  await expect(finding).toHaveAttribute('data-status', 'error');
  await expect(finding.locator('.finding-title')).toHaveText('Name holds a bidi control that reorders how it reads');
  const findingsText = await page.getByRole('complementary', { name: 'Findings' }).innerText();
  expect(findingsText).not.toMatch(HIDDEN);
  expect(findingsText).toContain('ex1.contoso.com[U+202E]moc.live');

  await rows.filter({ hasText: 'zwsp.cer' }).click();
  await expect(page.getByTestId('common-name')).toHaveText('ex1[U+200B].contoso.com');
  await expect(finding).toHaveAttribute('data-status', 'error');
  await expect(finding.locator('.finding-title')).toHaveText('Name holds an invisible character');

  // The report preview (the exported HTML itself): names in <bdi>, markers visible.
  await page.getByRole('toolbar').getByRole('button', { name: 'Report', exact: true }).click();
  const preview = page.getByTestId('report-preview');
  await expect(preview.locator('section.item')).toHaveCount(2);
  const names = await preview.locator('section.item h2 .name bdi').evaluateAll((els) => els.map((b) => ({ text: b.textContent, bidi: getComputedStyle(b).unicodeBidi })));
  expect(names).toEqual([
    { text: 'ex1.contoso.com[U+202E]moc.live', bidi: 'isolate' },
    { text: 'ex1[U+200B].contoso.com', bidi: 'isolate' },
  ]);
  const markerWidths = await preview.locator('.invisible').evaluateAll((els) => els.map((m) => m.getBoundingClientRect().width));
  expect(markerWidths.length).toBeGreaterThan(4);
  expect(Math.min(...markerWidths)).toBeGreaterThan(10);
  expect(await preview.evaluate((el) => el.shadowRoot!.textContent ?? '')).not.toMatch(HIDDEN);

  // Plan and Compare quote the same names: isolated and marked there too.
  await page.getByRole('toolbar').getByRole('button', { name: 'Plan', exact: true }).click();
  const plan = page.locator('.plan-entry').filter({ hasText: 'moc.live' });
  await expect(plan).toHaveCount(1);
  expect(await isolation(plan)).toContainEqual({ text: 'CN=ex1.contoso.com[U+202E]moc.live, O=Contoso', bidi: 'isolate' });
  expect(await page.locator('.plan-list').innerText()).not.toMatch(HIDDEN);
  await page.getByRole('toolbar').getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  const optionLabels = await compare.getByLabel('In service').locator('option').allTextContents();
  expect(optionLabels).toContain('\u2068rlo.cer\u2069 — \u2068ex1.contoso.com[U+202E]moc.live\u2069');
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();
  const differences = compare.getByRole('table', { name: 'Differences' });
  await expect(differences).toBeVisible();
  expect(await isolation(differences)).toContainEqual({ text: 'ex1.contoso.com[U+202E]moc.live', bidi: 'isolate' });
});
