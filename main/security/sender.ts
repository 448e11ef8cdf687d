// Every IPC message is checked for where it came from: only the main frame of our own page,
// loaded from the app:// origin, may call a handler. A frame from anywhere else (a navigation
// that slipped through, an injected iframe) gets nothing.
import { isAppUrl } from './appOrigin.js';

export interface IpcSenderInfo {
  /** URL of the frame that sent the message (event.senderFrame.url); null when it is gone. */
  frameUrl: string | null | undefined;
  /** The frame is the top-level frame of its page (senderFrame.parent === null). */
  isMainFrame: boolean;
  /** webContents id of the sender, compared with our window's. */
  webContentsId: number;
}

export function isTrustedSender(sender: IpcSenderInfo, mainWebContentsId: number | null): boolean {
  if (mainWebContentsId === null || sender.webContentsId !== mainWebContentsId) return false;
  if (!sender.isMainFrame) return false;
  return isAppUrl(sender.frameUrl);
}
