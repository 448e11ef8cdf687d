// Stopping a long PFX decryption in the web edition (issue 18 item 1): the file is decrypted in
// the pool of decryption workers, the password dialog offers Stop while it runs, and the file
// then waits for its password again — given again, it opens.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { expect } from '@playwright/test';
import { test } from './guardedTest.js';
import { webDriver } from './driver.js';
import path from 'node:path';
import { OUTPUT_DIR, PFX_PASSWORD } from './fixtures.js';

/** Its own folder: the shared fixture folder is rebuilt by every Playwright run's global setup. */
const DIR = path.join(OUTPUT_DIR, 'pfx-stop');

/** 1,300,000 iterations for the MAC and both parts: 3,900,000 rounds, just inside the per-file cap. */
function slowPfx(): string {
  const out = path.join(DIR, 'slow-1300k.pfx');
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(out)) {
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: DIR, stdio: 'pipe' });
    run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'slow.key', '-out', 'slow.pem', '-subj', '/CN=slow.contoso.com', '-days', '365']);
    run(['pkcs12', '-export', '-inkey', 'slow.key', '-in', 'slow.pem', '-out', out, '-passout', `pass:${PFX_PASSWORD}`, '-iter', '1300000']);
    rmSync(path.join(DIR, 'slow.key'));
  }
  return out;
}

test('a long PFX decryption can be stopped, and the file opens when its password is given again', async ({ page, context }) => {
  // The shared machine can be slow: these bounds are against a hang, not a speed claim.
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open files…' })).toBeVisible();
  const d = webDriver(page, context);
  await d.openFiles([slowPfx()]);
  const dialog = page.getByRole('dialog', { name: 'Password for slow-1300k.pfx' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await dialog.getByLabel('Password').fill(PFX_PASSWORD);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await dialog.getByTestId('password-stop').click();
  await expect(dialog.getByRole('status')).toHaveText('Stopped opening slow-1300k.pfx.');
  await expect(dialog.getByRole('button', { name: 'Open' })).toBeEnabled();
  await d.shot('pfx-stopped');
  await dialog.getByLabel('Password').fill(PFX_PASSWORD);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('common-name')).toHaveText('slow.contoso.com');
});
