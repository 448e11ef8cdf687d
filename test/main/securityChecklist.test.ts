// The Electron security checklist (electronjs.org/docs/latest/tutorial/security, "Checklist:
// Security Recommendations"), all 20 items, one describe each, named "NN. <item>".
//
// Two layers are asserted. The pure modules (window options, CSP, navigation / permission /
// sender checks, the app:// resolver, the openExternal handler) directly; and the real wiring
// in main/app.ts and main/window.ts, run here against a fake `electron` module that records
// what the app asked Electron to do (which window options, which URL it loads, which handlers
// it installs) and lets the test fire the events a hostile page would cause. The preload runs
// against its own fake electron in a vm, as test/main/ipc.test.ts does.
//
// What only a running Electron can prove (the sandbox and context isolation actually in effect,
// no `require`/`process` in the page, navigation and window.open refused for real) is asserted
// here at the options / wiring level and exercised by test/e2e/electron.spec.ts "the window is
// locked down" wherever an Electron binary exists; those items say so in their names.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openExternalUrl } from '../../main/handlers/openExternal.js';
import { API_METHOD_BY_CHANNEL, EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels.js';
import { createIpcRouter, UntrustedSenderError, type InvokeHandlers } from '../../main/ipc/router.js';
import { resolveAppRequest } from '../../main/protocol/resolveAppRequest.js';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from '../../main/security/appOrigin.js';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../main/security/csp.js';
import { isNavigationAllowed, isPermissionGranted, isSafeExternalUrl, windowOpenDecision } from '../../main/security/navigation.js';
import { isTrustedSender } from '../../main/security/sender.js';
import { mainWindowOptions } from '../../main/security/windowOptions.js';

// ---- a recording fake of the electron main-process API ----------------------------------------
type Listener = (...args: any[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
  }
  class FakeWebContents extends Emitter {
    static nextId = 41;
    readonly id = FakeWebContents.nextId++;
    windowOpenHandler: Listener | null = null;
    readonly sent: unknown[][] = [];
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    isLoading() {
      return true;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  const state = {
    windows: [] as FakeBrowserWindow[],
    loaded: [] as { how: string; target: string }[],
    privilegedSchemes: [] as unknown[],
    sandboxEnabled: false,
    switches: [] as unknown[][],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    session: new Emitter(),
    app: new Emitter(),
    openedExternally: [] as string[],
    /** Files the app:// handler read (through the node:fs/promises mock below). */
    served: [] as string[],
  };
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    constructor(readonly options: Record<string, any>) {
      super();
      state.windows.push(this);
    }
    loadURL(url: string) {
      state.loaded.push({ how: 'loadURL', target: url });
      return Promise.resolve();
    }
    loadFile(file: string) {
      state.loaded.push({ how: 'loadFile', target: file });
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    static getAllWindows() {
      return state.windows;
    }
  }
  const electron = {
    app: Object.assign(state.app, {
      isPackaged: false,
      enableSandbox: () => {
        state.sandboxEnabled = true;
      },
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => '/nonexistent/certbench-checklist',
      commandLine: {
        appendSwitch: (...args: unknown[]) => state.switches.push(args),
        appendArgument: (...args: unknown[]) => state.switches.push(args),
      },
    }),
    BrowserWindow: FakeBrowserWindow,
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    session: {
      defaultSession: Object.assign(state.session, {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: Listener) => (state.permissionCheckHandler = h),
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
    },
    ipcMain: { handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler) },
    shell: {
      openExternal: async (url: string) => {
        state.openedExternally.push(url);
      },
    },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (template: unknown) => template },
  };
  return { state, electron, FakeWebContents };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

// main/app.ts serves <repo>/../renderer when run from source (its path assumes out/node/main):
// the protocol handler's file reads under a `renderer` folder get a small page instead.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = (await importOriginal()) as typeof import('node:fs/promises') & { default: typeof import('node:fs/promises') };
  const { sep } = await import('node:path');
  const readFile = ((file: unknown, ...rest: unknown[]) => {
    if (typeof file === 'string' && file.includes(`${sep}renderer${sep}`)) {
      fake.state.served.push(file);
      return Promise.resolve(Buffer.from('<!doctype html><title>CertBench</title>'));
    }
    return (real.readFile as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
  }) as typeof real.readFile;
  return { ...real, readFile, default: { ...real.default, readFile } };
});

const state = fake.state;
const root = new URL('../../', import.meta.url);
const rootDir = path.resolve(new URL('.', root).pathname);
const OPTIONS = mainWindowOptions({ preloadPath: '/app/out/node/main/preload.cjs', dark: false });
const PREFS = OPTIONS.webPreferences as unknown as Record<string, unknown>;

beforeAll(async () => {
  await import('../../main/app.js');
  // app.whenReady().then(...) runs on the next turn.
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(state.windows, 'main/app.ts created its window').toHaveLength(1);
});

const mainWindow = () => state.windows[0]!;
const prefsInUse = () => mainWindow().options.webPreferences as Record<string, unknown>;
const prevented = () => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
};
const fire = (emitter: { emit(e: string, ...a: unknown[]): void }, name: string, ...args: unknown[]) => {
  const event = prevented();
  emitter.emit(name, event, ...args);
  return event.defaultPrevented;
};
/** An IPC event as Electron would give it for a frame with this URL. */
const ipcEvent = (frameUrl: string | null, opts: { subframe?: boolean; contentsId?: number } = {}) => ({
  sender: { id: opts.contentsId ?? mainWindow().webContents.id },
  senderFrame: frameUrl === null ? null : { url: frameUrl, parent: opts.subframe ? { url: APP_ENTRY_URL } : null },
});
const invoke = (channel: string, event: unknown, ...args: unknown[]) => Promise.resolve(state.ipcHandlers.get(channel)!(event, ...args));

/** Every source file of the renderer (and the built page), to prove what is not in them. */
function rendererSources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tsx?|html|css|js)$/.test(name)) out.push({ file: full, text: readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(rootDir, 'renderer'));
  // The built page too, when it has been built (npm run build:web).
  if (existsSync(path.join(rootDir, 'out/renderer'))) walk(path.join(rootDir, 'out/renderer'));
  return out;
}

