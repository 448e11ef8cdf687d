// Issue 16.10 in the web edition: the report preview of a set of certificates. The preview is
// readable in dark mode (the report's own colours, dark text on its white page); typing a
// customer name replaces only the cover — the certificate sections already shown stay the same
// elements — and every section arrives; the other formats export from the worker's model.
// (Speed is measured by `npm run bench` case (f), scripts/bench-web-report.js, not asserted here.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { OUTPUT_DIR } from './fixtures.js';

const DIR = path.join(OUTPUT_DIR, 'e2e-report-preview');
const COUNT = 24;
let files: string[] = [];

test.beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const key = path.join(DIR, 'key.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key], { stdio: 'ignore' });
  files = Array.from({ length: COUNT }, (_, i) => {
    const out = path.join(DIR, `host${String(i).padStart(2, '0')}.cer`);
    const cn = `host${i}.contoso.com`;
    execFileSync('openssl', ['req', '-x509', '-key', key, '-out', out, '-subj', `/O=Contoso/CN=${cn}`, '-days', String(20 + i * 15), '-addext', `subjectAltName=DNS:${cn}`], { stdio: 'ignore' });
    return out;
  });
});

async function openReport(page: Page): Promise<void> {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(files);
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  await expect(page.getByTestId('document-count')).toHaveText(String(COUNT));
  await page.getByRole('toolbar').getByRole('button', { name: 'Report', exact: true }).click();
}

/** Relative luminance contrast of two CSS rgb() colours (WCAG 2). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test.describe('report preview', () => {
  test('dark mode: the preview keeps the report colours and reads at AA contrast', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openReport(page);
    const preview = page.getByTestId('report-preview');
    await expect(preview.locator('#summary')).toBeVisible();
    const colours = await preview.evaluate((host) => {
      const body = host.shadowRoot!.querySelector('.report-body')!;
      const lead = host.shadowRoot!.querySelector('#summary .lead')!;
      const h1 = host.shadowRoot!.querySelector('h1')!;
      return { bg: getComputedStyle(body).backgroundColor, text: getComputedStyle(lead).color, heading: getComputedStyle(h1).color };
    });
    expect(contrast(colours.text, colours.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.heading, colours.bg)).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'screenshots', 'web-report-preview-dark.png') });
  });

  test('typing a customer replaces the cover only; every section arrives; CSV exports from the worker', async ({ page }) => {
    await openReport(page);
    const preview = page.getByTestId('report-preview');
    await expect(preview.locator('section.item')).toHaveCount(COUNT);
    // Tag the elements shown now: a rebuilt preview would drop the tags.
    await preview.evaluate((host) => host.shadowRoot!.querySelectorAll('section.item, #summary').forEach((el) => el.setAttribute('data-seen', '')));
    await page.getByLabel('Customer').pressSequentially('Contoso Ltd', { delay: 30 });
    await expect(preview.locator('.cover dd', { hasText: 'Contoso Ltd' })).toBeVisible();
    expect(await preview.locator('section.item[data-seen]').count()).toBe(COUNT);
    await expect(preview.locator('#summary[data-seen]')).toHaveCount(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\n').filter((l) => l.includes('.contoso.com')).length).toBeGreaterThanOrEqual(COUNT);
  });
});
