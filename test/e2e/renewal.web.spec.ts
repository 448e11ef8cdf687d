// Renewal in the web edition: Troubleshoot resolves a seed symptom to its cause (seed 002's
// 32263 / SIPPROXY_E_UNKNOWN_USER_OR_EPID → the UM CN rule) and, with the wildcard UM
// certificate open, puts the cause that file shows first (seed 001's event 1344); Compare tells
// that the wildcard certificate is no drop-in replacement for the UM certificate.
import { isolatedText } from '../../shared/encoding/invisibleCharacters.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { test } from './guardedTest.js';
import ICAL from 'ical.js';
import { webDriver } from './driver.js';
import { DOWNLOAD_DIR, fixture, PFX_PASSWORD } from './fixtures.js';

async function unlock(page: import('@playwright/test').Page, fileName: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Password for ${fileName}` });
  await dialog.getByLabel('Password').fill(PFX_PASSWORD);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
}

test('Troubleshoot: a seed symptom resolves to its cause; an open certificate that shows it comes first', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('toolbar').getByRole('button', { name: 'Troubleshoot' }).click();
  const view = page.getByRole('region', { name: 'Troubleshoot' });
  await view.getByLabel('Symptom').fill('Error code: 0xC3E93C2F(SIPPROXY_E_UNKNOWN_USER_OR_EPID)');
  await view.getByRole('button', { name: 'Find the cause' }).click();
  const causes = view.getByRole('list', { name: 'Causes' });
  await expect(causes.locator('.cause').first()).toHaveAttribute('data-rule', 'exchange-um.cn-is-server-fqdn');
  await expect(causes.locator('.cause').first()).toContainText('Get-ExchangeCertificate');
  // The app speaks in its own words: no CLI flags.
  await expect(view).not.toContainText('--');

  // With the wildcard UM certificate open, event 1344's causes name that file.
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Exchange UM' });
  const d = webDriver(page, context);
  await d.openFiles([fixture('um-wildcard.pfx')]);
  await unlock(page, 'um-wildcard.pfx');
  await page.getByRole('toolbar').getByRole('button', { name: 'Troubleshoot' }).click();
  await view.getByLabel('Symptom').fill('MWI General event 1344');
  await view.getByRole('button', { name: 'Find the cause' }).click();
  await expect(causes.locator('.cause').first().locator('.cause-seen')).toContainText('Seen in um-wildcard.pfx');
  await expect(view).not.toContainText(/\bseed \d{3}\b|\b(?:UM|GEN-L|WIN|EDGE|IM)-\d+\b/);
  await d.shot('renewal-troubleshoot-1344');

  await view.getByLabel('Symptom').fill('the coffee machine is broken');
  await view.getByRole('button', { name: 'Find the cause' }).click();
  await expect(view.getByRole('status')).toContainText('No rule names this');
});

test('Compare: the wildcard certificate is no drop-in replacement for the UM certificate', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Exchange UM' });
  const d = webDriver(page, context);
  await d.openFiles([fixture('ex1-um.pfx')]);
  await unlock(page, 'ex1-um.pfx');
  await d.openFiles([fixture('um-wildcard.pfx')]);
  await unlock(page, 'um-wildcard.pfx');
  await page.getByRole('toolbar').getByRole('button', { name: 'Compare' }).click();
  const view = page.getByRole('region', { name: 'Compare' });
  await view.getByLabel('In service').selectOption({ label: `${isolatedText('ex1-um.pfx')} — ${isolatedText('ex1.contoso.com')}` });
  await view.getByLabel('Renewal').selectOption({ label: `${isolatedText('um-wildcard.pfx')} — ${isolatedText('*.contoso.com')}` });
  await view.getByRole('button', { name: 'Compare' }).click();
  await expect(view.getByTestId('compare-verdict')).toContainText(': no.');
  const rows = view.getByRole('table', { name: 'Differences' }).locator('tr.impact-breaks');
  await expect(rows.filter({ hasText: 'Subject CN' })).toContainText('*.contoso.com');
  // The core's sentences in the app's words: no internal source ids ("seed 001", "UM-11").
  await expect(view).not.toContainText(/\bseed \d{3}\b|\b(?:UM|GEN-L|WIN|EDGE|IM)-\d+\b/);
  await d.shot('renewal-compare-wildcard');
});

test('Plan: the renew-by date of an open certificate, saved as a calendar a parser reads back', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Exchange UM' });
  const d = webDriver(page, context);
  await d.openFiles([fixture('ex1-um.pfx')]);
  await unlock(page, 'ex1-um.pfx');
  await page.getByRole('toolbar').getByRole('button', { name: 'Plan' }).click();
  const view = page.getByRole('region', { name: 'Renewal plan' });
  const renewBy = view.getByTestId('renew-by').first();
  await expect(renewBy).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(view).toContainText('Exchange UM / UM Call Router');
  await expect(view).toContainText("before its last 30 days");
  const shown = await renewBy.textContent();
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Save calendar' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('certbench-renewals.ics');
  const target = path.join(DOWNLOAD_DIR, 'web-renewals.ics');
  await file.saveAs(target);
  const events = new ICAL.Component(ICAL.parse(readFileSync(target, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(1);
  expect(events[0]!.startDate.toString()).toBe(shown);
  expect(events[0]!.description).toMatch(/Steps:/);
  await d.shot('renewal-plan');
});
