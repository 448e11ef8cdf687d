// The one workbench window, locked down: options from mainWindowOptions(), no navigation,
// no new windows, no permissions, content only from app://certbench.
import { BrowserWindow, nativeTheme, session } from 'electron';
import { APP_ENTRY_URL } from './security/appOrigin.js';
import { isNavigationAllowed, isPermissionGranted, windowOpenDecision } from './security/navigation.js';
import { mainWindowOptions } from './security/windowOptions.js';

export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_webContents, permission) => isPermissionGranted(permission));
  // Nothing is ever downloaded by the page itself: saving goes through the save-file channel.
  ses.on('will-download', (event) => event.preventDefault());
}

export function createMainWindow(preloadPath: string, iconPath: string | undefined, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath, iconPath, dark: nativeTheme.shouldUseDarkColors }, devTools));
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
