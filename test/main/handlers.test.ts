import { describe, expect, it } from 'vitest';
import type { DialogAdapter, FileSystem } from '../../main/handlers/deps.js';
import { CERTIFICATE_EXTENSIONS, MAX_FILE_BYTES } from '../../main/handlers/deps.js';
import { GrantedPaths } from '../../main/handlers/grantedPaths.js';
import { openFilesWithDialog } from '../../main/handlers/openDialog.js';
import { openExternalUrl } from '../../main/handlers/openExternal.js';
import { openWithPaths } from '../../main/handlers/openWithPaths.js';
import { printToPdf } from '../../main/handlers/printToPdf.js';
import { readFiles } from '../../main/handlers/readFiles.js';
import { readRecentFile } from '../../main/handlers/readRecent.js';
import { createRecentFilesStore, MAX_RECENT_FILES } from '../../main/handlers/recentFiles.js';
import { safeSuggestedName, saveFileWithDialog } from '../../main/handlers/saveFile.js';
import { menuTemplate, type MenuItemSpec } from '../../main/menuTemplate.js';
import { resolveAppRequest } from '../../main/protocol/resolveAppRequest.js';

/** An in-memory file system; sizes can be faked to test the cap without allocating it. */
function fakeFs(files: Record<string, Uint8Array | string> = {}, fakeSizes: Record<string, number> = {}) {
  const store = new Map<string, Uint8Array>(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
  const reads: string[] = [];
  const fs: FileSystem & { store: Map<string, Uint8Array>; reads: string[] } = {
    store,
    reads,
    async stat(path) {
      if (path.endsWith('/folder')) return { size: 0, isFile: () => false };
      const data = store.get(path);
      if (!data) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return { size: fakeSizes[path] ?? data.byteLength, isFile: () => true };
    },
    async readFile(path) {
      reads.push(path);
      const data = store.get(path);
      if (!data) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return data;
    },
    async writeFile(path, data) {
      store.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
    },
    async mkdir() {
      return undefined;
    },
  };
  return fs;
}

function fakeDialog(open: string[] | null, save: string | null) {
  const calls: unknown[] = [];
  const dialog: DialogAdapter = {
    async showOpenDialog(options) {
      calls.push(options);
      return open ? { canceled: false, filePaths: open } : { canceled: true, filePaths: [] };
    },
    async showSaveDialog(options) {
      calls.push(options);
      return save ? { canceled: false, filePath: save } : { canceled: true };
    },
  };
  return { dialog, calls };
}

describe('readFiles', () => {
  it('reads each file on its own and names the ones that fail', async () => {
    const fs = fakeFs({ '/c/um.pfx': 'PFX', '/c/big.iso': 'x' }, { '/c/big.iso': MAX_FILE_BYTES + 1 });
    const result = await readFiles(['/c/um.pfx', '/c/big.iso', '/c/gone.cer', '/c/folder'], { fs });
    expect(result.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['um.pfx', 'PFX']]);
    expect(result.failures.map((f) => f.message)).toEqual([
      'big.iso is larger than 32 MiB; open the certificate file itself, not an archive or disk image.',
      'gone.cer does not exist (moved or deleted?); check the path and try again.',
      'folder is not a file; open the certificate files inside it.',
    ]);
    // The oversized file was never read into memory.
    expect(fs.reads).not.toContain('/c/big.iso');
  });
  it('uses the Windows file name in messages', async () => {
    const result = await readFiles(['C:\\certs\\missing.cer'], { fs: fakeFs() });
    expect(result.failures[0]!.name).toBe('missing.cer');
  });
});

