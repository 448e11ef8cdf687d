// Hostile files in the web edition, opened through the browser's file chooser (Ctrl+O) as a
// user would: each one gets a one-line message naming it, nothing throws in the page or the
// console (CSP violations included), and the workbench keeps working — a good certificate
// opened afterwards shows its CN. The CLI side of the same idea is test/fuzz/cli.test.ts.
import { mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { test } from './guardedTest.js';
import { fixture, OUTPUT_DIR } from './fixtures.js';

const HOSTILE_DIR = path.join(OUTPUT_DIR, 'e2e-hostile');

/** Every step must run clean: no uncaught error, no CSP violation, no console error. */
/** A seeded byte stream, so a failing file is the same file on the next run. */
function bytes(n: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  return Uint8Array.from({ length: n }, () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a >>> 24;
  });
}

/** The hostile files, written next to the other e2e artefacts; returns their paths. */
function writeHostileFiles(): string[] {
  rmSync(HOSTILE_DIR, { recursive: true, force: true });
  mkdirSync(HOSTILE_DIR, { recursive: true });
  const der = new Uint8Array(readFileSync(fixture('ex1.cer')));
  const files: [string, Uint8Array | string][] = [];
  files.push(['h01-empty.cer', new Uint8Array(0)]);
  files.push(['h02-random-bytes.cer', bytes(300, 7)]);
  files.push(['h03-zeros.der', new Uint8Array(4096)]);
  const deep = new Uint8Array(400_000);
  for (let i = 0; i < 100_000; i++) deep.set([0x30, 0x80], i * 2);
  files.push(['h04-deep-nesting.der', deep]);
  files.push(['h05-huge-length.der', Uint8Array.of(0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00)]);
  files.push(['h06-garbage.pem', '-----BEGIN CERTIFICATE-----\n!!!not*base64@@@ <img src=x onerror=alert(1)>\n-----END CERTIFICATE-----\n']);
  files.push(['h07-truncated.cer', der.subarray(0, 200)]);
  files.push(['h08-png-named.cer', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52)]);
  {
    // notBefore with a newline and an ESC sequence in it.
    const out = der.slice();
    const utc = out.findIndex((b, i) => b === 0x17 && out[i + 1] === 0x0d);
    out.set([0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d], utc + 2);
    files.push(['h09-control-chars-in-date.cer', out]);
  }
  files.push(['h10-ünïcødé <b>name<b>.cer', bytes(128, 11)]);
  const paths = files.map(([name, content]) => {
    const p = path.join(HOSTILE_DIR, name);
    writeFileSync(p, content);
    return p;
  });
  // 40 MiB, sparse: over the 32 MiB cap.
  const big = path.join(HOSTILE_DIR, 'h11-disk-image-40mib.cer');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 40 * 1024 * 1024);
  closeSync(fd);
  paths.push(big);
  return paths;
}

test.describe('web edition: hostile files', () => {
  test('each hostile file gets one line naming it; the page keeps working', async ({ page }) => {
    test.setTimeout(30_000);
    const hostile = writeHostileFiles();
    const names = hostile.map((p) => path.basename(p));
    await page.goto('/');

    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles(hostile);

    const messages = page.locator('li.failure[role="alert"]');
    await expect(messages).toHaveCount(names.length);
    const texts = (await messages.allInnerTexts()).map((t) => t.trim());
    for (const text of texts) {
      // One sentence on one line, no internals.
      expect(text, text).not.toMatch(/[\r\n]/);
      expect(text, text).not.toMatch(/TypeError|undefined|\[object|\bat .*:\d+:\d+/);
      // Exactly one of our files is named by each message.
      expect(names.filter((n) => text.includes(n)), text).toHaveLength(1);
    }
    for (const name of names) expect(texts.filter((t) => t.includes(name)), name).toHaveLength(1);
    expect(texts.find((t) => t.includes('h11-disk-image-40mib.cer'))).toMatch(/32 MiB/);
    // Markup in a file name is text, never HTML.
    await expect(page.locator('li.failure b')).toHaveCount(0);
    // Nothing hostile became a document.
    await expect(page.getByTestId('document-item')).toHaveCount(0);

    // Still working: a good certificate opens and shows its CN.
    const again = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await again).setFiles([fixture('ex1.cer')]);
    await expect(page.getByTestId('document-item').filter({ hasText: 'ex1.cer' })).toBeVisible();
    await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  });

  test('a folder of 154 files is read in batches both ways: every good file listed, each bad one named once', async ({ page }) => {
    // The reader times one by one on the first batch and as one Blob on the second
    // (renderer/platform/readChosenFiles.ts), so a folder this size goes through both in the real
    // browser. Hostile files sit in each part: a 40 MiB file refused by its size, random bytes,
    // a truncated certificate, and a file deleted between choosing and reading.
    test.setTimeout(60_000);
    const dir = path.join(OUTPUT_DIR, 'e2e-folder');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const der = readFileSync(fixture('ex1.cer'));
    const good = Array.from({ length: 150 }, (_, i) => path.join(dir, `good-${String(i).padStart(3, '0')}.cer`));
    for (const p of good) writeFileSync(p, der);
    const big = path.join(dir, 'bad-disk-image.cer');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 40 * 1024 * 1024);
    closeSync(fd);
    const random = path.join(dir, 'bad-random.cer');
    writeFileSync(random, bytes(300, 3));
    const truncated = path.join(dir, 'bad-truncated.cer');
    writeFileSync(truncated, der.subarray(0, 200));
    const deleted = path.join(dir, 'bad-deleted.cer');
    writeFileSync(deleted, der);
    // Bad files early (first batch), in the second batch and near the end.
    const files = [...good.slice(0, 20), big, ...good.slice(20, 70), random, deleted, ...good.slice(70, 140), truncated, ...good.slice(140)];
    const bad = [big, random, deleted, truncated].map((p) => path.basename(p));

    await page.goto('/');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    const fileChooser = await chooser;
    // Deleted once chosen: the browser still holds the name, not the bytes.
    await fileChooser.setFiles(files);
    rmSync(deleted);

    await expect(page.getByTestId('document-count')).toHaveText('150', { timeout: 30_000 });
    // Beside open files, the refused ones are one collapsible section (issue 16 item 9).
    const refused = page.getByTestId('refused-files');
    if ((await refused.getAttribute('open')) === null) await refused.locator('summary').click();
    const messages = refused.locator('li.failure');
    await expect(messages).toHaveCount(bad.length);
    const texts = (await messages.allInnerTexts()).map((t) => t.trim());
    for (const name of bad) expect(texts.filter((t) => t.includes(name)), name).toHaveLength(1);
    expect(texts.find((t) => t.includes('bad-disk-image.cer'))).toMatch(/larger than 32 MiB/);
    expect(texts.find((t) => t.includes('bad-deleted.cer'))).toMatch(/could not be read: it was moved, deleted or changed/);
    // The last good file opened with its certificate (the list is windowed: filter to reach it).
    await page.getByLabel('Filter documents').fill('good-149');
    await expect(page.getByTestId('document-count')).toHaveText('1 of 150');
    await page.getByTestId('document-item').filter({ hasText: 'good-149.cer' }).click();
    await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
    rmSync(dir, { recursive: true, force: true });
  });
});
