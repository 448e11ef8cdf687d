// Maps an app://certbench/... request to a file inside the built renderer folder. Anything
// outside that folder (../ tricks, encoded separators, other hosts) is refused.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../security/appOrigin.js';
import { mimeTypeFor } from './mimeTypes.js';

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 };

export function resolveAppRequest(requestUrl: string, rendererRoot: string): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, '.' + pathname);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return { ok: false, status: 403 };
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}
