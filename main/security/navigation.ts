// Navigation, new windows and permissions: the workbench is one page that never navigates,
// never opens windows and needs no device or browser permission. URLs found in certificates
// (CDP, AIA) are untrusted text; opening one is an explicit user action, http(s) only.
import { isAppUrl } from './appOrigin.js';

/** will-navigate / will-redirect: only our own origin (a reload of the app itself). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: every request for a new window is denied. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** setPermissionRequestHandler / setPermissionCheckHandler: nothing is granted. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** A URL the user asked to open in the system browser: plain http(s), no credentials in it. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname.length > 0;
}
