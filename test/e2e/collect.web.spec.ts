// Collect in the web edition: open the place from the toolbar, see the read-only collector for
// both products, narrow it to Exchange, save it as .ps1 and compare what was downloaded with the
// core's script (CRLF line endings, byte for byte). Nothing leaves the browser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { guardedTest } from './guardedTest.js';
import { collectScript } from '../../shared/estate/collector/collectScript.js';
import { DOWNLOAD_DIR } from './fixtures.js';

const test = guardedTest({ noOutsideRequests: true });

test('Collect: see the read-only collector, choose Exchange only, save it as .ps1', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('toolbar').getByRole('button', { name: 'Collect' }).click();
  const view = page.getByRole('region', { name: 'Collect' });
  await expect(view.getByRole('heading', { name: 'Collect' })).toBeVisible();

  const script = page.getByTestId('collect-script');
  await expect(script).toContainText('# CertBench collector, version 1');
  await expect(script).toContainText('Get-ExchangeCertificate -Server');
  await expect(script).toContainText('Get-CsCertificate');
  await expect(view.getByRole('region', { name: 'It only reads' })).toContainText('never exports a certificate');
  await expect(page.getByTestId('collect-commands')).toHaveText('Unblock-File -Path .\\certbench-collect.ps1\n.\\certbench-collect.ps1');
  // The app speaks in its own words: no CLI flags.
  await expect(view.locator('.collect-facts')).not.toContainText('--');

  // Exchange only: the Skype part leaves the script.
  await view.getByLabel('Lync / Skype for Business Server').uncheck();
  await expect(script).not.toContainText('Get-CsCertificate');
  await expect(view.getByRole('region', { name: 'Where to run it' })).not.toContainText('Front End');

  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Save .ps1' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('certbench-collect.ps1');
  const target = path.join(DOWNLOAD_DIR, 'web-collect-exchange.ps1');
  await file.saveAs(target);
  expect(readFileSync(target, 'utf8')).toBe(collectScript({ exchange: true, skype: false }).replace(/\n/g, '\r\n'));

  // Neither product: a sentence, no script.
  await view.getByLabel('Exchange Server').uncheck();
  await expect(page.getByRole('alert')).toContainText('Choose Exchange, Skype for Business, or both.');
  await expect(script).toBeHidden();
});