/** Runs the preload source with a fake `electron` module and returns what it exposed. */
function loadPreload() {
  const source = readFileSync(new URL('main/preload.cts', root), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exposed: Record<string, unknown> = {};
  const required: string[] = [];
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]) => 'reply'),
    on: vi.fn((..._args: unknown[]) => undefined),
    removeListener: vi.fn((..._args: unknown[]) => undefined),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer,
    shell: { openExternal: vi.fn() },
    webFrame: {},
  };
  const module = { exports: {} };
  vm.runInNewContext(js, {
    require: (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`the preload required ${id}`);
    },
    module,
    exports: module.exports,
  });
  return { exposed, ipcRenderer, electron, required };
}

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

// ---- the checklist ----------------------------------------------------------------------------

describe('01. Only load secure content', () => {
  it('01. the window loads only app://certbench (a privileged secure scheme), never http or file', () => {
    expect(state.loaded).toEqual([{ how: 'loadURL', target: APP_ENTRY_URL }]);
    expect(state.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    // No privilege that would weaken the page: CSP bypass, CORS, service workers.
    const privileges = (state.privilegedSchemes[0] as { privileges: Record<string, unknown> }).privileges;
    for (const risky of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers']) expect(privileges[risky] ?? false, risky).toBe(false);
  });
  it('01. the page may fetch nothing from the network (CSP allows only its own origin)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|ws:|wss:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });
  it('01. no certificate-error handler accepts a bad TLS certificate, no switch ignores them', () => {
    expect(state.app.listeners.has('certificate-error')).toBe(false);
    expect(state.switches.flat().join(' ')).not.toMatch(/ignore-certificate-errors|allow-insecure-localhost/);
  });
});

describe('02. Do not enable Node.js integration for remote content', () => {
  it('02. nodeIntegration is off for the page, its workers and its subframes (options level; e2e: electron.spec.ts "the window is locked down" sees no require/process)', () => {
    for (const prefs of [PREFS, prefsInUse()]) {
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInWorker).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    }
  });
  it('02. and there is no remote content to begin with: navigation off-origin is refused', () => {
    expect(isNavigationAllowed('https://pki.contoso.com/')).toBe(false);
    expect(fire(mainWindow().webContents, 'will-navigate', 'https://evil.example/')).toBe(true);
  });
});

describe('03. Enable context isolation', () => {
  it('03. contextIsolation is true in the options the window is created with (options level; e2e: electron.spec.ts "the window is locked down")', () => {
    expect(PREFS.contextIsolation).toBe(true);
    expect(prefsInUse().contextIsolation).toBe(true);
  });
  it('03. the preload reaches the page only through contextBridge', () => {
    const source = readFileSync(new URL('main/preload.cts', root), 'utf8');
    expect(source).toContain('contextBridge.exposeInMainWorld');
    expect(source).not.toMatch(/\bwindow\.\w+\s*=|globalThis\.\w+\s*=/);
  });
});

describe('04. Enable process sandboxing', () => {
  it('04. sandbox is true for the window and app.enableSandbox() is called for every renderer (options level; e2e: electron.spec.ts)', () => {
    expect(PREFS.sandbox).toBe(true);
    expect(prefsInUse().sandbox).toBe(true);
    expect(state.sandboxEnabled).toBe(true);
    expect(state.switches.flat().join(' ')).not.toMatch(/no-sandbox/);
  });
  it('04. the preload works in a sandbox: it requires nothing but electron', () => {
    const { required } = loadPreload();
    expect(required).toEqual(['electron']);
  });
});

describe('05. Use ses.setPermissionRequestHandler() in all sessions with remote content', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'unknown'];
  it('05. the request handler installed on the session denies every permission', () => {
    expect(state.permissionRequestHandler).toBeTypeOf('function');
    for (const permission of permissions) {
      const callback = vi.fn();
      state.permissionRequestHandler!(mainWindow().webContents, permission, callback, { requestingUrl: APP_ENTRY_URL });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });
  it('05. the check handler says no too, and downloads the page starts are cancelled', () => {
    expect(state.permissionCheckHandler).toBeTypeOf('function');
    for (const permission of permissions) expect(state.permissionCheckHandler!(mainWindow().webContents, permission, APP_ORIGIN, {})).toBe(false);
    expect(fire(state.session, 'will-download', { getURL: () => 'https://evil.example/x.exe' })).toBe(true);
  });
});

describe('06. Do not disable webSecurity', () => {
  it('06. webSecurity is true and no switch disables it', () => {
    expect(PREFS.webSecurity).toBe(true);
    expect(prefsInUse().webSecurity).toBe(true);
    expect(state.switches.flat().join(' ')).not.toMatch(/disable-web-security|disable-site-isolation/);
  });
});

describe('07. Define a Content-Security-Policy', () => {
  it('07. every app:// response carries the strict policy (no inline, no eval, default none)', async () => {
    const handler = state.protocolHandlers.get(APP_SCHEME)!;
    const response = await handler({ url: APP_ENTRY_URL });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
  });
  it('07. the built page carries the same policy in its <meta> (web edition and Electron)', () => {
    const built = new URL('out/renderer/index.html', root);
    expect(existsSync(built), 'the web edition is built (npm run build:web)').toBe(true);
    const html = readFileSync(built, 'utf8').replace(/&#39;/g, "'");
    expect(html).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
  });
});

describe('08. Do not enable allowRunningInsecureContent', () => {
  it('08. allowRunningInsecureContent is false', () => {
    expect(PREFS.allowRunningInsecureContent).toBe(false);
    expect(prefsInUse().allowRunningInsecureContent).toBe(false);
  });
});

describe('09. Do not enable experimental features', () => {
  it('09. experimentalFeatures is false and no experimental web platform switch is set', () => {
    expect(PREFS.experimentalFeatures).toBe(false);
    expect(prefsInUse().experimentalFeatures).toBe(false);
    expect(state.switches.flat().join(' ')).not.toMatch(/experimental/);
  });
});

describe('10. Do not use enableBlinkFeatures', () => {
  it('10. no Blink feature is enabled, by option or by switch', () => {
    for (const prefs of [PREFS, prefsInUse()]) expect(prefs.enableBlinkFeatures ?? '').toBe('');
    expect(state.switches.flat().join(' ')).not.toMatch(/enable-blink-features/);
  });
});

describe('11. <webview>: Do not use allowpopups', () => {
  it('11. N/A — there is no <webview>: the tag is disabled and no renderer source or built page uses it', () => {
    expect(PREFS.webviewTag).toBe(false);
    expect(prefsInUse().webviewTag).toBe(false);
    const sources = rendererSources();
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((s) => /<webview|allowpopups/i.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});

describe('12. <webview>: Verify options and params', () => {
  it('12. every attempt to attach a <webview> is refused before it is created (will-attach-webview)', () => {
    const webPreferences = { nodeIntegration: true, preload: '/tmp/evil.js' };
    expect(fire(mainWindow().webContents, 'will-attach-webview', webPreferences, { src: 'https://evil.example/' })).toBe(true);
    expect(fire(mainWindow().webContents, 'will-attach-webview', {}, { src: APP_ENTRY_URL })).toBe(true);
  });
});

describe('13. Disable or limit navigation', () => {
  const hostile = ['https://evil.example/', 'http://pki.contoso.com/root.crl', 'file:///etc/passwd', 'app://other/index.html', 'app://user:pw@certbench/', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', ''];
  it('13. will-navigate and will-redirect refuse every URL outside app://certbench (e2e: electron.spec.ts tries location.href)', () => {
    const contents = mainWindow().webContents;
    for (const url of hostile) {
      expect(fire(contents, 'will-navigate', url), url).toBe(true);
      expect(fire(contents, 'will-redirect', url), url).toBe(true);
      expect(isNavigationAllowed(url)).toBe(false);
    }
    expect(fire(contents, 'will-navigate', APP_ENTRY_URL)).toBe(false);
  });
  it('13. a file dropped outside the drop zone does not navigate the window', () => {
    expect(PREFS.navigateOnDragDrop).toBe(false);
    expect(prefsInUse().navigateOnDragDrop).toBe(false);
  });
});

describe('14. Disable or limit creation of new windows', () => {
  it('14. the main window and every other webContents deny window.open (e2e: electron.spec.ts)', () => {
    const opener = mainWindow().webContents.windowOpenHandler!;
    for (const url of ['https://evil.example/', APP_ENTRY_URL, 'about:blank']) expect(opener({ url, frameName: '', features: '' })).toEqual({ action: 'deny' });
    const other = new fake.FakeWebContents();
    state.app.emit('web-contents-created', prevented(), other);
    expect(other.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    expect(state.windows).toHaveLength(1);
  });
});

describe('15. Do not use shell.openExternal with untrusted content', () => {
  it('15. only plain http(s) URLs without credentials reach shell.openExternal', async () => {
    const ours = ipcEvent(APP_ENTRY_URL);
    state.openedExternally.length = 0;
    await expect(invoke('certbench:open-external', ours, 'http://pki.contoso.com/root.crl')).resolves.toBe(true);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share/x.exe',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'javascript:alert(1)',
      'ldap:///CN=Root,DC=contoso',
      'https://user:pw@evil.example/',
      'http://',
      `https://x.example/${'a'.repeat(3000)}`,
      42,
      { toString: () => 'https://evil.example/' },
      null,
    ]) {
      await expect(invoke('certbench:open-external', ours, url), String(url)).resolves.toBe(false);
      if (typeof url === 'string') expect(isSafeExternalUrl(url)).toBe(false);
    }
    expect(state.openedExternally).toEqual(['http://pki.contoso.com/root.crl']);
  });
  it('15. the handler itself refuses before calling the shell', async () => {
    const openExternal = vi.fn(async () => undefined);
    await expect(openExternalUrl('file:///etc/passwd', { openExternal })).resolves.toBe(false);
    await expect(openExternalUrl('https://crl.example.com/a.crl', { openExternal })).resolves.toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://crl.example.com/a.crl']]);
  });
});

describe('16. Use a current version of Electron', () => {
  it('16. package.json asks for Electron ≥ 40 and the installed package is that version', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { devDependencies: Record<string, string> };
    const wanted = pkg.devDependencies.electron!;
    const wantedMajor = Number(/(\d+)\./.exec(wanted)?.[1]);
    expect(wantedMajor).toBeGreaterThanOrEqual(40);
    const installed = (JSON.parse(readFileSync(new URL('node_modules/electron/package.json', root), 'utf8')) as { version: string }).version;
    expect(Number(installed.split('.')[0])).toBe(wantedMajor);
  });
});

describe('17. Validate the sender of all IPC messages', () => {
  it('17. every invoke channel is registered, and only through the sender check', async () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const hostile = [
      ipcEvent('https://evil.example/'),
      ipcEvent('file:///tmp/x.html'),
      ipcEvent('app://other/index.html'),
      ipcEvent(APP_ENTRY_URL, { subframe: true }),
      ipcEvent(APP_ENTRY_URL, { contentsId: 9999 }),
      ipcEvent(null),
    ];
    state.openedExternally.length = 0;
    for (const channel of INVOKE_CHANNELS) {
      for (const event of hostile) {
        await expect(invoke(channel, event, 'https://pki.contoso.com/x.crl'), `${channel} ${JSON.stringify(event)}`).rejects.toBeInstanceOf(UntrustedSenderError);
      }
    }
    expect(state.openedExternally).toEqual([]);
  });
  it('17. the router refuses before any handler runs; the pure check agrees', async () => {
    const calls: string[] = [];
    const handlers = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, async () => void calls.push(c)])) as unknown as InvokeHandlers;
    const route = createIpcRouter(handlers, () => 3);
    await expect(route('certbench:save-file', { frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 3 }, [])).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(route('certbench:exec', { frameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 3 }, [])).rejects.toThrow(/Unknown channel/);
    expect(calls).toEqual([]);
    expect(isTrustedSender({ frameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 3 }, 3)).toBe(true);
    expect(isTrustedSender({ frameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 3 }, null)).toBe(false);
  });
});

