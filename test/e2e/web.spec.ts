// The journeys in the web edition, in Debian Chromium, served over http on loopback.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { webDriver } from './driver.js';
import { DOWNLOAD_DIR } from './fixtures.js';
import * as journeys from './journeys.js';

/** Every journey must run clean: no uncaught error, no CSP violation, no console error. */
/** The web edition saves through the browser's downloads: catch one and keep it. */
function downloadSaver(page: Page) {
  return async (click: () => Promise<void>) => {
    const download = page.waitForEvent('download');
    await click();
    const file = await download;
    const target = path.join(DOWNLOAD_DIR, `web-${file.suggestedFilename()}`);
    await file.saveAs(target);
    return target;
  };
}

test.describe('web edition', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('empty state explains what to do', async ({ page, context }) => journeys.emptyState(webDriver(page, context)));
  test('open a CER: thumbprint equals OpenSSL and copies', async ({ page, context }) => journeys.openCer(webDriver(page, context)));
  test('open a PFX with a wrong, then the right password', async ({ page, context }) => journeys.openPfxWithPassword(webDriver(page, context)));
  test('Exchange UM: wildcard fails; environment fixed, the right certificate passes', async ({ page, context }) =>
    journeys.evaluateUm(webDriver(page, context)));
  test('thumbprint tool cleans a pasted thumbprint and finds the certificate', async ({ page, context }) =>
    journeys.thumbprintTool(webDriver(page, context)));
  test('design a request: checked live, generated, verified by OpenSSL', async ({ page, context }) =>
    journeys.designRequest(webDriver(page, context), downloadSaver(page)));
  test('copy and save the commands for the selected certificate', async ({ page, context }) =>
    journeys.copyCommands(webDriver(page, context), downloadSaver(page)));
  test('export a report of the open files', async ({ page, context }) => journeys.exportReport(webDriver(page, context), downloadSaver(page)));
});
