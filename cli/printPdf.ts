// `certbench report --format pdf`: print the static HTML report with headless Chromium, with
// nothing able to leave the machine and nothing of ours reaching the browser:
// - no network: every host name (IP literals included) resolves to "not found", and every
//   request is sent to a proxy that does not exist, loopback included (`<-loopback>`); QUIC,
//   background networking, component updates, sync, pings, DNS prefetch, domain reliability
//   and the other phone-home features are off;
// - no JavaScript (the report has none; a hostile name smuggled in could not run either): the
//   throw-away profile blocks it for every site (`--blink-settings=scriptEnabled=false` would
//   too, but then headless Chromium 156 prints nothing);
// - a throw-away profile and home folder, removed afterwards;
// - a minimal environment: PATH, the locale, HOME/TMPDIR in the throw-away folder; never
//   PFX_PASSWORD or any other variable of the caller.
// The PDF is printed into the throw-away folder and returned as bytes; the caller writes it
// (safely: cli/safeWrite.ts), so an existing file is never deleted before Chromium has run.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIo } from './io.js';

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const PRINT_TIMEOUT_MS = 120_000;

/** $CERTBENCH_CHROMIUM (the same variable the Playwright config reads), else the usual places. */
export function findChromium(io: Pick<CliIo, 'env'>): string | undefined {
  const override = io.env.CERTBENCH_CHROMIUM;
  const candidates = override ? [override] : CHROMIUM_PATHS;
  return candidates.find((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

/** The command line: offline, no scripts, throw-away profile (see the top of this file). */
export function chromiumArgs(work: string, htmlFile: string, pdfFile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    // No network at all: names (and IP literals) resolve nowhere, and any request that still
    // tries goes to a proxy whose name resolves nowhere either — loopback is not exempted.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--proxy-server=http://certbench-offline.invalid:9',
    '--proxy-bypass-list=<-loopback>',
    '--disable-quic',
    '--dns-prefetch-disable',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--no-pings',
    '--metrics-recording-only',
    '--disable-features=OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,NetworkTimeServiceQuerying,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
    '--disable-dev-shm-usage',
    `--user-data-dir=${join(work, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

/** The throw-away profile's settings: JavaScript blocked for every page. */
export const PROFILE_PREFERENCES = { profile: { default_content_setting_values: { javascript: 2 } } } as const;

/** What Chromium may see of the environment: nothing of the caller's but the path and locale. */
export function chromiumEnvironment(parent: Record<string, string | undefined>, work: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: work,
    TMPDIR: work,
    XDG_CONFIG_HOME: join(work, 'config'),
    XDG_CACHE_HOME: join(work, 'cache'),
  };
  // The locale decides the fonts' fallback and number shaping, nothing secret.
  for (const name of ['LANG', 'LC_ALL', 'LC_CTYPE']) {
    const value = parent[name];
    if (value !== undefined && /^[A-Za-z0-9_.@-]{1,40}$/.test(value)) env[name] = value;
  }
  return env;
}

/**
 * Print `html` to PDF bytes with headless Chromium. Returns the bytes, or one sentence saying
 * what went wrong.
 */
export async function printPdf(html: string, chromium: string, parentEnv: Record<string, string | undefined> = process.env): Promise<Uint8Array | string> {
  const work = mkdtempSync(join(tmpdir(), 'certbench-report-'));
  try {
    const htmlFile = join(work, 'report.html');
    const pdfFile = join(work, 'report.pdf');
    writeFileSync(htmlFile, html);
    const env = chromiumEnvironment(parentEnv, work);
    mkdirSync(env.XDG_CONFIG_HOME!);
    mkdirSync(env.XDG_CACHE_HOME!);
    mkdirSync(join(work, 'profile', 'Default'), { recursive: true });
    writeFileSync(join(work, 'profile', 'Default', 'Preferences'), JSON.stringify(PROFILE_PREFERENCES));
    const failure = await new Promise<string | null>((done) => {
      execFile(chromium, chromiumArgs(work, htmlFile, pdfFile), { timeout: PRINT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env }, (error) => {
        if (error && (error as { killed?: boolean }).killed) done(`Chromium (${chromium}) did not finish printing the PDF within 2 minutes.`);
        else if (error && !existsSync(pdfFile)) done(`Chromium (${chromium}) could not print the PDF (${error.message.split('\n')[0]}); try --format html and print it from a browser.`);
        else done(null);
      });
    });
    if (failure) return failure;
    const bytes = existsSync(pdfFile) ? new Uint8Array(readFileSync(pdfFile)) : new Uint8Array();
    if (!Buffer.from(bytes.subarray(0, 5)).equals(Buffer.from('%PDF-'))) {
      return `Chromium (${chromium}) ran but printed no PDF; try --format html and print it from a browser.`;
    }
    return bytes;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
