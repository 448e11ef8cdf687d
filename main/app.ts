// Electron entry: one locked-down window serving the built renderer from app://certbench,
// the native menu, the IPC handlers, and "open with" files from the command line.
import { app, BrowserWindow, dialog, nativeTheme, protocol, shell } from 'electron';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GrantedPaths } from './handlers/grantedPaths.js';
import { openFilesWithDialog } from './handlers/openDialog.js';
import { openExternalUrl } from './handlers/openExternal.js';
import { openWithPaths } from './handlers/openWithPaths.js';
import { printToPdf } from './handlers/printToPdf.js';
import { readFiles } from './handlers/readFiles.js';
import { readRecentFile } from './handlers/readRecent.js';
import { createRecentFilesStore } from './handlers/recentFiles.js';
import { saveFileWithDialog } from './handlers/saveFile.js';
import type { FileSystem } from './handlers/deps.js';
import type { ReadFilesResult, SaveFileRequest } from '../shared/ipc/channels.js';
import { registerIpc } from './ipc/register.js';
import { installMenu } from './menu.js';
import { resolveAppRequest } from './protocol/resolveAppRequest.js';
import { APP_SCHEME } from './security/appOrigin.js';
import { CONTENT_SECURITY_POLICY } from './security/csp.js';
import { createMainWindow, lockDownSession } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// out/node/main/app.js → out/renderer
const rendererRoot = path.resolve(here, '../../renderer');
const preloadPath = path.join(here, 'preload.cjs');
const iconCandidate = path.resolve(here, '../../../build/icon.png');
const devTools = !app.isPackaged && process.env.CERTBENCH_DEVTOOLS === '1';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
}

const nodeFs: FileSystem = {
  stat: (p) => fs.stat(p),
  readFile: (p) => fs.readFile(p),
  writeFile: (p, data) => fs.writeFile(p, data),
  mkdir: (p, options) => fs.mkdir(p, options),
};

let mainWindow: BrowserWindow | null = null;
const granted = new GrantedPaths();
const pendingOpen: string[] = [];

async function deliverOpenWith(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  if (!mainWindow || mainWindow.webContents.isLoading()) {
    pendingOpen.push(...paths);
    return;
  }
  granted.grant(paths);
  const result: ReadFilesResult = await readFiles(paths, { fs: nodeFs });
  const recent = recentStore();
  for (const file of result.files) await recent.add(file.path);
  mainWindow.webContents.send('certbench:files-opened', result);
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function recentStore() {
  const storeDir = app.getPath('userData');
  return createRecentFilesStore({ fs: nodeFs, storeDir, storePath: path.join(storeDir, 'recent-files.json') });
}

// macOS delivers double-clicked files as events, possibly before the app is ready.
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  void deliverOpenWith([filePath]);
});

app.on('second-instance', (_event, argv) => {
  void deliverOpenWith(openWithPaths(argv, { isPackaged: app.isPackaged }));
});

app.on('window-all-closed', () => app.quit());

app.on('web-contents-created', (_event, contents) => {
  // Belt and braces for any webContents, not only the main window.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(() => {
  lockDownSession();
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererRoot);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    try {
      const body = await fs.readFile(resolved.filePath);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': resolved.mimeType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });

  const documentsDir = app.getPath('documents');
  const saveDeps = {
    dialog: { showSaveDialog: (options: Parameters<typeof dialog.showSaveDialog>[0]) => dialog.showSaveDialog(options) },
    fs: nodeFs,
    defaultDir: documentsDir,
    joinPath: (dir: string, name: string) => path.join(dir, name),
  };
  const recent = recentStore();

  registerIpc(
    {
      'certbench:open-files': () =>
        openFilesWithDialog({
          dialog: { showOpenDialog: (options) => dialog.showOpenDialog(options) },
          fs: nodeFs,
          granted,
          recent,
        }),
      'certbench:read-recent': (filePath) => readRecentFile(filePath, { fs: nodeFs, granted, recent }),
      'certbench:save-file': (request) => saveFileWithDialog((request ?? {}) as SaveFileRequest, saveDeps),
      'certbench:print-to-pdf': (name) =>
        printToPdf(name, {
          ...saveDeps,
          renderPdf: async () =>
            new Uint8Array(await mainWindow!.webContents.printToPDF({ pageSize: 'A4', printBackground: true })),
        }),
      'certbench:recent-files': () => recent.list(),
      'certbench:open-external': (url) => openExternalUrl(url, { openExternal: (u) => shell.openExternal(u) }),
    },
    () => mainWindow?.webContents.id ?? null,
  );

  mainWindow = createMainWindow(preloadPath, existsSync(iconCandidate) ? iconCandidate : undefined, devTools);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  installMenu(() => mainWindow, devTools);
  nativeTheme.themeSource = 'system';
  mainWindow.webContents.on('did-finish-load', () => {
    const queued = [...pendingOpen, ...openWithPaths(process.argv, { isPackaged: app.isPackaged })];
    pendingOpen.length = 0;
    process.argv.length = Math.min(process.argv.length, app.isPackaged ? 1 : 2); // deliver argv files once
    void deliverOpenWith(queued);
  });
});
