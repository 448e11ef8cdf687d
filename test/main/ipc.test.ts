import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { API_METHOD_BY_CHANNEL, EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels.js';
import { createIpcRouter, UntrustedSenderError, type InvokeHandlers } from '../../main/ipc/router.js';
import { APP_ENTRY_URL } from '../../main/security/appOrigin.js';

function handlers(calls: string[]): InvokeHandlers {
  const h = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const channel of INVOKE_CHANNELS) h[channel] = async (...args) => (calls.push(`${channel}:${JSON.stringify(args)}`), channel);
  return h as unknown as InvokeHandlers;
}

describe('IPC router', () => {
  const trusted = { frameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };
  it('routes a trusted call to its handler with the arguments', async () => {
    const calls: string[] = [];
    const route = createIpcRouter(handlers(calls), () => 1);
    await expect(route('certbench:read-recent', trusted, ['/tmp/a.pfx'])).resolves.toBe('certbench:read-recent');
    expect(calls).toEqual(['certbench:read-recent:["/tmp/a.pfx"]']);
  });
  it('refuses an untrusted sender before any handler runs', async () => {
    const calls: string[] = [];
    const route = createIpcRouter(handlers(calls), () => 1);
    await expect(route('certbench:open-files', { ...trusted, frameUrl: 'https://evil.example/' }, [])).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(route('certbench:open-files', { ...trusted, webContentsId: 2 }, [])).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(calls).toEqual([]);
  });
  it('refuses channels that are not in the map', async () => {
    const route = createIpcRouter(handlers([]), () => 1);
    await expect(route('certbench:exec', trusted, [])).rejects.toThrow(/Unknown channel/);
  });
});

/** Runs the preload source with a fake `electron` module and returns what it exposed. */
function loadPreload() {
  const source = readFileSync(new URL('../../main/preload.cts', import.meta.url), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exposed: Record<string, unknown> = {};
  const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]) => 'ok'), on: vi.fn((..._args: unknown[]) => undefined), removeListener: vi.fn((..._args: unknown[]) => undefined), send: vi.fn() };
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer };
  const module = { exports: {} };
  vm.runInNewContext(js, { require: (id: string) => (id === 'electron' ? electron : (() => { throw new Error(`preload required ${id}`); })()), module, exports: module.exports });
  return { exposed, ipcRenderer };
}

describe('preload', () => {
  it('exposes exactly one method per channel on window.certBench, never ipcRenderer', () => {
    const { exposed } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['certBench']);
    const api = exposed.certBench as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.values(API_METHOD_BY_CHANNEL).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(loadPreload().ipcRenderer);
  });
  it('each invoke method calls its own channel', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.certBench as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const channel of INVOKE_CHANNELS) {
      ipcRenderer.invoke.mockClear();
      await api[API_METHOD_BY_CHANNEL[channel]]!('arg');
      expect(ipcRenderer.invoke.mock.calls[0]![0]).toBe(channel);
    }
  });
  it('event subscriptions listen on their channel, pass only the payload and unsubscribe', () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.certBench as Record<string, (listener: (p: unknown) => void) => () => void>;
    for (const channel of EVENT_CHANNELS) {
      ipcRenderer.on.mockClear();
      ipcRenderer.removeListener.mockClear();
      const seen: unknown[] = [];
      const off = api[API_METHOD_BY_CHANNEL[channel]]!((p) => seen.push(p));
      expect(ipcRenderer.on.mock.calls[0]![0]).toBe(channel);
      const wrapped = ipcRenderer.on.mock.calls[0]![1] as (event: unknown, payload: unknown) => void;
      wrapped({ sender: 'event object must not leak' }, 'open');
      expect(seen).toEqual(['open']);
      off();
      expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channel, wrapped);
    }
  });
});