describe('18. Avoid usage of the file:// protocol and prefer usage of custom protocols', () => {
  it('18. the page comes from app://, never loadFile or file://', () => {
    expect(state.loaded.every((l) => l.how === 'loadURL' && l.target.startsWith(`${APP_SCHEME}://`))).toBe(true);
    expect(isNavigationAllowed('file:///C:/Users/admin/evil.html')).toBe(false);
  });
  it('18. the app:// handler serves only files inside the renderer folder', async () => {
    const handler = state.protocolHandlers.get(APP_SCHEME)!;
    // A literal ../ is normalised away by URL parsing itself (Chromium does the same): it can
    // only ever name a file inside the folder.
    const literal = resolveAppRequest('app://certbench/../../package.json', '/srv/certbench/out/renderer');
    expect(literal).toMatchObject({ ok: true, filePath: '/srv/certbench/out/renderer/package.json' });
    // So is an encoded dot segment (%2e%2e), by the WHATWG URL parser.
    expect(resolveAppRequest('app://certbench/%2e%2e/%2e%2e/package.json', '/srv/certbench/out/renderer')).toMatchObject({
      ok: true,
      filePath: '/srv/certbench/out/renderer/package.json',
    });
    state.served.length = 0;
    for (const url of [
      'app://certbench/..%2f..%2fpackage.json',
      'app://certbench/..%5c..%5cpackage.json',
      'app://certbench/index.html%00.png',
      'app://certbench/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await handler({ url });
      expect([400, 403, 404], url).toContain(response.status);
      expect(response.headers.get('content-type'), url).toBeNull();
    }
    expect(state.served, 'nothing was read for a refused request').toEqual([]);
    // And what it does serve lies inside the renderer folder main/app.ts computes.
    const servedRoot = path.resolve(rootDir, 'main', '../../renderer');
    for (const url of [APP_ENTRY_URL, 'app://certbench/../../../etc/passwd', 'app://certbench/%2e%2e/%2e%2e/etc/passwd']) {
      expect((await handler({ url })).status, url).toBe(200);
    }
    expect(state.served).toHaveLength(3);
    for (const file of state.served) expect(file.startsWith(servedRoot + path.sep), file).toBe(true);
    const rendererRoot = '/srv/certbench/out/renderer';
    for (const url of ['app://certbench/..%2f..%2fetc%2fpasswd', 'app://certbench/a/..%2F..%2F..%2Fetc/passwd', 'app://certbench/..%5C..%5Cwindows', 'app://certbench/x%00.js']) {
      const resolved = resolveAppRequest(url, rendererRoot);
      expect(resolved.ok, url).toBe(false);
    }
    const ok = resolveAppRequest('app://certbench/assets/index.js', rendererRoot);
    expect(ok).toEqual({ ok: true, filePath: path.join(rendererRoot, 'assets/index.js'), mimeType: 'text/javascript; charset=utf-8' });
  });
  it('18. the fuse that gives file:// extra privileges is off', () => {
    const config = yaml.load(readFileSync(new URL('build/electron-builder.yml', root), 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});

describe('19. Check which fuses you can change', () => {
  it('19. the packaged binary flips off run-as-node, NODE_OPTIONS, --inspect and loose app loading', () => {
    const config = yaml.load(readFileSync(new URL('build/electron-builder.yml', root), 'utf8')) as { asar: boolean; electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });
});

describe('20. Do not expose Electron APIs to untrusted web content', () => {
  it('20. the preload exposes only window.certBench, one function per channel (e2e: electron.spec.ts lists the same keys)', () => {
    const { exposed, ipcRenderer, electron } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['certBench']);
    const api = exposed.certBench as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.values(API_METHOD_BY_CHANNEL).sort());
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function');
      expect([ipcRenderer, ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.send, electron.shell, electron.shell.openExternal]).not.toContain(value);
    }
  });
  it('20. a method sends only its own channel and hands back only the reply, never ipcRenderer', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.certBench as Record<string, (...a: unknown[]) => unknown>;
    for (const channel of INVOKE_CHANNELS) {
      ipcRenderer.invoke.mockClear();
      const reply = await api[API_METHOD_BY_CHANNEL[channel]]!('certbench:exec', 'extra');
      expect(reply).toBe('reply');
      expect(ipcRenderer.invoke.mock.calls).toHaveLength(1);
      expect(ipcRenderer.invoke.mock.calls[0]![0]).toBe(channel);
    }
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
  });
  it('20. event listeners get the payload only, never the IpcRendererEvent (which carries sender)', () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.certBench as Record<string, (listener: (...p: unknown[]) => void) => unknown>;
    for (const channel of EVENT_CHANNELS) {
      ipcRenderer.on.mockClear();
      const seen: unknown[][] = [];
      const off = api[API_METHOD_BY_CHANNEL[channel]]!((...p) => seen.push(p));
      expect(typeof off).toBe('function');
      const wrapped = ipcRenderer.on.mock.calls[0]![1] as (event: unknown, payload: unknown) => void;
      wrapped({ sender: ipcRenderer, senderFrame: {} }, 'payload');
      expect(seen).toEqual([['payload']]);
    }
  });
});
