// Issue 16.8 in the web edition: the Documents pane narrowed by verdict, role (the core's guess),
// kind and issuer, sorted by issuer, and a compact one-line-per-file mode. Certificates from two
// CAs, an Exchange Auth certificate and a request, made with the OpenSSL CLI at test time; the
// page's clock is set 60 days ahead so the 30-day certificate has expired.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { OUTPUT_DIR } from './fixtures.js';

const DIR = path.join(OUTPUT_DIR, 'e2e-large-sets');
const f = (n: string) => path.join(DIR, n);
const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: DIR, stdio: ['ignore', 'pipe', 'pipe'] });
const AT = new Date(Date.now() + 60 * 86_400_000).toISOString();

function ca(name: string, cn: string): void {
  ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.pem`), '-days', '4000', '-subj', `/O=Test/CN=${cn}`]);
}
function leaf(name: string, issuer: string, cn: string, days: number): void {
  ssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f(`${name}.key`), '-subj', `/CN=${cn}`, '-out', f(`${name}.csr`)]);
  ssl(['x509', '-req', '-in', f(`${name}.csr`), '-CA', f(`${issuer}.pem`), '-CAkey', f(`${issuer}.key`), '-set_serial', String(1000 + days), '-days', String(days), '-out', f(`${name}.cer`)]);
}

test.beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  ca('contoso', 'Contoso Issuing CA');
  ca('fabrikam', 'Fabrikam CA');
  leaf('a-expired', 'contoso', 'old.contoso.com', 30);
  leaf('b-current', 'contoso', 'mail.contoso.com', 400);
  leaf('c-fabrikam', 'fabrikam', 'www.fabrikam.com', 500);
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('auth.key'), '-out', f('d-auth.cer'), '-days', '1800', '-subj', '/CN=Microsoft Exchange Server Auth Certificate']);
  ssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('e.key'), '-subj', '/CN=ex2.contoso.com', '-out', f('e-request.csr')]);
});

const FILES = ['a-expired.cer', 'b-current.cer', 'c-fabrikam.cer', 'd-auth.cer', 'e-request.csr'];

async function open(page: Page): Promise<void> {
  // The page's clock (not the worker's: the page hands the check its time) 60 days ahead.
  await page.clock.setFixedTime(new Date(AT));
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(FILES.map(f));
  await expect(page.getByTestId('document-count')).toHaveText('5', { timeout: 60_000 });
}

const names = (page: Page) => page.getByTestId('document-item').locator('.doc-name').allTextContents();

test('filter by verdict, role, kind and issuer; sort by issuer; compact rows', async ({ page }) => {
  await open(page);
  const count = page.getByTestId('document-count');

  await page.getByLabel('Filter by issuer').selectOption({ label: 'Fabrikam CA (1)' });
  await expect(count).toHaveText('1 of 5');
  expect(await names(page)).toEqual(['c-fabrikam.cer']);
  await page.getByLabel('Filter by issuer').selectOption({ label: 'Contoso Issuing CA (2)' });
  await expect(count).toHaveText('2 of 5');
  await page.getByLabel('Filter by issuer').selectOption('');

  await page.getByLabel('Filter by purpose').selectOption('exchange-auth');
  await expect(count).toHaveText('1 of 5');
  expect(await names(page)).toEqual(['d-auth.cer']);
  await page.getByLabel('Filter by purpose').selectOption('');

  await page.getByLabel('Filter by kind').selectOption('request');
  await expect(count).toHaveText('1 of 5');
  expect(await names(page)).toEqual(['e-request.csr']);
  await page.getByLabel('Filter by kind').selectOption('');

  // The expired certificate fails; every file the verdict filter keeps says FAIL.
  await page.getByLabel('Filter by verdict').selectOption('fail');
  await expect(page.getByTestId('document-item').filter({ hasText: 'a-expired.cer' })).toBeVisible();
  const verdicts = await page.getByTestId('document-item').locator('[data-verdict]').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  expect(new Set(verdicts)).toEqual(new Set(['fail']));
  // Once every file is checked, none is left "not checked": the list says so and offers to clear.
  await page.getByLabel('Filter by verdict').selectOption('none');
  await expect(page.getByText('No open file matches the chosen filters.')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(count).toHaveText('5');

  await page.getByLabel('Sort documents').selectOption('issuer');
  await expect.poll(() => names(page)).toEqual(['a-expired.cer', 'b-current.cer', 'c-fabrikam.cer', 'd-auth.cer', 'e-request.csr']);

  // Compact: one line per file, verdict · name · days left.
  const compact = page.getByLabel('Compact');
  await expect(compact).not.toBeChecked();
  await compact.check();
  const heights = await page.getByTestId('document-item').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
  expect(new Set(heights)).toEqual(new Set([26]));
  await expect(page.getByTestId('document-item').filter({ hasText: 'b-current.cer' })).toContainText(/\d+ d/);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'screenshots', 'web-documents-compact.png') });
});
