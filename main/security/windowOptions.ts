// BrowserWindow options as a pure function so a test can pin every security-relevant flag.
// Electron's own checklist: contextIsolation, sandbox, no nodeIntegration (also not in workers
// or subframes), webSecurity on, no webview tag, no insecure content, no experimental features.

export interface MainWindowOptionsInput {
  preloadPath: string;
  iconPath?: string;
  /** Dark system theme: the window background matches the UI so startup does not flash. */
  dark: boolean;
}

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  enableBlinkFeatures: '';
  navigateOnDragDrop: false;
  spellcheck: false;
  safeDialogs: true;
  devTools: boolean;
}

export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  icon?: string;
  webPreferences: SecureWebPreferences;
}

export function mainWindowOptions(input: MainWindowOptionsInput, devTools = false): MainWindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'CertBench',
    show: false,
    backgroundColor: input.dark ? '#1e1f22' : '#f7f7f8',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // A file dropped outside the drop zone must not navigate the window to file://.
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  };
}
