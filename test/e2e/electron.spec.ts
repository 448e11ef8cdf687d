// The same journeys against the Electron app, launched with Playwright's _electron. Runs only
// where an Electron binary exists (CERTBENCH_ELECTRON or ELECTRON_OVERRIDE_DIST_PATH, or a
// downloaded node_modules/electron/dist); otherwise every test is skipped with the reason.
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronDriver } from './driver.js';
import { PROJECT_ROOT } from './fixtures.js';
import * as journeys from './journeys.js';

// scripts/start.js is plain JS; its finder is the one `npm start` uses.
const { findElectron } = (await import('../../scripts/start.js' as string)) as {
  findElectron(): { path: string | null; reason?: string };
};
const found = findElectron();
// The list reporter does not print skip reasons: say it once, plainly, in the run's output.
if (!found.path) {
  console.log(`[electron] Electron journeys SKIPPED — no Electron binary on this machine (${found.reason}). Set CERTBENCH_ELECTRON=/path/to/electron to run them.`);
}

let app: ElectronApplication;
let page: Page;

test.describe('desktop app (Electron)', () => {
  test.skip(!found.path, `No Electron binary on this machine: ${found.reason}. Set CERTBENCH_ELECTRON to run these journeys.`);

  test.beforeEach(async () => {
    app = await electron.launch({
      executablePath: found.path!,
      args: [path.join(PROJECT_ROOT, 'out/node/main/app.js')],
      env: { ...process.env, CERTBENCH_DEVTOOLS: '0' },
    });
    page = await app.firstWindow();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.locator('#root')).not.toBeEmpty();
  });

  test.afterEach(async () => {
    await app?.close();
  });

  const clipboard = () => app.evaluate(({ clipboard }) => clipboard.readText());

  test('the window is locked down', async () => {
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(page.url()).toBe('app://certbench/index.html');
    // No Node in the page, only the preload's API with one method per channel.
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual([
      'undefined',
      'undefined',
    ]);
    expect(await page.evaluate(() => Object.keys((window as unknown as { certBench: object }).certBench).sort())).toEqual(
      ['onFilesOpened', 'onMenu', 'openExternal', 'openFiles', 'printToPdf', 'readRecent', 'recentFiles', 'saveFile'],
    );
    // Navigation away is refused: wait for main to see the request (will-navigate) and read
    // whether it was prevented — our listener is added after the app's, so that one has decided.
    type Probe = { navigationPrevented?: Promise<boolean> };
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      (globalThis as Probe).navigationPrevented = new Promise<boolean>((resolve) => contents.once('will-navigate', (event) => resolve(event.defaultPrevented)));
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    expect(await app.evaluate(() => (globalThis as Probe).navigationPrevented)).toBe(true);
    expect(page.url()).toBe('app://certbench/index.html');
    // A new window is refused: window.open answers null at once when main denies it.
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
  test('empty state', async () => journeys.emptyState(electronDriver(page, clipboard)));
  test('open a CER', async () => journeys.openCer(electronDriver(page, clipboard)));
  test('open a PFX with a wrong, then the right password', async () => journeys.openPfxWithPassword(electronDriver(page, clipboard)));
  test('Exchange UM: wildcard fails; environment fixed, passes', async () => journeys.evaluateUm(electronDriver(page, clipboard)));
  test('thumbprint tool', async () => journeys.thumbprintTool(electronDriver(page, clipboard)));
  // Saving opens the native dialog, which Playwright cannot drive: these journeys stop before it.
  test('design a request', async () => journeys.designRequest(electronDriver(page, clipboard)));
  test('commands', async () => journeys.copyCommands(electronDriver(page, clipboard)));
  test('report preview', async () => journeys.exportReport(electronDriver(page, clipboard)));
});
