// The native menu as data (File / Edit / View / Help) so its shortcuts can be tested without
// Electron. Items that act on the workbench send a MenuCommand to the renderer.
import type { MenuCommand } from '../shared/ipc/channels.js';

export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

export function menuTemplate(platform: NodeJS.Platform, devTools: boolean): MenuItemSpec[] {
  const isMac = platform === 'darwin';
  const sep: MenuItemSpec = { type: 'separator' };
  const template: MenuItemSpec[] = [];
  if (isMac) {
    template.push({
      label: 'CertBench',
      submenu: [{ label: 'About CertBench', command: 'about' }, sep, { role: 'hide' }, { role: 'hideOthers' }, sep, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', command: 'open' },
        { label: 'New Request…', accelerator: 'CmdOrCtrl+N', command: 'new-request' },
        sep,
        { label: 'Commands', accelerator: 'CmdOrCtrl+Shift+P', command: 'commands' },
        { label: 'Report…', accelerator: 'CmdOrCtrl+R', command: 'report' },
        { label: 'Export PDF…', accelerator: 'CmdOrCtrl+P', command: 'print' },
        sep,
        { label: 'Environment…', accelerator: 'CmdOrCtrl+E', command: 'environment' },
        sep,
        isMac ? { role: 'close' } : { role: 'quit', label: 'Exit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Thumbprint Tool', accelerator: 'CmdOrCtrl+T', command: 'thumbprint' },
        { label: 'Rule Catalogue', command: 'rules' },
        sep,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
        ...(devTools ? [sep, { role: 'toggleDevTools' }] : []),
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'About CertBench', command: 'about' }, { label: 'Rule Catalogue', command: 'rules' }],
    },
  );
  return template;
}
