// How a journey drives the app: the same steps run in the web edition (Chromium) and in the
// Electron app; only opening files, reading the clipboard and saving differ.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './fixtures.js';

export interface Driver {
  page: Page;
  edition: 'web' | 'electron';
  /** Opens files the way a user would in this edition. */
  openFiles(paths: string[]): Promise<void>;
  readClipboard(): Promise<string>;
  /** Saves a screenshot under test-output/screenshots/<edition>-<name>.png. */
  shot(name: string): Promise<string>;
}

async function screenshot(page: Page, edition: string, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${edition}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Drops files on the window: a real DataTransfer with File objects, as a drag from Explorer. */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: path.basename(p), b64: readFileSync(p).toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name));
    }
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** Opens files through the browser's file picker, as Ctrl+O (or the toolbar's Open button) does. */
export async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(paths);
}

export function webDriver(page: Page, context: BrowserContext): Driver {
  return {
    page,
    edition: 'web',
    openFiles: (paths) => chooseFiles(page, paths),
    async readClipboard() {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      return page.evaluate(() => navigator.clipboard.readText());
    },
    shot: (name) => screenshot(page, 'web', name),
  };
}

export function electronDriver(page: Page, readClipboard: () => Promise<string>): Driver {
  return {
    page,
    edition: 'electron',
    // The native dialog cannot be driven; dropping files exercises the same open path.
    openFiles: (paths) => dropFiles(page, paths),
    readClipboard,
    shot: (name) => screenshot(page, 'electron', name),
  };
}
