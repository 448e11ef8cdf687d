// Vitest global setup: the run stops with one sentence when OpenSSL 3 is missing.
import { requireOpenSsl3 } from './testTools.js';

export default function setup(): void {
  requireOpenSsl3();
}