describe('open dialog', () => {
  it('shows certificate filters, grants and reads the chosen files, remembers them', async () => {
    const fs = fakeFs({ '/c/a.cer': 'A', '/c/b.pfx': 'B' });
    const { dialog, calls } = fakeDialog(['/c/a.cer', '/c/b.pfx'], null);
    const granted = new GrantedPaths();
    const recent = createRecentFilesStore({ fs, storeDir: '/u', storePath: '/u/recent.json', now: () => new Date('2025-01-02T03:04:05Z') });
    const result = await openFilesWithDialog({ dialog, fs, granted, recent });
    expect(result.files.map((f) => f.name)).toEqual(['a.cer', 'b.pfx']);
    expect(granted.has('/c/a.cer')).toBe(true);
    const filters = (calls[0] as { filters: { extensions: string[] }[] }).filters;
    expect(filters[0]!.extensions).toEqual(expect.arrayContaining(['pfx', 'p12', 'cer', 'crt', 'pem', 'der', 'p7b', 'csr', 'req']));
    // Snapshots, pasted output saved to a file and Export-Clixml open in the Estate view.
    expect(filters[1]!.extensions).toEqual(expect.arrayContaining(['json', 'txt', 'xml']));
    expect((await recent.list()).map((r) => r.path)).toEqual(['/c/b.pfx', '/c/a.cer']);
  });
  it('returns nothing when the user cancels', async () => {
    const { dialog } = fakeDialog(null, null);
    expect(await openFilesWithDialog({ dialog, fs: fakeFs(), granted: new GrantedPaths() })).toEqual({ files: [], failures: [] });
  });
});

describe('recent files and reopening', () => {
  it('keeps the newest ten, without duplicates, surviving a damaged store', async () => {
    const fs = fakeFs({ '/u/recent.json': '{not json' });
    const recent = createRecentFilesStore({ fs, storeDir: '/u', storePath: '/u/recent.json' });
    expect(await recent.list()).toEqual([]);
    for (let i = 0; i < 12; i++) await recent.add(`/c/${i}.cer`);
    await recent.add('/c/5.cer');
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]!.path).toBe('/c/5.cer');
    expect(list.filter((r) => r.path === '/c/5.cer')).toHaveLength(1);
    expect(JSON.stringify(list)).not.toMatch(/bytes|password/);
  });
  it('reads only paths that were granted or are in the recent list', async () => {
    const fs = fakeFs({ '/c/a.cer': 'A', '/home/me/.ssh/id_rsa': 'SECRET' });
    const recent = createRecentFilesStore({ fs, storeDir: '/u', storePath: '/u/recent.json' });
    await recent.add('/c/a.cer');
    const granted = new GrantedPaths();
    expect((await readRecentFile('/c/a.cer', { fs, granted, recent })).files).toHaveLength(1);
    const refused = await readRecentFile('/home/me/.ssh/id_rsa', { fs, granted, recent });
    expect(refused.files).toEqual([]);
    expect(refused.failures[0]!.message).toMatch(/not in the recent list/);
    expect(fs.reads).not.toContain('/home/me/.ssh/id_rsa');
    expect((await readRecentFile(42, { fs, granted, recent })).files).toEqual([]);
  });
});

describe('save and print', () => {
  const deps = (save: string | null, fs = fakeFs()) => ({ ...fakeDialog(null, save), fs, defaultDir: '/docs', joinPath: (d: string, n: string) => `${d}/${n}` });
  it('writes where the user chose and says where', async () => {
    const d = deps('/docs/report.html');
    expect(await saveFileWithDialog({ suggestedName: 'report.html', data: '<html>' }, d)).toEqual({ path: '/docs/report.html' });
    expect(new TextDecoder().decode(d.fs.store.get('/docs/report.html'))).toBe('<html>');
    expect((d.calls[0] as { defaultPath: string }).defaultPath).toBe('/docs/report.html');
  });
  it('writes nothing when cancelled, and refuses odd data', async () => {
    const d = deps(null);
    expect(await saveFileWithDialog({ suggestedName: 'a.txt', data: 'x' }, d)).toBeNull();
    expect(d.fs.store.size).toBe(0);
    await expect(saveFileWithDialog({ suggestedName: 'a.txt', data: { evil: true } }, d)).rejects.toThrow(TypeError);
  });
  it('keeps a suggested name a plain name', () => {
    expect(safeSuggestedName('../../etc/passwd')).toBe('passwd');
    expect(safeSuggestedName('C:\\Windows\\evil.ps1')).toBe('evil.ps1');
    expect(safeSuggestedName('.bashrc')).toBe('bashrc');
    expect(safeSuggestedName('a<b>:"c|?*.txt')).toBe('a_b___c___.txt');
    expect(safeSuggestedName(undefined)).toBe('certbench-output.txt');
  });
  it('prints to PDF and saves with a .pdf name', async () => {
    const d = deps('/docs/out.pdf');
    const pdf = new TextEncoder().encode('%PDF-1.7');
    expect(await printToPdf('report', { ...d, renderPdf: async () => pdf })).toEqual({ path: '/docs/out.pdf' });
    expect((d.calls[0] as { defaultPath: string }).defaultPath).toBe('/docs/report.pdf');
    expect(d.fs.store.get('/docs/out.pdf')).toEqual(pdf);
  });
});

