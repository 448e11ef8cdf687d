// The web journeys' `test`: every page it opens is watched, and the journey fails on an uncaught
// error, a console error or a crash (and, where asked, on any request that leaves the web
// edition's own origin: nothing leaves the machine). One fixture for every spec instead of a copy
// in each.
import { test as base, expect } from '@playwright/test';

export function guardedTest(options: { noOutsideRequests?: boolean } = {}) {
  return base.extend<{ consoleErrors: string[] }>({
    consoleErrors: [
      async ({ page, baseURL }, use) => {
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console: ${message.text()}`);
        });
        page.on('crash', () => errors.push('the page crashed'));
        if (options.noOutsideRequests) {
          page.on('request', (request) => {
            const url = request.url();
            if (!url.startsWith(baseURL!) && !url.startsWith('blob:') && !url.startsWith('data:')) errors.push(`request to ${url}`);
          });
        }
        await use(errors);
        expect(errors, options.noOutsideRequests ? 'page errors, console errors and outside requests' : 'page and console errors').toEqual([]);
      },
      { auto: true },
    ],
  });
}

/** Journeys that fail on page errors, console errors and crashes. */
export const test = guardedTest();
