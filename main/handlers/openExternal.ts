// A CDP or AIA URL from a certificate, opened only because the user clicked "Open" next to it,
// and only when it is plain http(s) without credentials.
import { isSafeExternalUrl } from '../security/navigation.js';

export async function openExternalUrl(url: unknown, deps: { openExternal: (url: string) => Promise<void> }): Promise<boolean> {
  if (typeof url !== 'string' || !isSafeExternalUrl(url)) return false;
  await deps.openExternal(url);
  return true;
}
