// Playwright global setup: stop with one sentence when Chromium or OpenSSL 3 is missing, then
// make the OpenSSL fixtures once per run.
import { requireChromium, requireOpenSsl3 } from '../support/testTools.js';
import { makeFixtures } from './fixtures.js';

export default function globalSetup(): void {
  requireChromium(process.env.CERTBENCH_CHROMIUM ?? '/usr/bin/chromium');
  requireOpenSsl3();
  makeFixtures();
}
