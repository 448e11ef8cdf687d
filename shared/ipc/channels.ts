// The one typed map of every IPC channel between the renderer and the main process.
// Main registers one handler per invoke channel; the preload exposes one method per channel
// on `window.certBench`; the renderer imports these types (type-only) — so a channel cannot
// exist on one side and be missing on the other without the compiler (or a test) noticing.
// It lives in shared/ because both shells' halves import it and it is pure TypeScript (no
// Electron, no Node); the packaged app ships its compiled copy (build/electron-builder.yml).

/** A file the user chose (dialog, "open with", recent list), read by main with the size cap. */
export interface OpenedFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

/** A file that could not be read; the message names it and says what to do. */
export interface FileReadFailure {
  name: string;
  path: string;
  message: string;
}

export interface ReadFilesResult {
  files: OpenedFile[];
  failures: FileReadFailure[];
}

export interface SaveFileRequest {
  suggestedName: string;
  /** Text is written as UTF-8. */
  data: string | Uint8Array;
  filters?: { name: string; extensions: string[] }[];
}

/** Where the file was saved, or null when the user cancelled. */
export type SaveFileResult = { path: string } | null;

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

/** Commands the native menu sends to the renderer. */
export type MenuCommand =
  | 'open'
  | 'new-request'
  | 'commands'
  | 'report'
  | 'environment'
  | 'thumbprint'
  | 'rules'
  | 'about'
  | 'print';

/** Renderer → main, request / response (ipcRenderer.invoke ↔ ipcMain.handle). */
export interface InvokeChannels {
  'certbench:open-files': { args: []; result: ReadFilesResult };
  'certbench:read-recent': { args: [path: string]; result: ReadFilesResult };
  'certbench:save-file': { args: [request: SaveFileRequest]; result: SaveFileResult };
  'certbench:print-to-pdf': { args: [suggestedName: string]; result: SaveFileResult };
  'certbench:recent-files': { args: []; result: RecentFile[] };
  'certbench:open-external': { args: [url: string]; result: boolean };
}

/** Main → renderer, events (webContents.send ↔ ipcRenderer.on). */
export interface EventChannels {
  'certbench:menu': MenuCommand;
  'certbench:files-opened': ReadFilesResult;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;

/** Runtime lists, used by main to register handlers and by tests to compare with the preload. */
export const INVOKE_CHANNELS = [
  'certbench:open-files',
  'certbench:read-recent',
  'certbench:save-file',
  'certbench:print-to-pdf',
  'certbench:recent-files',
  'certbench:open-external',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = ['certbench:menu', 'certbench:files-opened'] as const satisfies readonly EventChannel[];

/**
 * The API the preload puts on `window.certBench`: one method per channel, never ipcRenderer.
 * Event subscriptions return a function that removes the listener.
 */
export interface CertBenchApi {
  openFiles(): Promise<ReadFilesResult>;
  readRecent(path: string): Promise<ReadFilesResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  printToPdf(suggestedName: string): Promise<SaveFileResult>;
  recentFiles(): Promise<RecentFile[]>;
  /** Opens an http(s) URL from a certificate (CDP, AIA) in the system browser after the user asked. */
  openExternal(url: string): Promise<boolean>;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  onFilesOpened(listener: (result: ReadFilesResult) => void): () => void;
}

/** Which preload method serves which channel (the preload and its test use this pairing). */
export const API_METHOD_BY_CHANNEL = {
  'certbench:open-files': 'openFiles',
  'certbench:read-recent': 'readRecent',
  'certbench:save-file': 'saveFile',
  'certbench:print-to-pdf': 'printToPdf',
  'certbench:recent-files': 'recentFiles',
  'certbench:open-external': 'openExternal',
  'certbench:menu': 'onMenu',
  'certbench:files-opened': 'onFilesOpened',
} as const satisfies Record<InvokeChannel | EventChannel, keyof CertBenchApi>;
