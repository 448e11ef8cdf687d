// The tools the tests run besides Node: the OpenSSL 3 CLI (every fixture is made with it) and,
// for the Playwright journeys, Debian's Chromium. When one is missing the run stops at once
// with one sentence saying what to install, instead of hundreds of failures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** An Error that prints as its sentence alone (no stack: the cause is the machine, not the code). */
function missingTool(sentence: string): Error {
  const error = new Error(sentence);
  error.stack = sentence;
  return error;
}

/** Throws unless `openssl version` answers OpenSSL 3.x. */
export function requireOpenSsl3(): void {
  const result = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw missingTool('The tests need the OpenSSL 3 command-line tool and `openssl` is not on PATH: install it (apt-get install openssl) and run the tests again.');
  }
  const version = result.stdout.trim();
  if (!/^OpenSSL 3\./.test(version)) {
    throw missingTool(`The tests need OpenSSL 3 and \`openssl version\` says "${version}": install OpenSSL 3 (apt-get install openssl) or put it first on PATH.`);
  }
}

/** Throws unless the Chromium the Playwright journeys drive exists at `executable`. */
export function requireChromium(executable: string): void {
  if (!fs.existsSync(executable)) {
    throw missingTool(`The browser journeys need Chromium at ${executable} and it is not there: install it (apt-get install chromium) or set CERTBENCH_CHROMIUM to its path.`);
  }
}
