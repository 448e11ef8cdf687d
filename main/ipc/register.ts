// Wires the router to ipcMain: one ipcMain.handle per channel of the typed map.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels.js';
import { createIpcRouter, type InvokeHandlers } from './router.js';

function senderInfo(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame ? frame.parent === null : false,
    webContentsId: event.sender.id,
  };
}

export function registerIpc(handlers: InvokeHandlers, mainWebContentsId: () => number | null): void {
  const route = createIpcRouter(handlers, mainWebContentsId);
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => route(channel, senderInfo(event), args));
  }
}
