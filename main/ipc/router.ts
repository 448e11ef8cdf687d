// Routes an IPC call to its handler after the sender check. Pure: register.ts feeds it
// Electron's events, tests feed it plain objects. Arguments arrive as `unknown` — the
// renderer is not trusted, each handler validates what it gets.
import { isTrustedSender, type IpcSenderInfo } from '../security/sender.js';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeChannels } from '../../shared/ipc/channels.js';

export type InvokeHandlers = {
  [C in InvokeChannel]: (...args: unknown[]) => Promise<InvokeChannels[C]['result']>;
};

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

export function createIpcRouter(handlers: InvokeHandlers, mainWebContentsId: () => number | null) {
  return async function route(channel: string, sender: IpcSenderInfo, args: unknown[]): Promise<unknown> {
    if (!(INVOKE_CHANNELS as readonly string[]).includes(channel)) throw new Error(`Unknown channel ${channel}`);
    if (!isTrustedSender(sender, mainWebContentsId())) {
      throw new UntrustedSenderError(`Refused ${channel} from an untrusted frame`);
    }
    const handler = handlers[channel as InvokeChannel];
    return handler(...args);
  };
}