describe('open with', () => {
  it('takes file arguments, skipping the executable, the dev entry and switches', () => {
    expect(openWithPaths(['C:\\Program Files\\CertBench\\CertBench.exe', 'C:\\certs\\um.pfx'], { isPackaged: true })).toEqual(['C:\\certs\\um.pfx']);
    expect(openWithPaths(['/usr/bin/electron', 'out/node/main/app.js', '--inspect=9229', '/tmp/a.cer', '/tmp/a.cer', '--', '-odd.cer'], { isPackaged: false })).toEqual([
      '/tmp/a.cer',
      '-odd.cer',
    ]);
    expect(openWithPaths(['CertBench.exe', '--allow-file-access-from-files', 'certbench://x'], { isPackaged: true })).toEqual([]);
  });
  it('the file associations cover every format CertBench opens', () => {
    expect(CERTIFICATE_EXTENSIONS).toEqual(expect.arrayContaining(['pfx', 'p12', 'cer', 'crt', 'pem', 'der', 'p7b', 'csr', 'req']));
  });
});

describe('external URLs', () => {
  it('opens http(s) only', async () => {
    const opened: string[] = [];
    const deps = { openExternal: async (u: string) => void opened.push(u) };
    expect(await openExternalUrl('http://pki.contoso.com/a.crl', deps)).toBe(true);
    expect(await openExternalUrl('file:///C:/Windows/System32/calc.exe', deps)).toBe(false);
    expect(await openExternalUrl({ href: 'x' }, deps)).toBe(false);
    expect(opened).toEqual(['http://pki.contoso.com/a.crl']);
  });
});

describe('app:// protocol', () => {
  it('serves files inside the renderer folder with the right MIME type', () => {
    expect(resolveAppRequest('app://certbench/', '/app/out/renderer')).toEqual({ ok: true, filePath: '/app/out/renderer/index.html', mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://certbench/assets/worker-1.js', '/app/out/renderer')).toMatchObject({ ok: true, mimeType: 'text/javascript; charset=utf-8' });
  });
  it('refuses anything outside it and other hosts', () => {
    // Dot segments are normalised by the URL parser and stay inside the folder…
    expect(resolveAppRequest('app://certbench/%2e%2e/%2e%2e/etc/passwd', '/app/out/renderer')).toMatchObject({ ok: true, filePath: '/app/out/renderer/etc/passwd' });
    // …and encoded separators that would climb out after decoding are refused.
    expect(resolveAppRequest('app://certbench/a%2F..%2F..%2F..%2Fetc%2Fpasswd', '/app/out/renderer')).toEqual({ ok: false, status: 403 });
    expect(resolveAppRequest('app://certbench/..%5c..%5cx', '/app/out/renderer')).toEqual({ ok: false, status: 400 });
    expect(resolveAppRequest('app://evil/index.html', '/app/out/renderer')).toEqual({ ok: false, status: 403 });
    expect(resolveAppRequest('https://certbench/index.html', '/app/out/renderer')).toEqual({ ok: false, status: 403 });
    expect(resolveAppRequest('app://certbench/%00', '/app/out/renderer')).toEqual({ ok: false, status: 400 });
  });
});

describe('menu', () => {
  const flatten = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
  it('has File / Edit / View / Help with the shortcuts', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const template = menuTemplate(platform, false);
      const labels = template.map((t) => t.label);
      expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
      const items = flatten(template);
      expect(items.find((i) => i.command === 'open')?.accelerator).toBe('CmdOrCtrl+O');
      expect(items.some((i) => i.role === 'copy')).toBe(true);
      expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
      const accelerators = items.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
    expect(flatten(menuTemplate('linux', true)).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
