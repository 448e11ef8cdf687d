// Playwright global setup: make the OpenSSL fixtures once per run.
import { makeFixtures } from './fixtures.js';

export default function globalSetup(): void {
  makeFixtures();
}
