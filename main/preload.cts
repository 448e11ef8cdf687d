// The preload: exposes `window.certBench`, one method per IPC channel, and nothing else —
// never ipcRenderer itself, never a generic "send any channel" function.
// Sandboxed preloads cannot require local files, so the channel names are written out here;
// test/main/ipc.test.ts ("preload") checks them against shared/ipc/channels.ts.
import type { CertBenchApi, MenuCommand, ReadFilesResult, SaveFileRequest } from '../shared/ipc/channels.js';
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const wrapped = (_event: unknown, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: CertBenchApi = {
  openFiles: () => ipcRenderer.invoke('certbench:open-files'),
  readRecent: (path: string) => ipcRenderer.invoke('certbench:read-recent', path),
  saveFile: (request: SaveFileRequest) => ipcRenderer.invoke('certbench:save-file', request),
  printToPdf: (suggestedName: string) => ipcRenderer.invoke('certbench:print-to-pdf', suggestedName),
  recentFiles: () => ipcRenderer.invoke('certbench:recent-files'),
  openExternal: (url: string) => ipcRenderer.invoke('certbench:open-external', url),
  onMenu: (listener: (command: MenuCommand) => void) => subscribe('certbench:menu', listener),
  onFilesOpened: (listener: (result: ReadFilesResult) => void) => subscribe('certbench:files-opened', listener),
};

contextBridge.exposeInMainWorld('certBench', api);
